import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { defaultPayrollSettings, type PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import { createSalaryEngine, type SalaryEngine } from './create-salary-engine.ts';
import { simulateSalary } from './simulate-salary.ts';

let engine: SalaryEngine;
beforeAll(() => {
  engine = createSalaryEngine();
}, 120_000);

const settings: PayrollSettings = {
  headcountClass: '250+',
  workAccidentRateBp: 120,
  transportLevyRateBp: 320,
  healthPlan: { monthlyPremiumCents: 5_500, employerShareBp: 5_000 },
  providentPlan: { employerRateBp: 60, employeeRateBp: 30 },
};

describe('simulateSalary', () => {
  it('goes from a net or an employer cost back to the gross, to the cent, and back again', async () => {
    for (const gross of [182_303, 207_789, 299_999, 431_017, 650_000]) {
      const month = '2026-02';
      const fromGross = engine.figures(settings, month, gross);
      const byNet = await simulateSalary(engine, settings, {
        from: 'net',
        amountCents: fromGross.netBeforeIncomeTaxCents,
        month,
      });
      expect(byNet.netBeforeIncomeTaxCents).toBe(fromGross.netBeforeIncomeTaxCents);
      // The highest gross with that net: one cent more gives more.
      expect(engine.figures(settings, month, byNet.grossCents + 1).netBeforeIncomeTaxCents).toBeGreaterThan(
        fromGross.netBeforeIncomeTaxCents,
      );
      expect(Math.abs(byNet.grossCents - gross)).toBeLessThanOrEqual(1);
      const byCost = await simulateSalary(engine, settings, {
        from: 'employerCost',
        amountCents: fromGross.employerCostCents,
        month,
      });
      expect(byCost.employerCostCents).toBe(fromGross.employerCostCents);
      expect(engine.figures(settings, month, byCost.grossCents + 1).employerCostCents).toBeGreaterThan(
        fromGross.employerCostCents,
      );
      expect(byCost.request).toEqual({ from: 'employerCost', amountCents: fromGross.employerCostCents });
    }
  }, 600_000);

  it('never goes above an amount no gross reaches exactly', async () => {
    // Employer cost rises by more than a cent per cent of gross: some costs are skipped. Find one.
    const month = '2026-03';
    let gross = 300_000;
    while (
      engine.figures(settings, month, gross + 1).employerCostCents -
        engine.figures(settings, month, gross).employerCostCents <
      2
    )
      gross++;
    const skipped = engine.figures(settings, month, gross).employerCostCents + 1;
    const sim = await simulateSalary(engine, settings, { from: 'employerCost', amountCents: skipped, month });
    expect(sim.grossCents).toBe(gross);
    expect(sim.employerCostCents).toBe(skipped - 1);
  }, 600_000);

  it('gives the gross as is, with the settings, the month and the rules it used', async () => {
    const sim = await simulateSalary(engine, defaultPayrollSettings, {
      from: 'gross',
      amountCents: 250_000,
      month: '2026-01',
    });
    expect(sim).toMatchObject({
      grossCents: 250_000,
      month: '2026-01',
      settings: defaultPayrollSettings,
      rules: { package: 'modele-social', version: '11.1.0' },
    });
    expect(sim.netBeforeIncomeTaxCents).toBeLessThan(sim.grossCents);
    expect(sim.employerCostCents).toBeGreaterThan(sim.grossCents);
  }, 120_000);

  it('prices an incomplete month as the payroll run does: the monthly gross for its days, prorated rules', async () => {
    // €5,000 a month, hired on 11 February 2026: 18 of 28 days.
    const sim = await simulateSalary(engine, settings, {
      from: 'gross',
      amountCents: 500_000,
      month: '2026-02',
      daysPaid: 18,
    });
    const period = { daysPaid: 18, monthDays: 28, fullMonthCents: 500_000 };
    expect(sim).toMatchObject({
      grossCents: 321_429,
      period: { daysPaid: 18, monthDays: 28, fullMonthGrossCents: 500_000 },
    });
    expect(sim.employerCostCents).toBe(
      engine.figures(settings, '2026-02', 321_429, period).employerCostCents,
    );
    expect(sim.employerCostCents).not.toBe(engine.figures(settings, '2026-02', 321_429).employerCostCents);
    // Back from the month's net: the highest monthly gross paying that net for 18 days (a cent of gross may
    // leave the net unchanged).
    const byNet = await simulateSalary(engine, settings, {
      from: 'net',
      amountCents: sim.netBeforeIncomeTaxCents,
      month: '2026-02',
      daysPaid: 18,
    });
    expect(byNet.period?.fullMonthGrossCents).toBeGreaterThanOrEqual(500_000);
    expect(byNet.grossCents).toBeGreaterThanOrEqual(321_429);
    expect(byNet.grossCents).toBeLessThan(321_429 + 5);
    expect(byNet.netBeforeIncomeTaxCents).toBe(sim.netBeforeIncomeTaxCents);
    // Every day of the month: a whole month.
    const whole = await simulateSalary(engine, settings, {
      from: 'gross',
      amountCents: 500_000,
      month: '2026-02',
      daysPaid: 28,
    });
    expect(whole).toMatchObject({ grossCents: 500_000, period: null });
  }, 300_000);

  it('refuses months whose rules the package does not know, and amounts no salary reaches', async () => {
    const ask = (month: string, from: 'gross' | 'net' = 'gross', amountCents = 200_000) =>
      simulateSalary(engine, settings, { from, amountCents, month });
    await expect(ask('2027-01')).rejects.toMatchObject({ code: 'PAYROLL_RULES_UNKNOWN' });
    await expect(ask('2023-12')).rejects.toBeInstanceOf(AppError);
    await expect(ask('2026-12', 'net', 99_000_000)).rejects.toMatchObject({
      code: 'SALARY_TARGET_UNREACHABLE',
    });
  }, 120_000);
});
