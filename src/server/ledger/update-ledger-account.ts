import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import { ledgerAccounts } from './ledger-tables.ts';

/**
 * Renames an account, (de)activates it, or changes whether it needs a third party (accountant). Its number
 * never changes: lines refer to it. A deactivated account takes no new line; its balance is still carried.
 */
export async function updateLedgerAccount(
  ctx: AppContext,
  actor: Actor,
  number: string,
  input: { label?: string; active?: boolean; requiresThirdParty?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.number, number))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const after = {
      label: input.label ?? before.label,
      active: input.active ?? before.active,
      requiresThirdParty: input.requiresThirdParty ?? before.requiresThirdParty,
    };
    const [row] = await tx
      .update(ledgerAccounts)
      .set({ ...after, updatedAt: ctx.now() })
      .where(eq(ledgerAccounts.number, number))
      .returning();
    await recordAudit(tx, actor, {
      action: 'ledger.account.update',
      objectType: 'ledger_account',
      objectId: number,
      changes: diffFields(
        { label: before.label, active: before.active, requiresThirdParty: before.requiresThirdParty },
        after,
      ),
    });
    return row!;
  });
}
