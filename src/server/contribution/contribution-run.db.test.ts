import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { closeFiscalYear } from '../ledger/close-fiscal-year.ts';
import { getAvailableTreasury } from '../ledger/get-available-treasury.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { paymentEntry, saleEntry, seedLedgerActivities } from '../ledger/testing/ledger-test-fixture.ts';
import { verifyLedger } from '../ledger/verify-ledger.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;
let fund: string;
let aliceMember: string;
let bobMember: string;
let manager: TestClient;
let accountant: TestClient;
let member: TestClient;
let support: TestClient;

const policy = (fundId: string) => ({
  base: 'invoiced',
  schedule: {
    brackets: [
      { fromCents: 0, rateBp: 1_000 },
      { fromCents: 5_000_000, rateBp: 500 },
    ],
    monthlyFeeCents: 3_000,
  },
  cape: { mode: 'custom', schedule: { brackets: [{ fromCents: 0, rateBp: 500 }], monthlyFeeCents: 0 } },
  split: [{ activityId: fundId, shareBp: 2_000 }],
});

async function sumLines(account: string, activityIds: string[]) {
  const [r] = await queryRows<{ s: string | null }>(
    ctx.db,
    sql`SELECT sum(credit_cents - debit_cents)::text AS s FROM ledger_entry_lines
        WHERE account_number = ${account} AND activity_id = ANY(${sql.param(activityIds)}::uuid[])`,
  );
  return Number(r?.s ?? 0);
}
const insertId = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ id: string }>(ctx.db, query))[0]!.id;
const entryCount = async () =>
  Number((await queryRows<{ n: string }>(ctx.db, sql`SELECT count(*)::text AS n FROM ledger_entries`))[0]!.n);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2025-06-10T10:00:00Z');
  const people = await seedTestPeople(ctx);
  act = await seedLedgerActivities(ctx);
  fund = await insertId(
    sql`INSERT INTO activities (code, name, kind) VALUES ('T-FONDS', 'Fonds de solidarité', 'fund') RETURNING id`,
  );
  // 2025 has an entry, then is closed.
  await postEntries(ctx, systemActor, [saleEntry(act.alice, 10_000n, { date: '2025-06-02' })]);
  ctx.setNow('2026-04-05T10:00:00Z');
  const [y2025] = await queryRows<{ id: number }>(
    ctx.db,
    sql`SELECT id FROM fiscal_years WHERE start_date = '2025-01-01'`,
  );
  await closeFiscalYear(ctx, systemActor, Number(y2025!.id));
  aliceMember = await insertId(
    sql`INSERT INTO members (user_id, first_name, last_name) VALUES (${people.member.id}, 'Alice', 'Martin') RETURNING id`,
  );
  bobMember = await insertId(
    sql`INSERT INTO members (first_name, last_name) VALUES ('Bob', 'Durand') RETURNING id`,
  );
  await ctx.db.execute(sql`
    INSERT INTO activity_members (activity_id, member_id, share_bp, valid_from) VALUES
      (${act.alice}, ${aliceMember}, 10000, '2025-01-01'), (${act.bob}, ${bobMember}, 10000, '2026-01-01')`);
  await ctx.db.execute(
    sql`UPDATE activities SET referent_id = ${people.support.id} WHERE id IN (${act.alice}, ${act.bob})`,
  );
  await ctx.db.execute(sql`
    INSERT INTO member_stage_periods (member_id, stage, from_on, to_on) VALUES
      (${aliceMember}, 'cesa', '2025-01-01', '9999-12-31'), (${bobMember}, 'cape', '2026-01-01', '2026-12-31')`);
  await postEntries(ctx, systemActor, [
    saleEntry(act.alice, 100_000n, { date: '2026-01-10' }),
    paymentEntry(act.alice, 120_000n, '2026-01-25'),
    saleEntry(act.alice, 200_000n, { date: '2026-02-10' }),
    saleEntry(act.alice, 50_000n, { date: '2026-03-10' }),
    saleEntry(act.bob, 100_000n, { date: '2026-01-15' }),
  ]);
  const logIn = async (role: string, ip: string) => {
    const c = createTestClient(ctx, { ip });
    await c.logIn(`${role}@test.coop`, testPassword);
    return c;
  };
  manager = await logIn('manager', '10.6.0.1');
  accountant = await logIn('accountant', '10.6.0.2');
  member = await logIn('member', '10.6.0.3');
  support = await logIn('support', '10.6.0.4');
});
afterAll(() => ctx.close());

describe('the contribution policy', () => {
  it('is set by managers only, with refusals for bad input', async () => {
    expect(
      (await member.post('/contribution/policy-versions', { validFrom: '2026-01-01', policy: policy(fund) }))
        .status,
    ).toBe(403);
    const over = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-01-01',
      policy: {
        ...policy(fund),
        schedule: { brackets: [{ fromCents: 0, rateBp: 12_000 }], monthlyFeeCents: -1 },
      },
    });
    expect([over.status, over.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(over.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/100 %/);
    const notFund = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-01-01',
      policy: { ...policy(act.bob) },
    });
    expect([notFund.status, notFund.body.code]).toEqual([422, 'CONTRIBUTION_SPLIT_NOT_FUND']);
    const created = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-01-01',
      policy: policy(fund),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ inForce: true, editable: false, validTo: null });
    // In force: never edited.
    const edit = await manager.put(`/contribution/policy-versions/${created.body.id}`, {
      validTo: null,
      policy: policy(fund),
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'CONTRIBUTION_VERSION_IN_FORCE']);
    // A start inside the version in force, in the past: refused (it would rewrite past months).
    const past = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-03-01',
      policy: policy(fund),
    });
    expect([past.status, past.body.code]).toEqual([409, 'CONTRIBUTION_VERSION_IN_FORCE']);
    expect((await member.get('/contribution/policy-versions')).body).toHaveLength(1);
  });
});

describe('the monthly run', () => {
  it('charges each activity its month, posts internal transfers and explains them to the cent', async () => {
    expect((await member.post('/contribution/runs', { month: '2026-01' })).status).toBe(403);
    const notOver = await accountant.post('/contribution/runs', { month: '2026-04' });
    expect([notOver.status, notOver.body.code]).toEqual([422, 'CONTRIBUTION_MONTH_NOT_OVER']);
    const closed = await accountant.post('/contribution/runs', { month: '2025-12' });
    expect([closed.status, closed.body.code]).toEqual([409, 'CONTRIBUTION_YEAR_CLOSED']);
    expect((await accountant.post('/contribution/runs', { month: '2026-13' })).status).toBe(422);

    const jan = await accountant.post('/contribution/runs', { month: '2026-01' });
    expect(jan.status).toBe(200);
    // Alice: 10 % of 1 000 € + 30 €; Bob, under a CAPE: 5 % of 1 000 €, no fee.
    expect(jan.body).toMatchObject({ activityCount: 2, postedCount: 2, totalCents: 13_000 + 5_000 });
    for (const month of ['2026-02', '2026-03'])
      expect((await accountant.post('/contribution/runs', { month })).status).toBe(200);
    expect(await sumLines('628100', [act.alice])).toBe(-(13_000 + 23_000 + 8_000));
    // Bob: a fixed fee of 0 and no revenue in February and March.
    expect(await sumLines('628100', [act.bob])).toBe(-5_000);
  });

  it('changes nothing when run twice, and posts only the difference after a late invoice', async () => {
    const before = await entryCount();
    const again = await accountant.post('/contribution/runs', { month: '2026-03' });
    expect(again.body).toMatchObject({ postedCount: 0, totalCents: 0 });
    expect(await entryCount()).toBe(before);

    await postEntries(ctx, systemActor, [saleEntry(act.alice, 100_000n, { date: '2026-02-20' })]);
    const late = await accountant.post('/contribution/runs', { month: '2026-03' });
    expect(late.body).toMatchObject({ postedCount: 1, correctionCount: 1, totalCents: 10_000 });
    const [charge] = await queryRows<{ amount_cents: string; explanation: any }>(
      ctx.db,
      sql`SELECT amount_cents::text, explanation FROM contribution_charges
          WHERE activity_id = ${act.alice} AND month = '2026-03' ORDER BY seq DESC LIMIT 1`,
    );
    expect(Number(charge!.amount_cents)).toBe(10_000);
    const total = charge!.explanation.items.reduce(
      (s: number, i: { amountCents: number }) => s + i.amountCents,
      0,
    );
    expect(total).toBe(charge!.explanation.dueCents);
    expect(charge!.explanation.dueCents).toBe(10_000);
    expect(charge!.explanation.items.find((i: { kind: string }) => i.kind === 'correction')).toMatchObject({
      recomputedCents: 23_000 + 13_000 + 10_000,
      chargedCents: 44_000,
    });
    expect((await accountant.post('/contribution/runs', { month: '2026-03' })).body.postedCount).toBe(0);
    const superseded = await accountant.post('/contribution/runs', { month: '2026-02' });
    expect([superseded.status, superseded.body.code]).toEqual([409, 'CONTRIBUTION_MONTH_SUPERSEDED']);
  });

  it('credits the structure and the fund with exactly what the activities were charged', async () => {
    const charged = -(await sumLines('628100', [act.alice, act.bob]));
    const received = await sumLines('708100', [act.structure, fund]);
    expect(received).toBe(charged);
    const toFund = await sumLines('708100', [fund]);
    expect(Math.abs(toFund - charged * 0.2)).toBeLessThanOrEqual(4);
    // Internal transfers: the cooperative's bank is unchanged overall.
    const [bank] = await queryRows<{ s: string }>(
      ctx.db,
      sql`SELECT sum(l.debit_cents - l.credit_cents)::text AS s FROM ledger_entry_lines l
          JOIN ledger_entries e ON e.id = l.entry_id WHERE e.journal_code = 'CTB' AND l.account_number = '512000'`,
    );
    expect(Number(bank!.s)).toBe(0);
    expect((await verifyLedger(ctx)).filter((c) => !c.ok)).toEqual([]);
  });

  it('applies an exemption within the contract, with its reason, as a correction', async () => {
    const noReason = await manager.post('/contribution/exemptions', {
      memberId: aliceMember,
      fromOn: '2026-03-16',
      toOn: '2026-12-31',
    });
    expect([noReason.status, noReason.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    const outside = await manager.post('/contribution/exemptions', {
      memberId: bobMember,
      fromOn: '2026-06-01',
      toOn: '2027-03-31',
      reason: 'Bénéficiaire du RSA',
    });
    expect([outside.status, outside.body.code]).toEqual([422, 'CONTRIBUTION_EXEMPTION_OUTSIDE_CONTRACT']);
    expect(
      (
        await member.post('/contribution/exemptions', {
          memberId: aliceMember,
          fromOn: '2026-03-16',
          toOn: '2026-12-31',
          reason: 'RSA',
        })
      ).status,
    ).toBe(403);
    const ok = await manager.post('/contribution/exemptions', {
      memberId: aliceMember,
      fromOn: '2026-03-16',
      toOn: '2026-12-31',
      reason: 'Bénéficiaire du RSA',
    });
    expect(ok.status).toBe(201);
    const rerun = await accountant.post('/contribution/runs', { month: '2026-03' });
    // March was 50 € + 30 € = 80 €; exempt 16 of 31 days: 80 × 16/31 = 41.29 € given back.
    expect(rerun.body).toMatchObject({ postedCount: 1, totalCents: -4_129 });
    const [charge] = await queryRows<{ explanation: any }>(
      ctx.db,
      sql`SELECT explanation FROM contribution_charges WHERE activity_id = ${act.alice} AND month = '2026-03'
          ORDER BY seq DESC LIMIT 1`,
    );
    const items = charge!.explanation.items;
    expect(items.find((i: { kind: string }) => i.kind === 'exemption')).toMatchObject({
      exemptDays: 16,
      reasons: ['Bénéficiaire du RSA'],
    });
    expect(items.reduce((s: number, i: { amountCents: number }) => s + i.amountCents, 0)).toBe(-4_129);
  });

  it('revokes an exemption from a day on, audited, leaving months already run to the next run', async () => {
    const [ex] = (await manager.get('/contribution/exemptions')).body;
    expect(ex).toMatchObject({ memberId: aliceMember, revokedFrom: null });
    const revoke = (client: TestClient, body: Record<string, string>) =>
      client.post(`/contribution/exemptions/${ex.id}/revoke`, body);
    expect((await revoke(member, { revokedFrom: '2026-03-24', reason: 'Fin du RSA' })).status).toBe(403);
    const noReason = await revoke(manager, { revokedFrom: '2026-03-24', reason: ' ' });
    expect([noReason.status, noReason.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    const outside = await revoke(manager, { revokedFrom: '2027-01-01', reason: 'Fin du RSA' });
    expect([outside.status, outside.body.code]).toEqual([422, 'CONTRIBUTION_REVOCATION_OUTSIDE']);
    const before = await entryCount();
    const ok = await revoke(manager, { revokedFrom: '2026-03-24', reason: 'Fin du RSA' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      revokedFrom: '2026-03-24',
      revokeReason: 'Fin du RSA',
      toOn: '2026-12-31',
    });
    // Nothing posted by the revocation itself: March's charges stand until the next run.
    expect(await entryCount()).toBe(before);
    const again = await revoke(manager, { revokedFrom: '2026-03-20', reason: 'Fin du RSA' });
    expect([again.status, again.body.code]).toEqual([409, 'CONTRIBUTION_EXEMPTION_REVOKED']);
    const [audit] = await queryRows<{ changes: any }>(
      ctx.db,
      sql`SELECT changes FROM audit_log WHERE action = 'contribution.exemption.revoke' AND object_id = ${ex.id}`,
    );
    expect(audit!.changes).toMatchObject({ revokedFrom: '2026-03-24', reason: 'Fin du RSA' });
    // In a closed year, no run could correct it: refused.
    const old = await manager.post('/contribution/exemptions', {
      memberId: aliceMember,
      fromOn: '2025-03-01',
      toOn: '2025-03-31',
      reason: 'Bénéficiaire du RSA',
    });
    const closed = await manager.post(`/contribution/exemptions/${old.body.id}/revoke`, {
      revokedFrom: '2025-03-10',
      reason: 'Erreur de saisie',
    });
    expect([closed.status, closed.body.code]).toEqual([409, 'CONTRIBUTION_REVOCATION_CLOSED_YEAR']);
    // Exempt 16 to 23 March now (8 days instead of 16): year to date 519.35 € instead of 498.71 €.
    const rerun = await accountant.post('/contribution/runs', { month: '2026-03' });
    expect(rerun.body).toMatchObject({ postedCount: 1, correctionCount: 1, totalCents: 2_064 });
    const [charge] = await queryRows<{ explanation: any }>(
      ctx.db,
      sql`SELECT explanation FROM contribution_charges WHERE activity_id = ${act.alice} AND month = '2026-03'
          ORDER BY seq DESC LIMIT 1`,
    );
    expect(charge!.explanation.items.find((i: { kind: string }) => i.kind === 'exemption')).toMatchObject({
      exemptDays: 8,
    });
    expect((await accountant.post('/contribution/runs', { month: '2026-03' })).body.postedCount).toBe(0);
  });

  it('starts a new version at a later date and refuses overlaps and months already charged', async () => {
    const charged = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-03-01',
      policy: policy(fund),
    });
    expect([charged.status, charged.body.code]).toEqual([409, 'CONTRIBUTION_VERSION_AFTER_RUNS']);
    const june = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-06-01',
      policy: policy(fund),
    });
    expect(june.status).toBe(201);
    const versions = (await manager.get('/contribution/policy-versions')).body;
    expect(
      versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo]),
    ).toEqual([
      ['2026-01-01', '2026-05-31'],
      ['2026-06-01', null],
    ]);
    const overlap = await manager.post('/contribution/policy-versions', {
      validFrom: '2026-05-01',
      policy: policy(fund),
    });
    expect([overlap.status, overlap.body.code]).toEqual([409, 'CONTRIBUTION_VERSION_OVERLAP']);
    const edit = await manager.put(`/contribution/policy-versions/${june.body.id}`, {
      validTo: null,
      note: 'Taux réduit',
      policy: {
        ...policy(fund),
        schedule: { brackets: [{ fromCents: 0, rateBp: 900 }], monthlyFeeCents: 3_000 },
      },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.policy.schedule.brackets[0].rateBp).toBe(900);
  });

  it('withdraws a version not yet in force, the one before taking its span back', async () => {
    const versions = (await manager.get('/contribution/policy-versions')).body;
    const [january, june] = versions;
    expect((await member.delete(`/contribution/policy-versions/${june.id}`)).status).toBe(403);
    const inForce = await manager.delete(`/contribution/policy-versions/${january.id}`);
    expect([inForce.status, inForce.body.code]).toEqual([409, 'CONTRIBUTION_VERSION_IN_FORCE']);
    expect((await manager.delete(`/contribution/policy-versions/${june.id}`)).status).toBe(204);
    const after = (await manager.get('/contribution/policy-versions')).body;
    expect(after.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual(
      [['2026-01-01', null]],
    );
    expect((await manager.delete(`/contribution/policy-versions/${june.id}`)).status).toBe(404);
    const [audit] = await queryRows<{ changes: any }>(
      ctx.db,
      sql`SELECT changes FROM audit_log WHERE action = 'contribution.policy.withdraw' AND object_id = ${june.id}`,
    );
    expect(audit!.changes).toMatchObject({ validFrom: '2026-06-01', previousVersionId: january.id });
  });
});

describe('dashboards', () => {
  it("show a member their activity's figures, each equal to the sum of its lines, and nobody else's", async () => {
    const d = await member.get(`/contribution/activities/${act.alice}/dashboard`);
    expect(d.status).toBe(200);
    const treasury = await getAvailableTreasury(ctx.db, act.alice);
    expect(d.body.figures.availableTreasuryCents).toBe(Number(treasury.availableTreasuryCents));
    // For every activity, each figure equals the sum of the lines listed behind it.
    for (const [client, id] of [
      [member, act.alice],
      [accountant, act.bob],
      [accountant, act.alice],
    ] as const) {
      const dash = (await client.get(`/contribution/activities/${id}/dashboard`)).body;
      for (const [figure, key] of [
        ['treasury', 'availableTreasuryCents'],
        ['to_collect', 'toCollectCents'],
        ['result', 'resultCents'],
        ['revenue', 'revenueCents'],
        ['costs', 'costsCents'],
        ['contributions', 'contributionsCents'],
      ] as const) {
        const lines = await client.get(`/contribution/activities/${id}/lines?figure=${figure}`);
        expect(lines.status).toBe(200);
        expect([figure, lines.body.totalCents]).toEqual([figure, dash.figures[key]]);
        const sign = ['revenue', 'result'].includes(figure) ? -1 : 1;
        expect(
          lines.body.lines.reduce((s: number, l: any) => s + sign * (l.debitCents - l.creditCents), 0),
        ).toBe(lines.body.totalCents);
      }
      const treasury = await getAvailableTreasury(ctx.db, id);
      expect(dash.figures.availableTreasuryCents).toBe(Number(treasury.availableTreasuryCents));
    }
    expect(d.body.figures.contributionsCents).toBe(13_000 + 23_000 + 8_000 + 10_000 - 4_129 + 2_064);
    // The chart's treasury at each month's end is the sum of the lines up to it.
    const march = d.body.months.find((m: any) => m.month === '2026-03');
    const marchLines = await member.get(
      `/contribution/activities/${act.alice}/lines?figure=treasury&to=2026-03-31`,
    );
    expect(marchLines.body.totalCents).toBe(march.treasuryCents);
    expect(d.body.charges[0].explanation.items.length).toBeGreaterThan(0);
    // Page after page, the lines are each listed once and add up to the figure.
    const all = (await member.get(`/contribution/activities/${act.alice}/lines?figure=treasury&pageSize=500`))
      .body;
    expect(all.lines).toHaveLength(all.lineCount);
    const paged: any[] = [];
    for (let page = 1; page <= Math.ceil(all.lineCount / 3); page++) {
      const p = await member.get(
        `/contribution/activities/${act.alice}/lines?figure=treasury&pageSize=3&page=${page}`,
      );
      expect(p.body).toMatchObject({
        page,
        pageSize: 3,
        lineCount: all.lineCount,
        totalCents: all.totalCents,
      });
      paged.push(...p.body.lines);
    }
    expect(all.lineCount).toBeGreaterThan(3);
    expect(paged.map((l) => `${l.entryId}:${l.lineNo}`)).toEqual(
      all.lines.map((l: any) => `${l.entryId}:${l.lineNo}`),
    );
    expect(paged.reduce((s, l) => s + l.debitCents - l.creditCents, 0)).toBe(all.totalCents);
    expect(
      (await member.get(`/contribution/activities/${act.alice}/lines?figure=treasury&pageSize=501`)).status,
    ).toBe(422);
    expect((await member.get(`/contribution/activities/${act.bob}/dashboard`)).status).toBe(404);
    expect((await member.get(`/contribution/activities/${act.bob}/lines?figure=treasury`)).status).toBe(404);
    expect((await member.get(`/contribution/activities/${act.alice}/lines?figure=nope`)).status).toBe(422);
    expect((await member.get('/contribution/my/activities')).body.map((a: any) => a.id)).toEqual([act.alice]);
    expect((await member.get('/contribution/portfolio')).status).toBe(403);
    expect((await member.get('/contribution/cooperative')).status).toBe(403);
  });

  it('give support their portfolio with alerts, and managers the cooperative', async () => {
    // Bob's treasury fell by 250 € in three months (VAT owed, the contribution): below the default
    // thresholds (1 000 € and 20 %), so negative but not "falling" until the cooperative lowers them.
    const byDefault = await support.get('/contribution/portfolio');
    expect(byDefault.status).toBe(200);
    const bobBefore = byDefault.body.find((r: any) => r.activityId === act.bob);
    expect(bobBefore.alerts).toContain('treasury_negative');
    expect(bobBefore.alerts).not.toContain('treasury_falling');
    expect((await support.get('/contribution/settings')).body).toMatchObject({
      fallingMonths: 3,
      fallingPercentBp: 2_000,
      fallingMinCents: 100_000,
    });
    const thresholds = { fallingMonths: 3, fallingPercentBp: 1_000, fallingMinCents: 20_000 };
    expect((await support.put('/contribution/settings', thresholds)).status).toBe(403);
    const tooHigh = await manager.put('/contribution/settings', { ...thresholds, fallingPercentBp: 12_000 });
    expect(tooHigh.status).toBe(422);
    expect((await manager.put('/contribution/settings', thresholds)).status).toBe(200);
    const p = await support.get('/contribution/portfolio');
    const bob = p.body.find((r: any) => r.activityId === act.bob);
    expect(bob.alerts).toEqual(expect.arrayContaining(['treasury_negative', 'treasury_falling']));
    const higher = await manager.put('/contribution/settings', { ...thresholds, fallingMinCents: 25_000 });
    expect(higher.body.fallingMinCents).toBe(25_000);
    // Exactly 250 €: not beyond the amount.
    const atThreshold = await support.get('/contribution/portfolio');
    expect(atThreshold.body.find((r: any) => r.activityId === act.bob).alerts).not.toContain(
      'treasury_falling',
    );
    const alice = p.body.find((r: any) => r.activityId === act.alice);
    expect(alice.treasuryCents).toBe(
      Number((await getAvailableTreasury(ctx.db, act.alice)).availableTreasuryCents),
    );
    // Bob's last invoice is of 15 January, Alice's of 10 March (today is 5 April).
    const quiet = await support.get('/contribution/portfolio?quietMonths=2');
    expect(quiet.body.find((r: any) => r.activityId === act.bob).alerts).toContain('no_revenue');
    expect(quiet.body.find((r: any) => r.activityId === act.alice).alerts).not.toContain('no_revenue');
    expect((await support.get('/contribution/portfolio?quietMonths=0')).status).toBe(422);
    const coop = await manager.get('/contribution/cooperative');
    expect(coop.status).toBe(200);
    const charged = -(await sumLines('628100', [act.alice, act.bob]));
    expect(coop.body.months.reduce((s: number, m: any) => s + m.contributionsCents, 0)).toBe(charged);
    expect(coop.body.structure.contributionIncomeCents).toBe(await sumLines('708100', [act.structure]));
    expect(coop.body.funds[0].treasuryCents).toBe(await sumLines('708100', [fund]));
    expect(coop.body.stages).toEqual(
      expect.arrayContaining([
        { stage: 'cape', count: 1 },
        { stage: 'cesa', count: 1 },
      ]),
    );
  });
});
