import { describe, expect, it } from 'vitest';
import type { JourneyEntry } from '../members/journey-schemas.ts';
import { payrollBasisForMonth } from './payroll-basis-for-month.ts';
import { prorateMonthlySalary } from './prorate-monthly-salary.ts';

describe('incomplete months (calendar-days method)', () => {
  it('pays the calendar days of the contract in the month', () => {
    // Starts on 16 March: 16 days of 31.
    expect(prorateMonthlySalary(310_000, '2026-03', { start: '2026-03-16', lastDay: null })).toEqual({
      periodFrom: '2026-03-16',
      periodTo: '2026-03-31',
      daysPaid: 16,
      monthDays: 31,
      fullMonthCents: 310_000,
      grossCents: 160_000,
    });
    // Ends on 10 February 2026 (28 days): 10/28, rounded to the cent.
    expect(
      prorateMonthlySalary(200_000, '2026-02', { start: '2025-01-01', lastDay: '2026-02-10' }).grossCents,
    ).toBe(71_429);
    // Starts and ends inside the month (leap February: 29 days).
    const both = prorateMonthlySalary(290_000, '2028-02', { start: '2028-02-10', lastDay: '2028-02-19' });
    expect([both.daysPaid, both.monthDays, both.grossCents]).toEqual([10, 29, 100_000]);
    // A whole month is the monthly salary itself, never recomputed.
    const whole = prorateMonthlySalary(182_303, '2026-04', { start: '2026-04-01', lastDay: '2026-04-30' });
    expect([whole.daysPaid, whole.monthDays, whole.grossCents]).toEqual([30, 30, 182_303]);
  });

  it('prorates the plan or the fixed part of a CESA starting or ending during the month', () => {
    const journey: JourneyEntry[] = [
      {
        id: 'cesa',
        number: null,
        kind: 'cesa',
        start: '2026-03-16',
        trialEnd: null,
        fixedMonthlyCents: 62_000,
        note: '',
      },
      {
        id: 'end',
        number: null,
        kind: 'contract_end',
        contractId: 'cesa',
        on: '2026-06-10',
        reason: 'resignation',
        note: '',
      } as JourneyEntry,
    ];
    const plan = {
      id: 'p',
      fromMonth: '2026-03',
      status: 'approved' as const,
      decidedAt: '2026-03-01T00:00:00.000000',
      monthlyGrossCents: 310_000,
    };
    const march = payrollBasisForMonth(journey, [plan], '2026-03');
    expect(march).toMatchObject({
      kind: 'salary',
      basis: 'plan',
      grossCents: 160_000,
      prorata: { daysPaid: 16, monthDays: 31 },
    });
    const april = payrollBasisForMonth(journey, [plan], '2026-04');
    expect(april).toMatchObject({ grossCents: 310_000, prorata: { daysPaid: 30, monthDays: 30 } });
    const june = payrollBasisForMonth(journey, [], '2026-06');
    expect(june).toMatchObject({
      basis: 'fixed_part',
      grossCents: 20_667,
      prorata: { periodTo: '2026-06-10', daysPaid: 10 },
    });
    expect(payrollBasisForMonth(journey, [], '2026-07')).toBeNull();
  });
});
