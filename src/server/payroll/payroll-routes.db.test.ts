import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayrollSettings } from '../../core/payroll/payroll-settings.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { closeSharedSalaryCalculator, sharedSalaryCalculator } from './shared-salary-calculator.ts';

let ctx: TestContext;
let member: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  member = createTestClient(ctx, { ip: '10.10.0.1' });
  await member.logIn('member@test.coop', testPassword);
  await sharedSalaryCalculator().ready(); // the threads load the rules once
}, 240_000);
afterAll(async () => {
  await closeSharedSalaryCalculator();
  await ctx?.close();
});

const settings = {
  headcountClass: '50-149',
  workAccidentRateBp: 100,
  transportLevyRateBp: 0,
  healthPlan: { monthlyPremiumCents: 0, employerShareBp: 5_000 },
  providentPlan: { employerRateBp: 0, employeeRateBp: 0 },
};

describe('POST /payroll/simulate', () => {
  it('gives any member the official figures of a salary, line by line', async () => {
    const res = await member.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 182_303,
      month: '2026-01',
      settings,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      grossCents: 182_303,
      netSocialCents: 144_311,
      netBeforeIncomeTaxCents: 144_311,
      employerCostCents: 187_601,
      month: '2026-01',
      settings,
      request: { from: 'gross', amountCents: 182_303 },
      rules: { package: 'modele-social', version: '11.1.0' },
    });
    expect(res.body.lines).toContainEqual({
      rule: 'salarié . cotisations . exonérations . employeur',
      label: 'Exonérations et allègements de cotisations',
      side: 'employer',
      amountCents: -73_304,
    });
  }, 120_000);

  it('finds the gross of a net salary to the cent, with the default settings when none are given', async () => {
    const res = await member.post('/payroll/simulate', {
      from: 'net',
      amountCents: 200_000,
      month: '2026-03',
    });
    expect(res.status).toBe(200);
    expect(res.body.netBeforeIncomeTaxCents).toBe(200_000);
    expect(res.body.settings).toEqual(defaultPayrollSettings);
    const back = await member.post('/payroll/simulate', {
      from: 'gross',
      amountCents: res.body.grossCents + 1,
      month: '2026-03',
    });
    expect(back.body.netBeforeIncomeTaxCents).toBeGreaterThan(200_000);
  }, 240_000);

  it('refuses strangers, unknown years and bad settings', async () => {
    const body = { from: 'gross', amountCents: 250_000, month: '2026-01' };
    expect((await createTestClient(ctx, { ip: '10.10.0.2' }).post('/payroll/simulate', body)).status).toBe(
      401,
    );
    const later = await member.post('/payroll/simulate', { ...body, month: '2027-01' });
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('PAYROLL_RULES_UNKNOWN');
    expect(later.body.detail ?? later.body.title).toMatch(/2027-01/);
    const half = await member.post('/payroll/simulate', {
      ...body,
      settings: { ...settings, healthPlan: { monthlyPremiumCents: 5_000, employerShareBp: 4_000 } },
    });
    expect(half.status).toBe(422);
    expect(JSON.stringify(half.body)).toContain('au moins la moitié');
    const month = await member.post('/payroll/simulate', { ...body, month: '2026-13' });
    expect(month.status).toBe(422);
    const negative = await member.post('/payroll/simulate', { ...body, amountCents: -1 });
    expect(negative.status).toBe(422);
  }, 120_000);
});

describe('POST /payroll/capacity and /payroll/exit-plan', () => {
  it('answers "how much can I pay myself?" with the engine’s employer cost, never above the budget', async () => {
    const res = await member.post('/payroll/capacity', {
      treasuryCents: 1_200_000,
      expectedMonthlyRevenueCents: 300_000,
      safetyBufferCents: 200_000,
      months: 6,
      month: '2026-01',
      settings,
      atGrossCents: 300_000,
    });
    expect(res.status).toBe(200);
    const { sustainable, runway } = res.body;
    expect(sustainable.monthlyCostBudgetCents).toBe(466_666);
    expect(sustainable.employerCostCents).toBeLessThanOrEqual(466_666);
    const at = async (grossCents: number) =>
      (
        await member.post('/payroll/simulate', {
          from: 'gross',
          amountCents: grossCents,
          month: '2026-01',
          settings,
        })
      ).body.employerCostCents as number;
    expect(await at(sustainable.grossCents)).toBe(sustainable.employerCostCents);
    expect(await at(sustainable.grossCents + 1)).toBeGreaterThan(466_666);
    expect(sustainable.explanation.join(' ')).toContain('4\u202f666,66');
    expect(runway.employerCostCents).toBe(await at(300_000));
    expect(runway.months).toBe(Math.floor(1_000_000 / (runway.employerCostCents - 300_000)));
  }, 240_000);

  it('plans the pay-out of a treasury before the exit date', async () => {
    const res = await member.post('/payroll/exit-plan', {
      treasuryCents: 900_000,
      firstMonth: '2026-10',
      exitDate: '2026-12-31',
      settings,
    });
    expect(res.status).toBe(200);
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(res.body.months.at(-1).treasuryAfterCents).toBe(res.body.remainderCents);
    expect(res.body.remainderCents).toBeGreaterThanOrEqual(0);
    expect(res.body.remainderCents).toBeLessThan(5);
    expect(res.body.explanation[0]).toContain('31 décembre 2026');
    const late = await member.post('/payroll/exit-plan', {
      treasuryCents: 900_000,
      firstMonth: '2026-10',
      exitDate: '2026-09-30',
    });
    expect(late.status).toBe(422);
  }, 240_000);
});
