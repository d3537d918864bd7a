import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { ledgerAccounts } from './ledger-tables.ts';

/** Removes an account that no line uses (a mistake in the chart); one with lines can only be deactivated. */
export async function removeLedgerAccount(ctx: AppContext, actor: Actor, number: string) {
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.number, number))
      .for('update');
    if (!account) throw new AppError('NOT_FOUND');
    const used = await queryRows(
      tx,
      sql`SELECT 1 FROM ledger_entry_lines WHERE account_number = ${number} LIMIT 1`,
    );
    if (used.length > 0) throw new AppError('LEDGER_ACCOUNT_HAS_LINES', { account: number });
    await tx.delete(ledgerAccounts).where(eq(ledgerAccounts.number, number));
    await recordAudit(tx, actor, {
      action: 'ledger.account.remove',
      objectType: 'ledger_account',
      objectId: number,
      changes: { label: account.label },
    });
  });
}
