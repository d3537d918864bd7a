import { z } from 'zod';

/** A payroll month 'YYYY-MM': the month a salary is paid for. Months compare as strings. */
export type PayrollMonth = string;

const shape = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const PayrollMonthSchema = z.string().trim().regex(shape, { error: 'payroll.month' });

function parts(month: PayrollMonth): [number, number] {
  const m = shape.exec(month);
  if (!m) throw new RangeError(`not a payroll month: ${month}`);
  return [Number(m[1]), Number(m[2])];
}

/** addMonths('2026-11', 3) → '2027-02'. */
export function addMonths(month: PayrollMonth, count: number): PayrollMonth {
  const [year, m] = parts(month);
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included: countMonths('2026-01', '2026-03') → 3 (0 when `to` is before). */
export function countMonths(from: PayrollMonth, to: PayrollMonth): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  return Math.max(0, (y2 - y1) * 12 + (m2 - m1) + 1);
}

/** The month of a calendar date: '2026-09-30' → '2026-09'. */
export function monthOfDate(date: string): PayrollMonth {
  return date.slice(0, 7);
}
