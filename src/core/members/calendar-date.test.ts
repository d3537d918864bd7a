import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  CalendarDateSchema,
  calendarDateOf,
  daysBetween,
  daysInclusive,
  isCalendarDate,
  termEnd,
} from './calendar-date.ts';

const dateArb = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
    expect(CalendarDateSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('date.invalid');
  });

  it('adds months the way a legal term counts them, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('gives the last day of a term: a 12-month term from 15 March ends on 14 March', () => {
    expect(termEnd('2026-03-15', 12)).toBe('2027-03-14');
    expect(termEnd('2026-01-01', 8)).toBe('2026-08-31');
    expect(termEnd('2026-01-01', 36)).toBe('2028-12-31');
  });

  it('counts days, both ends included when asked', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the daylight saving change
    expect(daysInclusive('2026-01-01', '2026-01-01')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it("takes the date of an instant in the cooperative's time zone", () => {
    expect(calendarDateOf(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(calendarDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(calendarDateOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('round-trips adding and counting days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(isCalendarDate(addDays(d, n))).toBe(true);
      }),
    );
  });

  it('always lands a term after its start and within its months', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 48 }), (d, months) => {
        const end = termEnd(d, months);
        expect(end >= d).toBe(true);
        expect(daysInclusive(d, end)).toBeLessThanOrEqual(31 * months);
        expect(daysInclusive(d, end)).toBeGreaterThanOrEqual(28 * months);
        expect(addMonths(d, months) > end).toBe(true);
      }),
    );
  });
});
