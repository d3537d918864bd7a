import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let support: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  support = createTestClient(ctx);
  await support.logIn('support@test.coop', testPassword);
});
afterAll(() => ctx.close());

async function newMember(extra: Record<string, unknown> = {}) {
  const res = await support.post('/members', {
    firstName: 'Camille',
    lastName: `Martin ${Math.random().toString(36).slice(2, 8)}`,
    referentId: people.support.id,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('the member journey through the API', () => {
  it('records a real journey from the information meeting to the CESA, with the associate deadline', async () => {
    const id = await newMember({ userId: people.member.id, email: 'camille@test.coop' });
    expect((await support.get(`/members/${id}`)).body.stage).toBe('prospect');
    for (const entry of [
      { kind: 'information_meeting', on: '2024-09-05' },
      { kind: 'intake_interview', on: '2024-09-20' },
      { kind: 'support_agreement', on: '2024-09-25' },
    ]) {
      expect((await support.post(`/members/${id}/journey`, entry)).status).toBe(201);
    }
    const cape = await support.post(`/members/${id}/journey`, {
      kind: 'cape',
      start: '2024-10-01',
      end: '2025-03-31',
    });
    expect(cape.status).toBe(201);
    expect(cape.body.journey.stage).toBe('between_contracts');
    const renewal = await support.post(`/members/${id}/journey`, {
      kind: 'cape_renewal',
      contractId: cape.body.entry.id,
      on: '2025-03-15',
      end: '2025-09-30',
    });
    expect(renewal.status).toBe(201);
    expect(renewal.body.entry.number).toBe(1);
    await support.post(`/members/${id}/journey`, { kind: 'support_interview', on: '2025-06-10' });
    await support.post(`/members/${id}/journey`, { kind: 'support_interview', on: '2025-12-01' });
    const cesa = await support.post(`/members/${id}/journey`, {
      kind: 'cesa',
      start: '2025-10-01',
      trialEnd: null,
      fixedMonthlyCents: 15_000,
    });
    expect(cesa.status).toBe(201);
    const journey = (await support.get(`/members/${id}/journey`)).body;
    expect(journey.stage).toBe('cesa');
    expect(journey.fixedMonthlyCents).toBe(15_000);
    // 365 days of CAPE (1 Oct 2024 → 30 Sep 2025) shorten the 3 years: 30 Sep 2028 − 365 days.
    const associate = journey.deadlines.find((d: any) => d.kind === 'associate');
    expect(associate).toMatchObject({
      dueOn: '2027-10-01',
      citation: 'C. trav. L7331-3',
      status: 'upcoming',
      details: { priorDays: 365 },
    });
    expect(journey.stages.map((s: any) => s.stage)).toEqual([
      'prospect',
      'information',
      'intake',
      'support',
      'cape',
      'cesa',
    ]);

    // The member sees it too, on their own journey.
    const member = createTestClient(ctx);
    await member.logIn('member@test.coop', testPassword);
    const mine = await member.get('/me/member/journey');
    expect(mine.status).toBe(200);
    expect(mine.body.nextSteps.map((s: any) => [s.code, s.dueOn])).toContainEqual([
      'associate',
      '2027-10-01',
    ]);
    expect((await member.get(`/members/${id}/journey`)).body.stage).toBe('cesa');
  });

  it('refuses illegal timelines naming the rule, and changes nothing', async () => {
    const id = await newMember();
    const cape = await support.post(`/members/${id}/journey`, {
      kind: 'cape',
      start: '2025-01-01',
      end: '2025-06-30',
    });
    const renew = (on: string, end: string) =>
      support.post(`/members/${id}/journey`, {
        kind: 'cape_renewal',
        contractId: cape.body.entry.id,
        on,
        end,
      });
    expect((await renew('2025-06-01', '2025-12-31')).status).toBe(201);
    expect((await renew('2025-12-01', '2026-06-30')).status).toBe(201);
    const third = await renew('2026-06-01', '2026-12-31');
    expect(third.status).toBe(422);
    expect(third.body.code).toBe('JOURNEY_CAPE_TOO_MANY_RENEWALS');
    expect(third.body.detail).toContain('C. com. L127-2');

    const tooLong = await support.post(`/members/${await newMember()}/journey`, {
      kind: 'cape',
      start: '2026-01-01',
      end: '2027-01-01',
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('JOURNEY_CAPE_TOO_LONG');
    expect(tooLong.body.detail).toContain('2026-12-31');

    const overlap = await support.post(`/members/${id}/journey`, {
      kind: 'cesa',
      start: '2026-03-01',
      trialEnd: null,
      fixedMonthlyCents: 0,
    });
    expect(overlap.body.code).toBe('JOURNEY_CONTRACTS_OVERLAP');

    const other = await newMember();
    await support.post(`/members/${other}/journey`, { kind: 'cape', start: '2025-11-01', end: '2026-01-30' });
    const trial = await support.post(`/members/${other}/journey`, {
      kind: 'cesa',
      start: '2026-02-01',
      trialEnd: '2026-09-30',
      fixedMonthlyCents: 0,
    });
    expect(trial.status).toBe(422);
    expect(trial.body.code).toBe('JOURNEY_TRIAL_TOO_LONG');
    expect(trial.body.detail).toContain('C. trav. L7332-1');

    const early = await support.post(`/members/${await newMember()}/journey`, {
      kind: 'associate',
      on: '2026-01-01',
    });
    expect(early.body.code).toBe('JOURNEY_ASSOCIATE_BEFORE_CONTRACT');

    const order = await support.post(`/members/${await newMember()}/journey`, {
      kind: 'cape',
      start: '2026-05-01',
      end: '2026-04-01',
    });
    expect(order.body.code).toBe('JOURNEY_DATES_OUT_OF_ORDER');

    const journey = (await support.get(`/members/${id}/journey`)).body;
    expect(journey.entries).toHaveLength(3);
    expect(journey.stage).toBe('cape');
  });

  it('ends a contract at most once', async () => {
    const id = await newMember();
    const cesa = await support.post(`/members/${id}/journey`, {
      kind: 'cesa',
      start: '2025-01-01',
      trialEnd: '2025-04-30',
      fixedMonthlyCents: 20_000,
    });
    const end = (on: string) =>
      support.post(`/members/${id}/journey`, {
        kind: 'contract_end',
        contractId: cesa.body.entry.id,
        on,
        reason: 'resignation',
      });
    expect((await end('2026-01-31')).status).toBe(201);
    const again = await end('2026-02-28');
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('JOURNEY_CONTRACT_ENDED_TWICE');
  });

  it('corrects and deletes entries, refusing a deletion that would break the timeline', async () => {
    const id = await newMember();
    const cape = await support.post(`/members/${id}/journey`, {
      kind: 'cape',
      start: '2025-09-01',
      end: '2026-02-28',
    });
    const renewal = await support.post(`/members/${id}/journey`, {
      kind: 'cape_renewal',
      contractId: cape.body.entry.id,
      on: '2026-02-01',
      end: '2026-08-31',
    });
    const del = await support.delete(`/members/${id}/journey/${cape.body.entry.id}`);
    expect(del.status).toBe(422);
    expect(del.body.code).toBe('JOURNEY_UNKNOWN_CONTRACT');
    const fix = await support.put(`/members/${id}/journey/${renewal.body.entry.id}`, {
      kind: 'cape_renewal',
      contractId: cape.body.entry.id,
      on: '2026-02-01',
      end: '2026-07-31',
    });
    expect(fix.status).toBe(200);
    expect(fix.body.entry.number).toBe(1);
    const cape2 = fix.body.journey.deadlines.find((d: any) => d.kind === 'cape_term');
    expect(cape2).toMatchObject({ dueOn: '2026-07-31', details: { renewalsLeft: 1 } });
    expect((await support.delete(`/members/${id}/journey/${renewal.body.entry.id}`)).status).toBe(200);
    const after = (await support.get(`/members/${id}/journey`)).body;
    expect(after.entries.map((e: any) => e.kind)).toEqual(['cape']);
  });

  it('lists the portfolio with filters on the server, and its alerts', async () => {
    const id = await newMember({ trades: ['Rempailleuse de chaises'] });
    // CAPE ending in 8 days: an alert within 30 days.
    await support.post(`/members/${id}/journey`, { kind: 'cape', start: '2025-03-11', end: '2026-03-10' });
    const list = await support.get('/members?referent=me&stage=cape&trade=rempailleuse%20de%20CHAISES');
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((m: any) => m.id)).toEqual([id]);
    expect(list.body.items[0].nextDeadline).toEqual({
      kind: 'cape_term',
      dueOn: '2026-03-10',
      status: 'upcoming',
    });
    const soon = await support.get('/members?deadline=within30');
    expect(soon.status, soon.text).toBe(200);
    expect(soon.body.items.map((m: any) => m.id)).toContain(id);
    expect((await support.get('/members?deadline=overdue')).body.items.map((m: any) => m.id)).not.toContain(
      id,
    );
    const alerts = await support.get('/members/alerts?referent=me');
    expect(alerts.body.items).toContainEqual(
      expect.objectContaining({ memberId: id, kind: 'cape_term', bucket: 'within30', daysLeft: 8 }),
    );
    // Time passes: the CAPE term is now overdue.
    ctx.setNow('2026-03-12T09:00:00Z');
    const overdue = await support.get('/members?deadline=overdue');
    expect(overdue.body.items.map((m: any) => m.id)).toContain(id);
    expect(
      (await support.get('/members?stage=between_contracts')).body.items.map((m: any) => m.id),
    ).toContain(id);
    ctx.setNow('2026-03-02T09:00:00Z');
  });
});
