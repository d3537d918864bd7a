import { and, eq } from 'drizzle-orm';
import { BankAccountInput, type BankAccountView } from '../../core/bank/bank-schemas.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { isValidBic, isValidIban } from '../../core/identity/bank-details.ts';
import { normalizeIdentifier } from '../../core/identity/normalize-identifier.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isUniqueViolation } from '../db/is-unique-violation.ts';
import { ledgerAccounts, ledgerJournals } from '../ledger/ledger-tables.ts';
import { bankAccounts } from './bank-tables.ts';

export function bankAccountView(row: typeof bankAccounts.$inferSelect): BankAccountView {
  return {
    id: row.id,
    name: row.name,
    iban: row.iban,
    bic: row.bic,
    journalCode: row.journalCode,
    ledgerAccountNumber: row.ledgerAccountNumber,
    csvMapping: row.csvMapping,
  };
}

/**
 * Adds a bank account of the cooperative (issue 9 §1): a valid IBAN (ISO 13616 checksum), a bank journal and a
 * 512x account of the chart (ledger.md: one BQ journal per bank account), and the saved CSV mapping if any.
 */
export async function createBankAccount(ctx: AppContext, actor: Actor, input: unknown) {
  const parsed = BankAccountInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const p = parsed.data;
  const iban = normalizeIdentifier(p.iban);
  if (!isValidIban(iban)) throw new AppError('BANK_IBAN_INVALID');
  if (p.bic && !isValidBic(p.bic)) throw new AppError('VALIDATION_FAILED', { field: 'bic' });
  return ctx.db.transaction(async (tx) => {
    const [journal] = await tx
      .select()
      .from(ledgerJournals)
      .where(and(eq(ledgerJournals.code, p.journalCode), eq(ledgerJournals.kind, 'bank')));
    const [account] = await tx
      .select()
      .from(ledgerAccounts)
      .where(eq(ledgerAccounts.number, p.ledgerAccountNumber));
    if (!journal || !account?.active)
      throw new AppError('BANK_LEDGER_ACCOUNT_INVALID', {
        accountNumber: p.ledgerAccountNumber,
        journalCode: p.journalCode,
      });
    try {
      const [row] = await tx
        .insert(bankAccounts)
        .values({
          name: p.name,
          iban,
          bic: p.bic ? normalizeIdentifier(p.bic) : null,
          journalCode: p.journalCode,
          ledgerAccountNumber: p.ledgerAccountNumber,
          csvMapping: p.csvMapping,
          createdBy: actor.userId,
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'bank.account.create',
        objectType: 'bank_account',
        objectId: row!.id,
        changes: {
          name: p.name,
          iban,
          journalCode: p.journalCode,
          ledgerAccountNumber: p.ledgerAccountNumber,
        },
      });
      return bankAccountView(row!);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('BANK_ACCOUNT_EXISTS');
      throw error;
    }
  });
}
