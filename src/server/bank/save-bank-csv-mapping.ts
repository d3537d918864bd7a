import { eq } from 'drizzle-orm';
import { CsvMapping } from '../../core/bank/statement-schemas.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { bankAccounts } from './bank-tables.ts';
import { bankAccountView } from './create-bank-account.ts';

/** Saves the column mapping of the bank's CSV exports, used for every CSV import of the account (issue 9 §2). */
export async function saveBankCsvMapping(ctx: AppContext, actor: Actor, accountId: string, input: unknown) {
  const parsed = CsvMapping.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const m = parsed.data;
  if (!m.amountColumn && !(m.debitColumn && m.creditColumn))
    throw new AppError('BANK_CSV_MAPPING_INVALID', {
      problem: 'il faut une colonne de montant, ou une colonne de débit et une de crédit',
    });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bankAccounts)
      .set({ csvMapping: m })
      .where(eq(bankAccounts.id, accountId))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'bank.account.mapping',
      objectType: 'bank_account',
      objectId: accountId,
      changes: { csvMapping: m },
    });
    return bankAccountView(row);
  });
}
