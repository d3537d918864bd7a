import { AppError } from '../../core/errors/app-error.ts';
import { checkGovernanceSettings, GovernanceSettings } from '../../core/governance/governance-settings.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { governanceSettings } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';

/**
 * Saves the statutes' governance settings. Refused, naming each value, when they loosen the law for the
 * cooperative's legal form (a lower quorum, a looser majority, a shorter notice…).
 */
export async function updateGovernanceSettings(ctx: AppContext, actor: Actor, input: GovernanceSettings) {
  const settings = GovernanceSettings.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await loadGovernance(tx);
    const violations = checkGovernanceSettings(before.legalForm, settings);
    if (violations.length > 0)
      throw new AppError('GOVERNANCE_SETTINGS_LOOSER', {
        paths: violations.map((v) => v.path).join(', '),
        violations,
      });
    await tx
      .insert(governanceSettings)
      .values({ id: 1, settings, updatedAt: ctx.now() })
      .onConflictDoUpdate({ target: governanceSettings.id, set: { settings, updatedAt: ctx.now() } });
    await recordAudit(tx, actor, {
      action: 'governance.settings.update',
      objectType: 'governance_settings',
      objectId: '1',
      changes: { from: before.settings, to: settings },
    });
    return loadGovernance(tx);
  });
}
