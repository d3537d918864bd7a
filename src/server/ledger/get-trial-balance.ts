import { sql } from 'drizzle-orm';
import type { LedgerFilters, TrialBalance } from '../../core/ledger/report-schemas.ts';
import { centsToJson } from '../../core/money/cents-schema.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { ledgerFilterSql, reportPeriod } from './ledger-filter-sql.ts';
import { resolveFiscalYear } from './resolve-fiscal-year.ts';

/**
 * The trial balance (balance générale): per account, total debits and credits and the balance. For a
 * whole year without journal or third-party filter it reads the stored balances; otherwise it sums lines.
 * Either way the figures are those of the lines (verify checks that the stored balances agree).
 */
export async function getTrialBalance(db: Db, filters: LedgerFilters, today: string): Promise<TrialBalance> {
  const year = await resolveFiscalYear(db, filters.fiscalYearId, today);
  const period = reportPeriod(filters, year);
  const fromBalances = period.wholeYear && !filters.journalCode && !filters.thirdPartyCode;
  const rows = fromBalances
    ? await queryRows<{ account_number: string; label: string; debit: string; credit: string }>(
        db,
        sql`SELECT b.account_number, a.label, sum(b.debit_cents)::text AS debit, sum(b.credit_cents)::text AS credit
            FROM ledger_balances b JOIN ledger_accounts a ON a.number = b.account_number
            WHERE b.fiscal_year_id = ${year.id}
              ${filters.account ? sql`AND b.account_number LIKE ${`${filters.account}%`}` : sql``}
              ${filters.activityId ? sql`AND b.activity_id = ${filters.activityId}` : sql``}
            GROUP BY b.account_number, a.label
            HAVING sum(b.line_count) > 0
            ORDER BY b.account_number`,
      )
    : await queryRows<{ account_number: string; label: string; debit: string; credit: string }>(
        db,
        sql`SELECT l.account_number, a.label, sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
            FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
            JOIN ledger_accounts a ON a.number = l.account_number
            WHERE ${ledgerFilterSql(filters, year)}
            GROUP BY l.account_number, a.label
            ORDER BY l.account_number`,
      );
  let totalDebit = 0n;
  let totalCredit = 0n;
  const out = rows.map((r) => {
    const debit = BigInt(r.debit);
    const credit = BigInt(r.credit);
    totalDebit += debit;
    totalCredit += credit;
    return {
      accountNumber: r.account_number,
      accountLabel: r.label,
      debitCents: centsToJson(debit),
      creditCents: centsToJson(credit),
      balanceCents: centsToJson(debit - credit),
    };
  });
  return {
    fiscalYear: year,
    from: period.from,
    to: period.to,
    rows: out,
    totalDebitCents: centsToJson(totalDebit),
    totalCreditCents: centsToJson(totalCredit),
  };
}
