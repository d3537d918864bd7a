import { describe, expect, it } from 'vitest';
import type { JourneyEntry } from '../members/journey-schemas.ts';
import {
  assertCanTransition,
  checkSalaryPlan,
  SalaryPlanProposal,
  salaryPlanForMonth,
} from './salary-plan.ts';

const journey: JourneyEntry[] = [
  { id: 'cape', number: null, kind: 'cape', start: '2025-01-01', end: '2025-09-30', note: '' },
  {
    id: 'cesa',
    number: null,
    kind: 'cesa',
    start: '2025-10-15',
    trialEnd: null,
    fixedMonthlyCents: 15_000,
    note: '',
  },
  {
    id: 'amend',
    number: 1,
    kind: 'cesa_amendment',
    contractId: 'cesa',
    on: '2026-03-01',
    fixedMonthlyCents: 80_000,
    trialEnd: null,
    note: '',
  },
];

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('salary plans', () => {
  it('needs a CESA running in the month: none under a CAPE, none before any contract', () => {
    expect(code(() => checkSalaryPlan(journey, { fromMonth: '2025-06', monthlyGrossCents: 200_000 }))).toBe(
      'SALARY_PLAN_UNDER_CAPE',
    );
    expect(code(() => checkSalaryPlan(journey, { fromMonth: '2024-12', monthlyGrossCents: 200_000 }))).toBe(
      'SALARY_PLAN_NO_CESA',
    );
    // The CESA starts on 15 October: a plan from October is fine, with the fixed part then in force.
    expect(checkSalaryPlan(journey, { fromMonth: '2025-10', monthlyGrossCents: 200_000 })).toEqual({
      fixedPartCents: 15_000,
      contractId: 'cesa',
    });
    const ended: JourneyEntry[] = [
      ...journey,
      {
        id: 'end',
        number: null,
        kind: 'contract_end',
        contractId: 'cesa',
        on: '2026-06-30',
        reason: 'resignation',
        note: '',
      },
    ];
    expect(code(() => checkSalaryPlan(ended, { fromMonth: '2026-07', monthlyGrossCents: 200_000 }))).toBe(
      'SALARY_PLAN_NO_CESA',
    );
  });

  it('is never below the contract’s fixed part in force on its first day', () => {
    expect(code(() => checkSalaryPlan(journey, { fromMonth: '2026-03', monthlyGrossCents: 79_999 }))).toBe(
      'SALARY_PLAN_BELOW_FIXED_PART',
    );
    expect(checkSalaryPlan(journey, { fromMonth: '2026-03', monthlyGrossCents: 80_000 }).fixedPartCents).toBe(
      80_000,
    );
    expect(checkSalaryPlan(journey, { fromMonth: '2026-02', monthlyGrossCents: 20_000 }).fixedPartCents).toBe(
      15_000,
    );
  });

  it('is decided once, and the latest approved plan started is the one in force', () => {
    expect(() => assertCanTransition('proposed', 'approved')).not.toThrow();
    expect(code(() => assertCanTransition('approved', 'rejected'))).toBe('SALARY_PLAN_ALREADY_DECIDED');
    expect(code(() => assertCanTransition('rejected', 'approved'))).toBe('SALARY_PLAN_ALREADY_DECIDED');
    const plans = [
      { id: 'a', fromMonth: '2026-01', status: 'approved' as const, decidedAt: '2025-12-20T10:00:00Z' },
      { id: 'b', fromMonth: '2026-04', status: 'approved' as const, decidedAt: '2026-03-20T10:00:00Z' },
      { id: 'c', fromMonth: '2026-04', status: 'approved' as const, decidedAt: '2026-03-25T10:00:00Z' },
      { id: 'd', fromMonth: '2026-02', status: 'rejected' as const, decidedAt: '2026-01-20T10:00:00Z' },
      { id: 'e', fromMonth: '2026-03', status: 'proposed' as const, decidedAt: null },
    ];
    expect(salaryPlanForMonth(plans, '2025-12')).toBeNull();
    expect(salaryPlanForMonth(plans, '2026-03')?.id).toBe('a');
    expect(salaryPlanForMonth(plans, '2026-04')?.id).toBe('c');
    expect(salaryPlanForMonth(plans, '2027-01')?.id).toBe('c');
  });

  it('takes a month, a whole number of cents and a short note', () => {
    expect(SalaryPlanProposal.parse({ fromMonth: '2026-05', monthlyGrossCents: 250_000 })).toEqual({
      fromMonth: '2026-05',
      monthlyGrossCents: 250_000,
      note: '',
    });
    expect(SalaryPlanProposal.safeParse({ fromMonth: '2026-05', monthlyGrossCents: 2_500.5 }).success).toBe(
      false,
    );
    expect(SalaryPlanProposal.safeParse({ fromMonth: '2026-05', monthlyGrossCents: 0 }).success).toBe(false);
  });
});
