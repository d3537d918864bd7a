import { sql } from 'drizzle-orm';
import type { GeneralLedger, LedgerFilters } from '../../core/ledger/report-schemas.ts';
import { centsToJson } from '../../core/money/cents-schema.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { ledgerFilterSql, reportPeriod } from './ledger-filter-sql.ts';
import { resolveFiscalYear } from './resolve-fiscal-year.ts';

export const generalLedgerMaxLines = 5_000;

/**
 * The general ledger (grand livre): per account, its balance at the start of the period, every line of the
 * period in date order (opening entries first on their day, then posting order) with the running balance, and its totals. At most `maxLines` lines are
 * listed (`truncated` says so); the totals always cover the whole period.
 */
export async function getGeneralLedger(
  db: Db,
  filters: LedgerFilters,
  today: string,
  maxLines = generalLedgerMaxLines,
): Promise<GeneralLedger> {
  const year = await resolveFiscalYear(db, filters.fiscalYearId, today);
  const period = reportPeriod(filters, year);
  const where = ledgerFilterSql(filters, year);
  const before = ledgerFilterSql({ ...filters, from: year.startDate, to: period.from }, year);
  const [opening, totals, lines] = [
    await queryRows<{ account_number: string; net: string }>(
      db,
      sql`SELECT l.account_number, sum(l.debit_cents - l.credit_cents)::text AS net
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE ${before} AND e.entry_date < ${period.from}
          GROUP BY l.account_number`,
    ),
    await queryRows<{ account_number: string; label: string; debit: string; credit: string }>(
      db,
      sql`SELECT l.account_number, a.label, sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          JOIN ledger_accounts a ON a.number = l.account_number
          WHERE ${where} GROUP BY l.account_number, a.label ORDER BY l.account_number`,
    ),
    await queryRows<{
      account_number: string;
      entry_id: string;
      line_no: number;
      journal_code: string;
      number: number;
      entry_date: string;
      piece_ref: string;
      label: string;
      activity_code: string;
      third_party_code: string | null;
      debit: string;
      credit: string;
    }>(
      db,
      sql`SELECT l.account_number, e.id AS entry_id, l.line_no, e.journal_code, e.number, e.entry_date::text AS entry_date,
                 e.piece_ref, coalesce(nullif(l.label, ''), e.label) AS label, t.code AS activity_code,
                 l.third_party_code, l.debit_cents::text AS debit, l.credit_cents::text AS credit
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          JOIN activities t ON t.id = l.activity_id
          WHERE ${where}
          ORDER BY l.account_number, e.entry_date, e.journal_code <> 'AN', e.seq, l.line_no
          LIMIT ${maxLines + 1}`,
    ),
  ];
  const truncated = lines.length > maxLines;
  const openingOf = new Map(opening.map((o) => [o.account_number, BigInt(o.net)]));
  const accounts = new Map<string, GeneralLedger['accounts'][number] & { running: bigint }>();
  for (const t of totals) {
    const open = openingOf.get(t.account_number) ?? 0n;
    accounts.set(t.account_number, {
      accountNumber: t.account_number,
      accountLabel: t.label,
      openingCents: centsToJson(open),
      debitCents: centsToJson(BigInt(t.debit)),
      creditCents: centsToJson(BigInt(t.credit)),
      closingCents: centsToJson(open + BigInt(t.debit) - BigInt(t.credit)),
      lines: [],
      running: open,
    });
  }
  for (const l of lines.slice(0, maxLines)) {
    const account = accounts.get(l.account_number)!;
    const debit = BigInt(l.debit);
    const credit = BigInt(l.credit);
    account.running += debit - credit;
    account.lines.push({
      entryId: l.entry_id,
      lineNo: Number(l.line_no),
      journalCode: l.journal_code,
      number: Number(l.number),
      entryDate: l.entry_date,
      pieceRef: l.piece_ref,
      label: l.label,
      activityCode: l.activity_code,
      thirdPartyCode: l.third_party_code,
      debitCents: centsToJson(debit),
      creditCents: centsToJson(credit),
      runningBalanceCents: centsToJson(account.running),
    });
  }
  return {
    fiscalYear: year,
    from: period.from,
    to: period.to,
    accounts: [...accounts.values()].map(({ running: _running, ...a }) => a),
    truncated,
  };
}
