import { addDaysToDate, type LedgerDate } from './ledger-date.ts';

export type FiscalYearStatus = 'open' | 'closed';
export type FiscalYearRange = { startDate: LedgerDate; endDate: LedgerDate };
export type FiscalYearRef = FiscalYearRange & { id: number; status: FiscalYearStatus };

/** The same month and day `years` later, or the month's last day when it has fewer (29 February). */
function sameDayOtherYear(date: LedgerDate, years: number): LedgerDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + years, m - 1, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * The 12-month fiscal year that contains `date` and ends on the cooperative's year-end ('MM-DD', e.g.
 * '12-31'): the year used when the books are first opened.
 */
export function fiscalYearContaining(date: LedgerDate, fiscalYearEnd: string): FiscalYearRange {
  const [mm, dd] = fiscalYearEnd.split('-');
  const year = Number(date.slice(0, 4));
  let end = `${year}-${mm}-${dd}`;
  if (end < date) end = `${year + 1}-${mm}-${dd}`;
  const startDate = addDaysToDate(sameDayOtherYear(end, -1), 1);
  return { startDate, endDate: end };
}

/** The fiscal year after `last`: it starts the next day and lasts twelve months. */
export function nextFiscalYearRange(last: FiscalYearRange): FiscalYearRange {
  return { startDate: addDaysToDate(last.endDate, 1), endDate: sameDayOtherYear(last.endDate, 1) };
}

/**
 * Checks a fiscal year being opened: it follows the last one without gap (or is the first one), ends after
 * it starts and lasts at most 24 months (a first year may be longer or shorter than 12: C. com. L123-12).
 * Returns the reason it is refused, or null.
 */
export function fiscalYearRangeProblem(range: FiscalYearRange, last: FiscalYearRange | null): string | null {
  if (range.endDate <= range.startDate) return 'la fin doit suivre le début';
  if (range.endDate > addDaysToDate(range.startDate, 731)) return 'un exercice dure au plus 24 mois';
  if (last && range.startDate !== addDaysToDate(last.endDate, 1))
    return `il doit commencer le ${addDaysToDate(last.endDate, 1)}, le lendemain de la fin du précédent`;
  return null;
}

export type PostingDateRefusal =
  | { code: 'LEDGER_FISCAL_YEAR_MISSING'; date: LedgerDate }
  | { code: 'LEDGER_FISCAL_YEAR_CLOSED'; date: LedgerDate }
  | { code: 'LEDGER_DATE_LOCKED'; date: LedgerDate; lockDate: LedgerDate };

/**
 * Why nothing can be posted on `date` (ledger.md, invariant 5): no fiscal year covers it, its year is
 * closed, or it is on or before the lock date. Null when the date is open for posting.
 */
export function postingDateRefusal(
  date: LedgerDate,
  fiscalYear: FiscalYearRef | undefined,
  lockDate: LedgerDate | null,
): PostingDateRefusal | null {
  if (!fiscalYear || date < fiscalYear.startDate || date > fiscalYear.endDate)
    return { code: 'LEDGER_FISCAL_YEAR_MISSING', date };
  if (fiscalYear.status === 'closed') return { code: 'LEDGER_FISCAL_YEAR_CLOSED', date };
  if (lockDate && date <= lockDate) return { code: 'LEDGER_DATE_LOCKED', date, lockDate };
  return null;
}

/** The fiscal year among `years` that contains `date`. */
export function findFiscalYear<T extends FiscalYearRange>(
  years: readonly T[],
  date: LedgerDate,
): T | undefined {
  return years.find((y) => y.startDate <= date && date <= y.endDate);
}

/**
 * The fiscal year to open so that `dates` can be posted, or null: for empty books, the twelve months ending
 * on the cooperative's year-end that contain the earliest date; otherwise the year right after the last
 * one, when the latest date falls in it. Dates further ahead, or before the first year, open nothing.
 */
export function fiscalYearToOpen(
  existing: readonly FiscalYearRange[],
  dates: readonly LedgerDate[],
  fiscalYearEnd: string,
): FiscalYearRange | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  const last = [...existing].sort((a, b) => a.startDate.localeCompare(b.startDate)).at(-1);
  if (!last) return fiscalYearContaining(sorted[0]!, fiscalYearEnd);
  const latest = sorted.at(-1)!;
  const next = nextFiscalYearRange(last);
  return latest > last.endDate && latest <= next.endDate ? next : null;
}
