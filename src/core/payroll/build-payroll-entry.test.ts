import { describe, expect, it } from 'vitest';
import { buildPayrollEntry, buildSalaryPaymentEntry } from './build-payroll-entry.ts';
import type { SalaryFigures } from './salary-simulation-schemas.ts';

const figures: SalaryFigures = {
  grossCents: 250_000,
  netSocialCents: 195_001,
  netBeforeIncomeTaxCents: 194_000,
  netTaxableCents: 200_000,
  employerCostCents: 320_003,
  employeeContributionsCents: 56_000,
  employerContributionsCents: 70_004,
  lines: [
    {
      rule: 'salarié . cotisations . retraite complémentaire . salarié',
      label: 'R',
      side: 'employee',
      amountCents: 10_000,
    },
    {
      rule: 'salarié . cotisations . prévoyances . santé . employeur',
      label: 'S',
      side: 'employer',
      amountCents: 2_000,
    },
    {
      rule: 'salarié . cotisations . maladie . employeur',
      label: 'M',
      side: 'employer',
      amountCents: 17_500,
    },
  ],
};
const member = { id: '0b9c6a52-1111-4222-8333-944455556666', name: 'Alice Abeille' };

describe('buildPayrollEntry', () => {
  it('balances, costs the activity exactly the employer cost, owes the net to the member', () => {
    const e = buildPayrollEntry({ month: '2026-03', member, activityId: 'act', slipId: 'slip', figures });
    const debit = e.lines.reduce((s, l) => s + BigInt(l.debitCents ?? 0), 0n);
    const credit = e.lines.reduce((s, l) => s + BigInt(l.creditCents ?? 0), 0n);
    expect(debit).toBe(credit);
    expect(debit).toBe(320_003n);
    expect(e).toMatchObject({
      journalCode: 'SAL',
      entryDate: '2026-03-31',
      idempotencyKey: `payroll:2026-03:${member.id}`,
    });
    const line = (n: string) => e.lines.find((l) => l.accountNumber === n)!;
    expect(line('641100').debitCents).toBe(250_000n);
    expect(line('645000').debitCents).toBe(70_003n);
    expect(line('421000')).toMatchObject({ creditCents: 194_000n, thirdParty: { code: 'SAL-0B9C6A52' } });
    expect(line('437000').creditCents).toBe(12_000n);
    expect(line('431000').creditCents).toBe(320_003n - 194_000n - 12_000n);
    expect(e.lines.every((l) => l.activityId === 'act')).toBe(true);
  });

  it('pays on the last day of February, leap years included', () => {
    expect(
      buildPayrollEntry({ month: '2028-02', member, activityId: 'a', slipId: 's', figures }).entryDate,
    ).toBe('2028-02-29');
  });

  it('pays the net salary from the bank: D 421 · C 512', () => {
    const e = buildSalaryPaymentEntry({
      month: '2026-03',
      member,
      activityId: 'act',
      paymentId: 'p',
      netCents: 194_000,
      executionDate: '2026-03-31',
    });
    expect(e.lines.map((l) => [l.accountNumber, l.debitCents ?? 0n, l.creditCents ?? 0n])).toEqual([
      ['421000', 194_000n, 0n],
      ['512000', 0n, 194_000n],
    ]);
  });
});
