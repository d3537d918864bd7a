import { type SQL, sql } from 'drizzle-orm';
import type { FiscalYearView, LedgerFilters } from '../../core/ledger/report-schemas.ts';

/** The period of a report: the filters' dates clipped to the fiscal year. */
export function reportPeriod(filters: LedgerFilters, year: FiscalYearView) {
  const from = filters.from && filters.from > year.startDate ? filters.from : year.startDate;
  const to = filters.to && filters.to < year.endDate ? filters.to : year.endDate;
  return { from, to, wholeYear: from === year.startDate && to === year.endDate };
}

/**
 * SQL conditions for lines `l` of entries `e` matching the filters, within the fiscal year and period.
 * With `entryLevel`, account / activity / third-party filters select entries having such a line.
 */
export function ledgerFilterSql(
  filters: LedgerFilters,
  year: FiscalYearView,
  options: { entryLevel?: boolean } = {},
): SQL {
  const { from, to } = reportPeriod(filters, year);
  const parts: SQL[] = [sql`e.fiscal_year_id = ${year.id}`, sql`e.entry_date BETWEEN ${from} AND ${to}`];
  if (filters.journalCode) parts.push(sql`e.journal_code = ${filters.journalCode}`);
  const lineParts: SQL[] = [];
  if (filters.account) lineParts.push(sql`l.account_number LIKE ${`${filters.account}%`}`);
  if (filters.activityId) lineParts.push(sql`l.activity_id = ${filters.activityId}`);
  if (filters.thirdPartyCode) lineParts.push(sql`l.third_party_code = ${filters.thirdPartyCode}`);
  if (lineParts.length > 0) {
    if (options.entryLevel)
      parts.push(
        sql`EXISTS (SELECT 1 FROM ledger_entry_lines l WHERE l.entry_id = e.id AND ${sql.join(lineParts, sql` AND `)})`,
      );
    else parts.push(...lineParts);
  }
  return sql.join(parts, sql` AND `);
}
