import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { seedLedgerActivities } from '../ledger/testing/ledger-test-fixture.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { shareSubscriptions } from './governance-tables.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let manager: TestClient;
let support: TestClient;
let member: TestClient;
let structure: string;

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  ({ structure } = await seedLedgerActivities(ctx, 'G'));
  manager = createTestClient(ctx, { ip: '10.8.0.1' });
  await manager.logIn('manager@test.coop', testPassword);
  support = createTestClient(ctx, { ip: '10.8.0.2' });
  await support.logIn('support@test.coop', testPassword);
  member = createTestClient(ctx, { ip: '10.8.0.3' });
  await member.logIn('member@test.coop', testPassword);
});
afterAll(() => ctx.close());

/** The database's own refusal (Drizzle wraps the driver's error). */
async function refusal(query: Promise<unknown>): Promise<string | null> {
  try {
    await query;
    return null;
  } catch (error) {
    const e = error as { message: string; cause?: { message?: string } };
    return e.cause?.message ?? e.message;
  }
}

async function admit(body: Record<string, unknown>) {
  const res = await manager.post('/governance/associates', {
    category: 'employee',
    admittedOn: '2026-01-15',
    admissionDecision: 'AGO du 15 janvier 2026, 4e résolution',
    shares: 4,
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function pay(subscriptionId: string, paidOn: string) {
  const res = await manager.post(`/governance/subscriptions/${subscriptionId}/pay`, { paidOn });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('the associates register and the share capital', () => {
  it('admits a member as an associate: completes their journey step and clears the 3-year deadline', async () => {
    const m = await support.post('/members', {
      firstName: 'Camille',
      lastName: 'Martin',
      referentId: people.support.id,
      userId: people.member.id,
      email: 'camille@test.coop',
    });
    expect(m.status, m.text).toBe(201);
    const memberId = m.body.id;
    await support.post(`/members/${memberId}/journey`, {
      kind: 'cesa',
      start: '2025-01-06',
      trialEnd: null,
      fixedMonthlyCents: 150_000,
    });
    const before = (await support.get(`/members/${memberId}/journey`)).body;
    expect(before.deadlines.find((d: any) => d.kind === 'associate').status).not.toBe('met');

    const a = await admit({ memberId, shares: 4 });
    expect(a).toMatchObject({
      number: 1,
      name: 'Camille Martin',
      userId: people.member.id,
      email: 'camille@test.coop',
      category: 'employee',
      shares: 0,
    });
    expect(a.subscriptions).toHaveLength(1);
    expect(a.subscriptions[0]).toMatchObject({
      shares: 4,
      nominalCents: 2500,
      amountCents: 10_000,
      status: 'subscribed',
    });

    const after = (await support.get(`/members/${memberId}/journey`)).body;
    expect(after.stage).toBe('associate');
    expect(after.entries.some((e: any) => e.kind === 'associate' && e.on === '2026-01-15')).toBe(true);
    expect(after.deadlines.find((d: any) => d.kind === 'associate').status).toBe('met');
    const [alerts] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM member_deadlines WHERE member_id = ${memberId} AND kind = 'associate' AND NOT met`,
    );
    expect(Number(alerts!.n)).toBe(0);
  });

  it('refuses a second active record for the same member, and a member whose journey has no CESA yet', async () => {
    const [row] = await queryRows<{ member_id: string }>(
      ctx.db,
      sql`SELECT member_id FROM associates WHERE number = 1`,
    );
    const again = await manager.post('/governance/associates', {
      memberId: row!.member_id,
      category: 'employee',
      admittedOn: '2026-02-01',
      admissionDecision: 'x',
      shares: 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ASSOCIATE_ALREADY_ACTIVE');
    const m = await support.post('/members', {
      firstName: 'Noé',
      lastName: 'Sanscontrat',
      referentId: people.support.id,
    });
    const early = await manager.post('/governance/associates', {
      memberId: m.body.id,
      category: 'employee',
      admittedOn: '2026-02-01',
      admissionDecision: 'x',
      shares: 1,
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('JOURNEY_ASSOCIATE_BEFORE_CONTRACT');
    expect(
      Number((await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM associates`))[0]!.n),
    ).toBe(1);
  });

  it('refuses a fraction of a share, in shares or as an amount', async () => {
    const [a] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM associates WHERE number = 1`);
    const half = await manager.post(`/governance/associates/${a!.id}/subscriptions`, {
      shares: 1.5,
      subscribedOn: '2026-02-01',
    });
    expect(half.status).toBe(422);
    expect(half.body.code).toBe('SHARES_NOT_WHOLE');
    const odd = await manager.post(`/governance/associates/${a!.id}/subscriptions`, {
      amountCents: 3000,
      subscribedOn: '2026-02-01',
    });
    expect(odd.status).toBe(422);
    expect(odd.body.code).toBe('SHARES_NOT_WHOLE');
    const fine = await manager.post(`/governance/associates/${a!.id}/subscriptions`, {
      amountCents: 5000,
      subscribedOn: '2026-02-01',
    });
    expect(fine.status, fine.text).toBe(201);
    expect(fine.body).toMatchObject({ shares: 2, amountCents: 5000 });
    const fraction = await manager.post('/governance/associates', {
      name: 'Ext',
      category: 'other',
      admittedOn: '2026-01-15',
      admissionDecision: 'x',
      shares: 0.5,
    });
    expect(fraction.body.code).toBe('SHARES_NOT_WHOLE');
  });

  it('records a payment: D 512 / C 1013 on the structure, a movement, and a numbered certificate PDF', async () => {
    const subs = await ctx.db.select().from(shareSubscriptions).orderBy(shareSubscriptions.createdAt);
    const first = await pay(subs[0]!.id, '2026-01-20');
    expect(first).toMatchObject({ status: 'paid', paidOn: '2026-01-20', certificateNumber: 1 });
    const second = await pay(subs[1]!.id, '2026-02-03');
    expect(second.certificateNumber).toBe(2);

    const lines = await queryRows<{
      account_number: string;
      activity_id: string;
      debit_cents: string;
      credit_cents: string;
      journal_code: string;
    }>(
      ctx.db,
      sql`SELECT l.account_number, l.activity_id, l.debit_cents::text, l.credit_cents::text, e.journal_code
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.id = ${first.entryId} ORDER BY l.account_number`,
    );
    expect(lines).toEqual([
      {
        account_number: '101300',
        activity_id: structure,
        debit_cents: '0',
        credit_cents: '10000',
        journal_code: 'BQ',
      },
      {
        account_number: '512000',
        activity_id: structure,
        debit_cents: '10000',
        credit_cents: '0',
        journal_code: 'BQ',
      },
    ]);

    const cert = await member.get(`/governance/subscriptions/${subs[0]!.id}/certificate`);
    expect(cert.status).toBe(200);
    expect(cert.headers.get('content-type')).toBe('application/pdf');
    expect(cert.text.startsWith('%PDF-')).toBe(true);
    // Someone else's certificate stays invisible to a member who does not read the register.
    const outsider = createTestClient(ctx, { ip: '10.8.0.9' });
    await outsider.logIn('support@test.coop', testPassword);
    expect((await outsider.get(`/governance/subscriptions/${subs[0]!.id}/certificate`)).status).toBe(404);

    const movements = (await manager.get('/governance/share-movements')).body;
    expect(
      movements.map((m: any) => [m.number, m.kind, m.shares, m.capitalCents, m.capitalAfterCents]),
    ).toEqual([
      [1, 'subscription', 4, 10_000, 10_000],
      [2, 'subscription', 2, 5000, 15_000],
    ]);
    const again = await manager.post(`/governance/subscriptions/${subs[0]!.id}/pay`, {
      paidOn: '2026-01-21',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STATUS_TRANSITION_REFUSED');
  });

  it('shows the capital and the legal ratios; the member sees their own shares', async () => {
    const capital = (await manager.get('/governance/capital')).body;
    expect(capital).toMatchObject({
      capitalCents: 15_000,
      highestCents: 15_000,
      floorCents: 7500,
      shares: 6,
      nominalCents: 2500,
    });
    // One employee associate holds everything: 100 % employees, but above half of the capital.
    expect(capital.ratios.map((r: any) => [r.rule, r.ok])).toEqual([
      ['employeeCapital', true],
      ['employeeVotes', true],
      ['largestHolder', false],
    ]);
    const mine = (await member.get('/governance/me')).body;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ number: 1, shares: 6, capitalCents: 15_000 });
    expect((await member.get('/governance/capital')).status).toBe(403);
    expect(
      (
        await member.post('/governance/associates', {
          name: 'X',
          category: 'other',
          admittedOn: '2026-01-01',
          admissionDecision: 'x',
          shares: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('refunds in the order of departure, never below half of the highest capital, and says why one waits', async () => {
    // Three more associates: capital 15 000 + 3 × 10 000 = 45 000 (highest), floor 22 500.
    const ids: string[] = [];
    for (const name of ['Alix Premier', 'Basile Second', 'Chloé Troisième']) {
      const a = await admit({ name, category: 'other', shares: 4 });
      await pay(a.subscriptions[0].id, '2026-01-25');
      ids.push(a.id);
    }
    expect((await manager.get('/governance/capital')).body).toMatchObject({
      capitalCents: 45_000,
      highestCents: 45_000,
      floorCents: 22_500,
    });
    // Basile leaves first, then Alix, then Chloé.
    for (const [id, on] of [
      [ids[1], '2026-02-10'],
      [ids[0], '2026-02-20'],
      [ids[2], '2026-02-25'],
    ] as const) {
      const res = await manager.post(`/governance/associates/${id}/exit`, {
        exitedOn: on,
        reason: 'resignation',
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body.refund).toMatchObject({ status: 'awaitingClose', fixedOn: '2026-12-31', shares: 4 });
    }
    let capital = (await manager.get('/governance/capital')).body;
    expect(capital.refunds.map((r: any) => [r.associateId, r.reason])).toEqual([
      [ids[1], 'amountNotFixed'],
      [ids[0], 'earlierRefundWaiting'],
      [ids[2], 'earlierRefundWaiting'],
    ]);
    const early = await manager.post(`/governance/refunds/${capital.refunds[0].id}/pay`, {
      paidOn: '2026-03-01',
    });
    expect(early.body.code).toBe('REFUND_NOT_FIXED');

    // The year closes with 4 500 € of losses on the capital (10 %): each refund is 100 € − 10 € = 90 €.
    ctx.setNow('2027-01-10T10:00:00Z');
    await manager.logIn('manager@test.coop', testPassword);
    const badClose = await manager.post('/governance/refunds/fix', {
      closeOn: '2026-06-30',
      uncoveredLossesCents: 0,
    });
    expect(badClose.body.code).toBe('REFUND_CLOSE_DATE_INVALID');
    const fixed = await manager.post('/governance/refunds/fix', {
      closeOn: '2026-12-31',
      uncoveredLossesCents: 4500,
    });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.body.map((r: any) => r.amountCents)).toEqual([9000, 9000, 9000]);

    capital = (await manager.get('/governance/capital')).body;
    // 45 000 − 10 000 = 35 000, − 10 000 = 25 000 ≥ 22 500; the third would leave 15 000 < 22 500.
    expect(
      capital.refunds.map((r: any) => [r.associateId, r.payable, r.reason, r.capitalAfterCents]),
    ).toEqual([
      [ids[1], true, null, 35_000],
      [ids[0], true, null, 25_000],
      [ids[2], false, 'capitalFloor', 15_000],
    ]);
    const outOfOrder = await manager.post(`/governance/refunds/${capital.refunds[1].id}/pay`, {
      paidOn: '2027-01-15',
    });
    expect(outOfOrder.body.code).toBe('REFUND_OUT_OF_ORDER');
    const paid = await manager.post(`/governance/refunds/${capital.refunds[0].id}/pay`, {
      paidOn: '2027-01-15',
    });
    expect(paid.status, paid.text).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', amountCents: 9000 });
    expect(
      (await manager.post(`/governance/refunds/${capital.refunds[1].id}/pay`, { paidOn: '2027-01-15' }))
        .status,
    ).toBe(200);
    const floor = await manager.post(`/governance/refunds/${capital.refunds[2].id}/pay`, {
      paidOn: '2027-01-16',
    });
    expect(floor.status).toBe(409);
    expect(floor.body.code).toBe('REFUND_CAPITAL_FLOOR');

    // The refund entry: capital down by the nominal, bank by the amount, the loss share to 119.
    const [r] = await queryRows<{ entry_id: string }>(
      ctx.db,
      sql`SELECT entry_id FROM share_refunds WHERE id = ${capital.refunds[0].id}`,
    );
    const lines = await queryRows<{ account_number: string; debit_cents: string; credit_cents: string }>(
      ctx.db,
      sql`SELECT account_number, debit_cents::text, credit_cents::text FROM ledger_entry_lines WHERE entry_id = ${r!.entry_id} ORDER BY account_number`,
    );
    expect(lines).toEqual([
      { account_number: '101300', debit_cents: '10000', credit_cents: '0' },
      { account_number: '119000', debit_cents: '0', credit_cents: '1000' },
      { account_number: '512000', debit_cents: '0', credit_cents: '9000' },
    ]);
    expect((await manager.get('/governance/capital')).body).toMatchObject({
      capitalCents: 25_000,
      highestCents: 45_000,
      floorCents: 22_500,
    });
    ctx.setNow('2026-03-02T09:00:00.000Z');
  });

  it('never edits nor deletes a movement of the register', async () => {
    expect(
      await refusal(ctx.db.execute(sql`UPDATE share_movements SET shares = 99 WHERE number = 1`)),
    ).toMatch(/append-only/);
    expect(await refusal(ctx.db.execute(sql`DELETE FROM share_movements WHERE number = 1`))).toMatch(
      /append-only/,
    );
    const [cert] = await ctx.db
      .select()
      .from(shareSubscriptions)
      .where(eq(shareSubscriptions.certificateNumber, 1));
    expect(
      await refusal(
        ctx.db.execute(sql`UPDATE files SET bytes = '\\x00' WHERE sha256 = ${cert!.certificateSha256}`),
      ),
    ).toMatch(/sealed/);
    expect(
      await refusal(ctx.db.execute(sql`DELETE FROM files WHERE sha256 = ${cert!.certificateSha256}`)),
    ).toMatch(/sealed/);
  });
});
