import { z } from 'zod';

/**
 * An accounting date, 'YYYY-MM-DD' (a calendar date, never an instant: ledger.md). Dates compare as
 * strings; arithmetic is done on whole UTC days so that no time zone moves a date.
 */
export type LedgerDate = string;

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real Gregorian date between 1900 and 2999 ('2026-02-30' is not). */
export function isLedgerDate(value: string): boolean {
  const m = shape.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const LedgerDateSchema = z.string().trim().refine(isLedgerDate, { error: 'ledger.date' });

export function addDaysToDate(date: LedgerDate, days: number): LedgerDate {
  const m = shape.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date of an instant in the cooperative's time zone (Europe/Paris by default). */
export function dateInTimeZone(instant: Date, timeZone = 'Europe/Paris'): LedgerDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
