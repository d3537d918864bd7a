import { z } from 'zod';

/**
 * A calendar date 'YYYY-MM-DD' (architecture.md: calendar dates and instants are different types). Dates
 * compare as strings; the arithmetic below works in UTC on whole days, so no time zone or daylight saving
 * change ever moves a date.
 */
export type CalendarDate = string;

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** True for a real date of the Gregorian calendar between years 1900 and 2999 ('2026-02-30' is not). */
export function isCalendarDate(value: string): boolean {
  const m = shape.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export const CalendarDateSchema = z.string().trim().refine(isCalendarDate, { error: 'date.invalid' });

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: CalendarDate): number {
  const m = shape.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtc(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(date) + days * dayMs);
}

/**
 * The same day `months` later; when that month is shorter, its last day (31 January + 1 month = 28 or
 * 29 February), the usual reading of a term "of N months" in French law (C. civ. art. 641).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const m = shape.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return fromUtc(Date.UTC(year, month - 1, day));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

/** Days from `start` to `end`, both included (a one-day contract lasts 1 day). */
export function daysInclusive(start: CalendarDate, end: CalendarDate): number {
  return daysBetween(start, end) + 1;
}

/**
 * The last day of a term of `months` starting on `start`: a 12-month CAPE starting on 15 March 2026 runs
 * up to and including 14 March 2027.
 */
export function termEnd(start: CalendarDate, months: number): CalendarDate {
  return addDays(addMonths(start, months), -1);
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** The calendar date of an instant in a time zone (the cooperative's, Europe/Paris by default). */
export function calendarDateOf(instant: Date, timeZone = 'Europe/Paris'): CalendarDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
