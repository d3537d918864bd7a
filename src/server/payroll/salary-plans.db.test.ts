import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let support: TestClient;
let member: TestClient;
let accountant: TestClient;
let memberId: string;
let cesaId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-02-10T09:00:00Z');
  people = await seedTestPeople(ctx);
  support = createTestClient(ctx, { ip: '10.11.0.1' });
  await support.logIn('support@test.coop', testPassword);
  member = createTestClient(ctx, { ip: '10.11.0.2' });
  await member.logIn('member@test.coop', testPassword);
  accountant = createTestClient(ctx, { ip: '10.11.0.3' });
  await accountant.logIn('accountant@test.coop', testPassword);
  const created = await support.post('/members', {
    firstName: 'Camille',
    lastName: 'Salaire',
    referentId: people.support.id,
    userId: people.member.id,
  });
  expect(created.status).toBe(201);
  memberId = created.body.id;
  const journey = async (entry: Record<string, unknown>) => {
    const res = await support.post(`/members/${memberId}/journey`, entry);
    expect(res.status, res.text).toBe(201);
    return res.body.entry.id as string;
  };
  await journey({ kind: 'cape', start: '2025-01-01', end: '2025-09-30' });
  cesaId = await journey({ kind: 'cesa', start: '2025-10-01', trialEnd: null, fixedMonthlyCents: 15_000 });
  await journey({ kind: 'cesa_amendment', contractId: cesaId, on: '2026-03-01', fixedMonthlyCents: 80_000 });
}, 120_000);
afterAll(() => ctx?.close());

/** Moves the clock; sessions expire when it jumps, so everyone logs in again. */
async function moveTo(instant: string) {
  ctx.setNow(instant);
  await support.logIn('support@test.coop', testPassword);
  await member.logIn('member@test.coop', testPassword);
  await accountant.logIn('accountant@test.coop', testPassword);
}

const audits = async (planId: string) =>
  (await ctx.db.select().from(auditLog).where(eq(auditLog.objectId, planId))).map((r) => r.action).sort();

describe('salary plans', () => {
  it('refuses a plan under a CAPE, before any contract, or below the fixed part in force', async () => {
    const cape = await member.post('/payroll/plans', { fromMonth: '2025-06', monthlyGrossCents: 200_000 });
    expect(cape.status).toBe(422);
    expect(cape.body.code).toBe('SALARY_PLAN_UNDER_CAPE');
    const before = await member.post('/payroll/plans', { fromMonth: '2024-06', monthlyGrossCents: 200_000 });
    expect(before.body.code).toBe('SALARY_PLAN_NO_CESA');
    const low = await member.post('/payroll/plans', { fromMonth: '2026-04', monthlyGrossCents: 79_999 });
    expect(low.status).toBe(422);
    expect(low.body.code).toBe('SALARY_PLAN_BELOW_FIXED_PART');
    expect(low.body.detail).toContain('800,00');
    expect(
      (await member.post('/payroll/plans', { fromMonth: '2026-04', monthlyGrossCents: 1.5 })).status,
    ).toBe(422);
    // Only a person with a member file proposes; strangers are not let in.
    expect(
      (await accountant.post('/payroll/plans', { fromMonth: '2026-04', monthlyGrossCents: 250_000 })).status,
    ).toBe(404);
    expect(
      (
        await createTestClient(ctx).post('/payroll/plans', {
          fromMonth: '2026-04',
          monthlyGrossCents: 250_000,
        })
      ).status,
    ).toBe(401);
  });

  it('goes from the member’s proposal to support’s approval, once, with the history and the audit log', async () => {
    const proposed = await member.post('/payroll/plans', {
      fromMonth: '2026-04',
      monthlyGrossCents: 250_000,
      note: 'Deux gros contrats signés',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      memberId,
      fromMonth: '2026-04',
      monthlyGrossCents: 250_000,
      fixedPartCents: 80_000,
      status: 'proposed',
      note: 'Deux gros contrats signés',
      decidedAt: null,
    });
    const id = proposed.body.id as string;
    // The member cannot approve their own plan; support sees it waiting.
    expect((await member.post(`/payroll/plans/${id}/approve`, {})).status).toBe(403);
    expect((await member.get('/payroll/plans?status=proposed')).status).toBe(403);
    const waiting = await support.get('/payroll/plans?status=proposed');
    expect(waiting.body.map((p: { id: string }) => p.id)).toContain(id);
    expect((await accountant.get(`/payroll/plans?memberId=${memberId}`)).body).toHaveLength(1);
    expect((await accountant.post(`/payroll/plans/${id}/approve`, {})).status).toBe(403);

    const approved = await support.post(`/payroll/plans/${id}/approve`, {
      note: 'OK, trésorerie suffisante',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: people.support.id,
      decisionNote: 'OK, trésorerie suffisante',
    });
    const again = await support.post(`/payroll/plans/${id}/reject`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SALARY_PLAN_ALREADY_DECIDED');
    expect(await audits(id)).toEqual(['salary_plan.approved', 'salary_plan.proposed']);

    await moveTo('2026-03-15T09:00:00Z');
    expect((await member.get('/payroll/plans/mine')).body.current).toBeNull();
    await moveTo('2026-05-02T09:00:00Z');
    const mine = await member.get('/payroll/plans/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.current.id).toBe(id);
    expect(mine.body.plans.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('lets the member withdraw a waiting proposal, and support reject one', async () => {
    ctx.advance(60_000);
    const a = await member.post('/payroll/plans', { fromMonth: '2026-06', monthlyGrossCents: 300_000 });
    expect((await support.post(`/payroll/plans/${a.body.id}/withdraw`)).status).toBe(403);
    const withdrawn = await member.post(`/payroll/plans/${a.body.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await support.post(`/payroll/plans/${a.body.id}/approve`)).status).toBe(409);
    ctx.advance(60_000);
    const b = await member.post('/payroll/plans', { fromMonth: '2026-07', monthlyGrossCents: 400_000 });
    const rejected = await support.post(`/payroll/plans/${b.body.id}/reject`, {
      note: 'Trésorerie insuffisante',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: 'Trésorerie insuffisante' });
    expect(
      (await member.get('/payroll/plans/mine')).body.plans.map((p: { status: string }) => p.status),
    ).toEqual(['rejected', 'withdrawn', 'approved']);
    expect((await support.post(`/payroll/plans/00000000-0000-4000-8000-000000000000/approve`)).status).toBe(
      404,
    );
  });

  it('checks the plan against the journey again when approving it', async () => {
    const plan = await member.post('/payroll/plans', { fromMonth: '2026-09', monthlyGrossCents: 90_000 });
    expect(plan.status).toBe(201);
    // Meanwhile the contract's fixed part rises above the plan.
    const amendment = await support.post(`/members/${memberId}/journey`, {
      kind: 'cesa_amendment',
      contractId: cesaId,
      on: '2026-08-01',
      fixedMonthlyCents: 100_000,
    });
    expect(amendment.status).toBe(201);
    const refused = await support.post(`/payroll/plans/${plan.body.id}/approve`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SALARY_PLAN_BELOW_FIXED_PART');
    expect((await support.get(`/payroll/plans?memberId=${memberId}&status=proposed`)).body).toHaveLength(1);
  });
});
