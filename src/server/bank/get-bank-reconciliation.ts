import { desc, eq, sql } from 'drizzle-orm';
import type { ReconciliationView } from '../../core/bank/bank-schemas.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { daysBetween } from '../../core/sales/calendar-date.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { bankAccounts, bankImports } from './bank-tables.ts';
import { bankAccountView } from './create-bank-account.ts';
import { importView } from './import-bank-statement.ts';
import { bookBalanceAt } from './load-match-candidates.ts';

/**
 * The reconciliation state of a bank account (issue 9 §4): the bank's balance (the latest closing balance of
 * the statements imported) beside the book's balance of its 512x on the same date, the difference, the lines
 * still unmatched, and the suspense: how much, how many lines, and the age of the oldest.
 */
export async function getBankReconciliation(
  db: Db,
  accountId: string,
  today: string,
): Promise<ReconciliationView> {
  const [account] = await db.select().from(bankAccounts).where(eq(bankAccounts.id, accountId));
  if (!account) throw new AppError('NOT_FOUND');
  const [latest] = await queryRows<{ closing_cents: string | null; closing_date: string | null }>(
    db,
    sql`SELECT closing_cents::text, closing_date::text FROM bank_imports
        WHERE bank_account_id = ${accountId} AND closing_cents IS NOT NULL
        ORDER BY closing_date DESC, imported_at DESC LIMIT 1`,
  );
  const [counts] = await queryRows<Record<string, string | null>>(
    db,
    sql`SELECT count(*) FILTER (WHERE status = 'unmatched')::text AS unmatched,
               coalesce(sum(amount_cents) FILTER (WHERE status = 'unmatched'), 0)::text AS unmatched_cents,
               count(*) FILTER (WHERE status = 'suspense')::text AS suspense,
               coalesce(sum(amount_cents) FILTER (WHERE status = 'suspense'), 0)::text AS suspense_cents,
               min(booking_date) FILTER (WHERE status = 'suspense')::text AS oldest_suspense,
               count(*) FILTER (WHERE status = 'matched')::text AS matched
        FROM bank_lines WHERE bank_account_id = ${accountId}`,
  );
  const imports = await db
    .select()
    .from(bankImports)
    .where(eq(bankImports.bankAccountId, accountId))
    .orderBy(desc(bankImports.importedAt))
    .limit(20);
  const bankDate = latest?.closing_date ?? null;
  const bankBalance = latest?.closing_cents == null ? null : Number(latest.closing_cents);
  const bookAtBankDate = bankDate ? await bookBalanceAt(db, account.ledgerAccountNumber, bankDate) : null;
  return {
    account: bankAccountView(account),
    bankBalanceCents: bankBalance,
    bankBalanceDate: bankDate,
    bookBalanceAtBankDateCents: bookAtBankDate,
    bookBalanceCents: await bookBalanceAt(db, account.ledgerAccountNumber, today),
    differenceCents: bankBalance === null || bookAtBankDate === null ? null : bankBalance - bookAtBankDate,
    unmatchedCount: Number(counts?.unmatched ?? 0),
    unmatchedCents: Number(counts?.unmatched_cents ?? 0),
    suspenseCount: Number(counts?.suspense ?? 0),
    suspenseCents: Number(counts?.suspense_cents ?? 0),
    oldestSuspenseDays: counts?.oldest_suspense ? daysBetween(counts.oldest_suspense, today) : null,
    matchedCount: Number(counts?.matched ?? 0),
    imports: imports.map(importView),
  };
}

export async function listBankAccounts(db: Db) {
  const rows = await db.select().from(bankAccounts).orderBy(bankAccounts.createdAt);
  return rows.map(bankAccountView);
}
