import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { addDays, type CalendarDate, maxDate } from '../members/calendar-date.ts';
import type { JourneyEntry } from '../members/journey-schemas.ts';
import { listJourneyContracts } from '../members/list-journey-contracts.ts';
import { addMonths, type PayrollMonth, PayrollMonthSchema } from './payroll-month.ts';
import { maxSalaryCents } from './salary-simulation-schemas.ts';

/**
 * Salary plans (issue 10, cae-domain.md §2.2): the member picks the steady monthly gross salary the activity can
 * sustain, from a month on; support staff approve it; every proposal and decision stays in the history.
 */
export const SalaryPlanProposal = z.strictObject({
  fromMonth: PayrollMonthSchema,
  monthlyGrossCents: z.number().int({ error: 'ledger.cents' }).min(1).max(maxSalaryCents),
  note: z.string().trim().max(500).default(''),
});
export type SalaryPlanProposal = z.input<typeof SalaryPlanProposal>;

export const SalaryPlanDecision = z.strictObject({ note: z.string().trim().max(500).default('') });

export const salaryPlanStatuses = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type SalaryPlanStatus = (typeof salaryPlanStatuses)[number];

const transitions: Record<SalaryPlanStatus, readonly SalaryPlanStatus[]> = {
  proposed: ['approved', 'rejected', 'withdrawn'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** A plan is decided once: only a proposal can be approved, rejected or withdrawn. */
export function assertCanTransition(from: SalaryPlanStatus, to: SalaryPlanStatus): void {
  if (!transitions[from].includes(to)) throw new AppError('SALARY_PLAN_ALREADY_DECIDED', { status: from });
}

export const SalaryPlanView = z.object({
  id: z.string(),
  memberId: z.string(),
  /** The member's name, for support's list of proposals (absent where the member is the reader). */
  memberName: z.string().optional(),
  fromMonth: PayrollMonthSchema,
  monthlyGrossCents: z.number().int(),
  /** The contract's fixed part on the plan's first day, when it was proposed. */
  fixedPartCents: z.number().int(),
  status: z.enum(salaryPlanStatuses),
  note: z.string(),
  proposedAt: z.string(),
  proposedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string(),
});
export type SalaryPlanView = z.infer<typeof SalaryPlanView>;

/**
 * What a plan from `fromMonth` must respect in the member's journey: a CESA running during that month (no
 * salary under a CAPE, which is not an employment contract: C. com. L127-3, cae-domain.md §1.3), and a gross
 * never below the contract's fixed part in force on the plan's first day (C. trav. R7331-11: the fixed part is
 * paid monthly). Returns that fixed part; refuses with the rule broken.
 */
export function checkSalaryPlan(
  journey: readonly JourneyEntry[],
  plan: { fromMonth: PayrollMonth; monthlyGrossCents: number },
): { fixedPartCents: number; contractId: string } {
  const first: CalendarDate = `${plan.fromMonth}-01`;
  const last = addDays(`${addMonths(plan.fromMonth, 1)}-01`, -1);
  const contracts = listJourneyContracts(journey);
  const cesa = contracts
    .filter(
      (c) => c.kind === 'cesa' && c.start <= last && (c.effectiveEnd === null || c.effectiveEnd >= first),
    )
    .at(-1);
  if (!cesa) {
    const cape = contracts.find(
      (c) => c.kind === 'cape' && c.start <= last && (c.effectiveEnd === null || c.effectiveEnd >= first),
    );
    throw new AppError(cape ? 'SALARY_PLAN_UNDER_CAPE' : 'SALARY_PLAN_NO_CESA', { month: plan.fromMonth });
  }
  const from = maxDate(first, cesa.start);
  let fixed = cesa.initialFixedMonthlyCents ?? 0;
  for (const a of cesa.amendments)
    if (a.on <= from && a.fixedMonthlyCents !== null) fixed = a.fixedMonthlyCents;
  if (plan.monthlyGrossCents < fixed)
    throw new AppError('SALARY_PLAN_BELOW_FIXED_PART', {
      fixed: (fixed / 100).toFixed(2).replace('.', ','),
      month: plan.fromMonth,
    });
  return { fixedPartCents: fixed, contractId: cesa.id };
}

/** The plan in force for a month: the latest approved one starting on or before it (the latest decision wins). */
export function salaryPlanForMonth<
  P extends { fromMonth: PayrollMonth; status: SalaryPlanStatus; decidedAt: string | null },
>(plans: readonly P[], month: PayrollMonth): P | null {
  let found: P | null = null;
  for (const p of plans) {
    if (p.status !== 'approved' || p.fromMonth > month) continue;
    if (
      !found ||
      p.fromMonth > found.fromMonth ||
      (p.fromMonth === found.fromMonth && (p.decidedAt ?? '') > (found.decidedAt ?? ''))
    )
      found = p;
  }
  return found;
}
