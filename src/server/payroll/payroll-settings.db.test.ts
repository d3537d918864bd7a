import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayrollSettings, defaultSafetyBufferCents } from '../../core/payroll/payroll-settings.ts';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { closeSharedSalaryCalculator, sharedSalaryCalculator } from './shared-salary-calculator.ts';

let ctx: TestContext;
const clients: Record<string, TestClient> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-20T09:00:00Z');
  await seedTestPeople(ctx);
  for (const [i, role] of ['admin', 'manager', 'accountant', 'member'].entries()) {
    clients[role] = createTestClient(ctx, { ip: `10.14.0.${i + 1}` });
    await clients[role].logIn(`${role}@test.coop`, testPassword);
  }
  await sharedSalaryCalculator().ready();
}, 240_000);
afterAll(async () => {
  await closeSharedSalaryCalculator();
  await ctx?.close();
});

const version = {
  validFrom: '2026-02-01',
  headcountClass: '11-19',
  workAccidentRateBp: 150,
  transportLevyRateBp: 200,
  healthPlan: { monthlyPremiumCents: 6_000, employerShareBp: 6_000 },
  providentPlan: { employerRateBp: 50, employeeRateBp: 30 },
  safetyBufferCents: 250_000,
  establishmentSiret: '12345678900012',
  apeCode: '70.22Z',
  collectiveAgreement: 'Syntec (IDCC 1486)',
  note: 'Taux AT notifié par la CARSAT',
};
const engine = {
  headcountClass: '11-19',
  workAccidentRateBp: 150,
  transportLevyRateBp: 200,
  healthPlan: { monthlyPremiumCents: 6_000, employerShareBp: 6_000 },
  providentPlan: { employerRateBp: 50, employeeRateBp: 30 },
};

describe('payroll settings', () => {
  it('uses the documented defaults while the cooperative has recorded none', async () => {
    const res = await clients.member!.get('/payroll/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      current: {
        settings: defaultPayrollSettings,
        safetyBufferCents: defaultSafetyBufferCents,
        employer: { establishmentSiret: '', apeCode: '', collectiveAgreement: '' },
        versionId: null,
        validFrom: null,
      },
      versions: [],
    });
  });

  it('lets only managers and administrators record a version, checked field by field', async () => {
    expect((await clients.member!.post('/payroll/settings', version)).status).toBe(403);
    expect((await clients.accountant!.post('/payroll/settings', version)).status).toBe(403);
    expect((await createTestClient(ctx).post('/payroll/settings', version)).status).toBe(401);
    for (const bad of [
      { validFrom: '2026-02-15' },
      { establishmentSiret: '1234' },
      { apeCode: 'ABC' },
      { healthPlan: { monthlyPremiumCents: 6_000, employerShareBp: 4_000 } },
      { safetyBufferCents: -1 },
      { headcountClass: '12' },
    ]) {
      const res = await clients.manager!.post('/payroll/settings', { ...version, ...bad });
      expect(res.status, JSON.stringify(bad)).toBe(422);
    }
    const res = await clients.manager!.post('/payroll/settings', version);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ ...version, createdByName: expect.any(String) });
    const [audit] = await queryRows<{ action: string; changes: { to: { safetyBufferCents: number } } }>(
      ctx.db,
      sql`SELECT action, changes FROM audit_log WHERE object_type = 'payroll_settings_version' ORDER BY id DESC`,
    );
    expect(audit).toMatchObject({
      action: 'payroll.settings.record',
      changes: { to: { safetyBufferCents: 250_000 } },
    });
    // The same start again replaces the version nobody used yet; an administrator may record one too.
    const again = await clients.admin!.post('/payroll/settings', { ...version, note: 'corrigé' });
    expect(again.status).toBe(201);
    const list = await clients.member!.get('/payroll/settings');
    expect(list.body.versions).toHaveLength(1);
    expect(list.body.versions[0].note).toBe('corrigé');
    expect(list.body.current).toMatchObject({
      settings: engine,
      safetyBufferCents: 250_000,
      validFrom: '2026-02-01',
    });
  });

  it('prices the simulator with the version in force in the month, the defaults before it', async () => {
    const after = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 250_000,
      month: '2026-03',
    });
    expect(after.status, after.text).toBe(200);
    expect(after.body.settings).toEqual(engine);
    const before = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 250_000,
      month: '2026-01',
    });
    expect(before.body.settings).toEqual(defaultPayrollSettings);
    // The transport levy (2 %) and the provident plan cost the employer more than the defaults.
    expect(after.body.employerCostCents).toBeGreaterThan(before.body.employerCostCents);
  }, 120_000);

  it('keeps the cooperative\'s safety buffer as a floor under "how much can I pay myself?"', async () => {
    const body = { treasuryCents: 1_000_000, expectedMonthlyRevenueCents: 0, months: 6, month: '2026-03' };
    const none = await clients.member!.post('/payroll/capacity', body);
    expect(none.status, none.text).toBe(200);
    expect(none.body.safetyBufferCents).toBe(250_000);
    const lower = await clients.member!.post('/payroll/capacity', { ...body, safetyBufferCents: 10_000 });
    expect(lower.body.safetyBufferCents).toBe(250_000);
    expect(lower.body.sustainable.grossCents).toBe(none.body.sustainable.grossCents);
    const higher = await clients.member!.post('/payroll/capacity', { ...body, safetyBufferCents: 400_000 });
    expect(higher.body.safetyBufferCents).toBe(400_000);
    expect(higher.body.sustainable.grossCents).toBeLessThan(none.body.sustainable.grossCents);
  }, 120_000);

  it('refuses a version starting in a month already run', async () => {
    await ctx.db.execute(
      sql`INSERT INTO payroll_runs (month, settings, rules_version, paid_count, zero_count)
          VALUES ('2026-03-01', '{}'::jsonb, 'test', 0, 0)`,
    );
    const res = await clients.manager!.post('/payroll/settings', { ...version, validFrom: '2026-03-01' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PAYROLL_SETTINGS_MONTH_RUN');
    const later = await clients.manager!.post('/payroll/settings', {
      ...version,
      validFrom: '2026-04-01',
      headcountClass: '50-149',
    });
    expect(later.status).toBe(201);
    const list = await clients.member!.get('/payroll/settings');
    expect(list.body.versions.map((v: { validFrom: string }) => v.validFrom)).toEqual([
      '2026-04-01',
      '2026-02-01',
    ]);
  });
});
