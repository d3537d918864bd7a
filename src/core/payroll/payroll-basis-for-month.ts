import { addDays, type CalendarDate, maxDate } from '../members/calendar-date.ts';
import type { JourneyEntry } from '../members/journey-schemas.ts';
import { listJourneyContracts } from '../members/list-journey-contracts.ts';
import { addMonths, type PayrollMonth } from './payroll-month.ts';
import { type ProratedSalary, prorateMonthlySalary } from './prorate-monthly-salary.ts';
import { type SalaryPlanStatus, salaryPlanForMonth } from './salary-plan.ts';

/** The first and last day of a payroll month. */
export function monthBounds(month: PayrollMonth): { first: CalendarDate; last: CalendarDate } {
  return { first: `${month}-01`, last: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** What a member is paid for a month, before the rules engine prices it. */
export type PayrollBasis =
  | {
      kind: 'salary';
      contractId: string;
      /** The gross of the month: the monthly gross, prorated when the contract runs part of the month. */
      grossCents: number;
      /** The days paid and the monthly gross they are a part of (calendar-days method). */
      prorata: ProratedSalary;
      /** The contract's fixed part in force in the month (C. trav. R7331-11). */
      fixedPartCents: number;
      /** Where the gross comes from: the approved plan in force, or the contract's fixed part. */
      basis: 'plan' | 'fixed_part';
      salaryPlanId: string | null;
    }
  /** Under a CAPE: no salary (C. com. L127-3), a zero record as proof of activity (cae-domain.md §1.3). */
  | { kind: 'cape_zero'; contractId: string }
  | null;

/**
 * The payroll basis of one member for one month (issue 10): under a CESA running during the month, the gross of
 * the approved salary plan in force, else the contract's fixed part — never below the fixed part in force on the
 * month's first working day of the contract (an amendment may have raised it since the plan was approved).
 * Under a CAPE only, a zero record. Otherwise nothing. A contract starting or ending during the month is paid
 * for its calendar days in the month (prorateMonthlySalary: the French rule for an incomplete month).
 */
export function payrollBasisForMonth<
  P extends {
    id: string;
    fromMonth: PayrollMonth;
    status: SalaryPlanStatus;
    decidedAt: string | null;
    monthlyGrossCents: number;
  },
>(journey: readonly JourneyEntry[], plans: readonly P[], month: PayrollMonth): PayrollBasis {
  const { first, last } = monthBounds(month);
  const contracts = listJourneyContracts(journey);
  const running = (c: (typeof contracts)[number]) =>
    c.start <= last && (c.effectiveEnd === null || c.effectiveEnd >= first);
  const cesa = contracts.filter((c) => c.kind === 'cesa' && running(c)).at(-1);
  if (!cesa) {
    const cape = contracts.filter((c) => c.kind === 'cape' && running(c)).at(-1);
    return cape ? { kind: 'cape_zero', contractId: cape.id } : null;
  }
  const from = maxDate(first, cesa.start);
  let fixed = cesa.initialFixedMonthlyCents ?? 0;
  for (const a of cesa.amendments)
    if (a.on <= from && a.fixedMonthlyCents !== null) fixed = a.fixedMonthlyCents;
  const plan = salaryPlanForMonth(plans, month);
  const days = (monthly: number) =>
    prorateMonthlySalary(monthly, month, { start: cesa.start, lastDay: cesa.effectiveEnd });
  if (plan && plan.monthlyGrossCents >= fixed) {
    const prorata = days(plan.monthlyGrossCents);
    return {
      kind: 'salary',
      contractId: cesa.id,
      grossCents: prorata.grossCents,
      prorata,
      fixedPartCents: fixed,
      basis: 'plan',
      salaryPlanId: plan.id,
    };
  }
  const prorata = days(fixed);
  return {
    kind: 'salary',
    contractId: cesa.id,
    grossCents: prorata.grossCents,
    prorata,
    fixedPartCents: fixed,
    basis: 'fixed_part',
    salaryPlanId: null,
  };
}
