import { addDays, type CalendarDate, daysInclusive } from '../members/calendar-date.ts';
import { addMonths, type PayrollMonth } from './payroll-month.ts';

export type ProratedSalary = {
  /** The days paid, both included: the contract's days in the month. */
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  daysPaid: number;
  monthDays: number;
  fullMonthCents: number;
  grossCents: number;
};

/**
 * What the rules engine needs to price an incomplete month (create-salary-engine): the calendar days paid out of
 * the month's, and the gross a whole month would have paid. The social-security ceiling and the general
 * reduction's SMIC are prorated from them; a whole month has none.
 */
export type IncompleteMonth = Pick<ProratedSalary, 'daysPaid' | 'monthDays' | 'fullMonthCents'>;

/** The gross of `daysPaid` calendar days out of `monthDays`, to the nearest cent; all the days pay the month. */
export function grossForDays(fullMonthCents: number, daysPaid: number, monthDays: number): number {
  return daysPaid === monthDays ? fullMonthCents : Math.round((fullMonthCents * daysPaid) / monthDays);
}

/**
 * The salary of an incomplete month (a contract starting or ending during it), by the calendar-days method
 * ("méthode des jours calendaires"): monthly salary × calendar days of the contract in the month ÷ calendar days
 * of the month, rounded to the nearest cent. No text fixes the method: the Cour de cassation prefers the real
 * hours of absence for employees paid for a working time, and admits the calendar-day and working-day averages
 * otherwise (e.g. Éditions Tissot, "Le calcul du salaire en cas de mois incomplet"; PayFit, "Calcul du salaire
 * d'un mois incomplet"). A CESA's pay refers to no working time (cae-domain.md §1.2, payroll detail), and the
 * reference names no method, so the calendar days are the measure here. A whole month pays the monthly salary.
 */
export function prorateMonthlySalary(
  fullMonthCents: number,
  month: PayrollMonth,
  contract: { start: CalendarDate; lastDay: CalendarDate | null },
): ProratedSalary {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  const periodFrom = contract.start > first ? contract.start : first;
  const periodTo = contract.lastDay !== null && contract.lastDay < last ? contract.lastDay : last;
  const monthDays = daysInclusive(first, last);
  const daysPaid = periodTo < periodFrom ? 0 : daysInclusive(periodFrom, periodTo);
  const grossCents = grossForDays(fullMonthCents, daysPaid, monthDays);
  return { periodFrom, periodTo, daysPaid, monthDays, fullMonthCents, grossCents };
}
