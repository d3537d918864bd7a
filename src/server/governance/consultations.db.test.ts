import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { seedAssociates } from './governance-test-fixture.ts';

let ctx: TestContext;
let manager: TestClient;
const voter: TestClient[] = [];
let ids: Awaited<ReturnType<typeof seedAssociates>>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  // 3 associates who answer in Mutua and 5 others: 8 associates.
  ids = await seedAssociates(ctx, { voters: 3, others: 5 });
  manager = createTestClient(ctx, { ip: '10.10.0.1' });
  await manager.logIn('manager@test.coop', testPassword);
  for (const [i, v] of ids.voters.entries()) {
    voter.push(createTestClient(ctx, { ip: `10.10.1.${i + 1}` }));
    await voter[i]!.logIn(v.email, testPassword);
  }
}, 120_000);
afterAll(() => ctx.close());

const proposal = (over: Record<string, unknown> = {}) => ({
  title: 'Date du séminaire annuel',
  proposal: 'Quand tenir le séminaire des associé·es ?',
  options: ['Juin', 'Septembre', 'Octobre'],
  closesAt: '2026-03-09T18:00:00+01:00',
  participationQuorumBp: 2500,
  requiredShareBp: 5001,
  anonymous: true,
  ...over,
});

describe('consultations outside assemblies', () => {
  it('takes one answer per associate until the closing date, hides the result, and writes the outcome at the close', async () => {
    const created = await manager.post('/governance/consultations', proposal());
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect((await voter[0]!.get(`/governance/consultations/${id}`)).status).toBe(404);
    expect((await manager.post(`/governance/consultations/${id}/open`)).status).toBe(200);

    expect((await voter[0]!.post(`/governance/consultations/${id}/answers`, { option: 1 })).status).toBe(201);
    expect((await voter[0]!.post(`/governance/consultations/${id}/answers`, { option: 0 })).body.code).toBe(
      'VOTE_ALREADY_CAST',
    );
    expect((await voter[1]!.post(`/governance/consultations/${id}/answers`, { option: 1 })).status).toBe(201);
    expect((await voter[2]!.post(`/governance/consultations/${id}/answers`, { option: null })).status).toBe(
      201,
    );
    expect((await voter[2]!.post(`/governance/consultations/${id}/answers`, { option: 7 })).status).toBe(422);

    const running = (await voter[0]!.get(`/governance/consultations/${id}`)).body;
    expect(running).toMatchObject({
      status: 'open',
      eligible: 8,
      participants: 3,
      answered: true,
      result: null,
    });
    expect(
      (await manager.post(`/governance/consultations/${id}/close`, { outcome: 'Septembre.' })).body.code,
    ).toBe('CONSULTATION_STILL_RUNNING');

    ctx.setNow('2026-03-09T17:00:01Z');
    await manager.logIn('manager@test.coop', testPassword);
    await voter[0]!.logIn(ids.voters[0]!.email, testPassword);
    expect((await voter[0]!.post(`/governance/consultations/${id}/answers`, { option: 2 })).body.code).toBe(
      'CONSULTATION_NOT_OPEN',
    );
    const closed = await manager.post(`/governance/consultations/${id}/close`, {
      outcome: 'Le séminaire aura lieu en septembre.',
    });
    expect(closed.status, closed.text).toBe(200);
    // 3 of 8 took part (37.5 % ≥ 25 %); Septembre has 2 of 2 votes cast (the abstention is not a vote cast).
    expect(closed.body).toMatchObject({
      participants: 3,
      abstentions: 1,
      votesCast: 2,
      votes: [0, 2, 0],
      quorumReached: true,
      winner: 1,
      result: 'adopted',
    });
    const done = (await voter[0]!.get(`/governance/consultations/${id}`)).body;
    expect(done).toMatchObject({
      status: 'closed',
      outcome: 'Le séminaire aura lieu en septembre.',
      result: { winner: 1 },
    });
    // Anonymous: the counters hold the answers, the participations hold who answered, nothing holds both.
    const answers = await queryRows(
      ctx.db,
      sql`SELECT * FROM consultation_answers WHERE consultation_id = ${id}`,
    );
    expect(answers).toEqual([]);
    expect(
      await queryRows(
        ctx.db,
        sql`SELECT votes, abstentions FROM consultation_tallies WHERE consultation_id = ${id}`,
      ),
    ).toEqual([{ votes: [0, 2, 0], abstentions: 1 }]);
    ctx.setNow('2026-03-02T09:00:00.000Z');
    await manager.logIn('manager@test.coop', testPassword);
    for (const [i, v] of ids.voters.entries()) await voter[i]!.logIn(v.email, testPassword);
  });

  it('keeps named answers beside the associate when not anonymous, and reports a missed quorum', async () => {
    const created = await manager.post(
      '/governance/consultations',
      proposal({ anonymous: false, participationQuorumBp: 5000, closesAt: '2026-03-05T12:00:00Z' }),
    );
    const id = created.body.id;
    await manager.post(`/governance/consultations/${id}/open`);
    await voter[0]!.post(`/governance/consultations/${id}/answers`, { option: 0 });
    const named = await queryRows<{ associate_id: string; option: number }>(
      ctx.db,
      sql`SELECT associate_id, option FROM consultation_answers WHERE consultation_id = ${id}`,
    );
    expect(named).toEqual([{ associate_id: ids.voters[0]!.associateId, option: 0 }]);
    ctx.setNow('2026-03-05T12:00:00Z');
    await manager.logIn('manager@test.coop', testPassword);
    const closed = await manager.post(`/governance/consultations/${id}/close`, {
      outcome: 'Pas assez de réponses : à reposer en assemblée.',
    });
    expect(closed.body).toMatchObject({
      participants: 1,
      quorumReached: false,
      winner: null,
      result: 'noQuorum',
    });
    expect((await manager.post(`/governance/consultations/${id}/cancel`)).body.code).toBe(
      'STATUS_TRANSITION_REFUSED',
    );
    ctx.setNow('2026-03-02T09:00:00.000Z');
  });

  it('refuses a closing date in the past and an answer from someone who is not an associate', async () => {
    expect(
      (await manager.post('/governance/consultations', proposal({ closesAt: '2026-03-01T00:00:00Z' }))).body
        .code,
    ).toBe('CONSULTATION_CLOSES_IN_PAST');
    await manager.logIn('manager@test.coop', testPassword);
    const created = await manager.post(
      '/governance/consultations',
      proposal({ closesAt: '2026-04-01T00:00:00Z' }),
    );
    await manager.post(`/governance/consultations/${created.body.id}/open`);
    const res = await manager.post(`/governance/consultations/${created.body.id}/answers`, { option: 0 });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('VOTER_NOT_ASSOCIATE');
  });
});
