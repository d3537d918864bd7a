import { can } from '../../core/access/permissions.ts';
import { ContributionSettings } from '../../core/contribution/contribution-policy.ts';
import type { ContributionSettingsView } from '../../core/contribution/contribution-views.ts';
import { defaultContributionSettings } from '../../core/contribution/treasury-alerts.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { contributionSettings } from './contribution-tables.ts';

/** The cooperative's alert thresholds (one row, migrations/0015_contribution_revocation.sql). */
export async function getContributionSettings(db: Db): Promise<ContributionSettingsView> {
  const [row] = await db.select().from(contributionSettings);
  if (!row) return { ...defaultContributionSettings, updatedAt: new Date(0).toISOString() };
  return {
    fallingMonths: row.fallingMonths,
    fallingPercentBp: row.fallingPercentBp,
    fallingMinCents: row.fallingMinCents,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Sets the thresholds of the "treasury falling" alert (managers), audited. */
export async function updateContributionSettings(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<ContributionSettingsView> {
  if (!can(actor.roles, 'contribution.manage')) throw new AppError('FORBIDDEN');
  const parsed = ContributionSettings.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  return ctx.db.transaction(async (tx) => {
    const before = await getContributionSettings(tx);
    const now = ctx.now();
    await tx
      .insert(contributionSettings)
      .values({ id: 1, ...parsed.data, updatedBy: actor.userId, updatedAt: now })
      .onConflictDoUpdate({
        target: contributionSettings.id,
        set: { ...parsed.data, updatedBy: actor.userId, updatedAt: now },
      });
    await recordAudit(tx, actor, {
      action: 'contribution.settings.update',
      objectType: 'contribution_settings',
      objectId: '1',
      changes: diffFields(before as unknown as Record<string, unknown>, parsed.data),
    });
    return { ...parsed.data, updatedAt: now.toISOString() };
  });
}
