import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';
import { seedLargeCooperative } from './seed-large-cooperative.ts';

let ctx: TestContext;
let result: Awaited<ReturnType<typeof seedLargeCooperative>>;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedTestPeople(ctx);
  result = await seedLargeCooperative(ctx, { members: 3000, batchSize: 1000, today: '2026-03-02' });
}, 180_000);
afterAll(() => ctx.close());

const fingerprint = (c: TestContext) =>
  queryRows<{ h: string; n: number }>(
    c.db,
    sql`SELECT md5(string_agg(m.id || m.email || coalesce(m.iban, '') ||
          (SELECT coalesce(string_agg(j.id || j.kind || j.on_date, ',' ORDER BY j.id), '') FROM journey_entries j WHERE j.member_id = m.id),
          ',' ORDER BY m.id)) AS h, count(*)::int AS n FROM members m`,
  );

describe('seedLargeCooperative', () => {
  it('generates members at every stage, with referents and activities whose shares add up to 100 %', async () => {
    console.info(`generated 3000 members in ${Math.round(result.ms)} ms on ${ctx.database.kind}`);
    expect(result.referents).toBe(20);
    const [counts] = await queryRows<{ members: number; activities: number; bad: number; groups: number }>(
      ctx.db,
      sql`SELECT (SELECT count(*)::int FROM members) AS members,
            (SELECT count(*)::int FROM activities) AS activities,
            (SELECT count(*)::int FROM (SELECT activity_id FROM activity_members GROUP BY activity_id
               HAVING sum(share_bp) <> 10000) x) AS bad,
            (SELECT count(*)::int FROM (SELECT activity_id FROM activity_members GROUP BY activity_id
               HAVING count(*) > 1) y) AS groups`,
    );
    expect(counts).toEqual({
      members: 3000,
      activities: result.activities,
      bad: 0,
      groups: expect.any(Number),
    });
    expect(counts!.groups).toBeGreaterThan(50);
    const stages = await queryRows<{ stage: string; n: number }>(
      ctx.db,
      sql`SELECT stage, count(*)::int AS n FROM member_stage_periods WHERE from_on <= '2026-03-02' AND to_on >= '2026-03-02' GROUP BY 1`,
    );
    expect(stages.map((s) => s.stage).sort()).toEqual(
      [
        'associate',
        'between_contracts',
        'cape',
        'cesa',
        'exited',
        'information',
        'intake',
        'prospect',
        'support',
      ].filter((s) => stages.some((x) => x.stage === s)),
    );
    expect(stages.length).toBeGreaterThanOrEqual(8);
    expect(stages.reduce((n, s) => n + Number(s.n), 0)).toBe(3000);
  });

  it('serves the portfolio and the directory over the generated cooperative', async () => {
    ctx.setNow('2026-03-02T09:00:00Z');
    const support = createTestClient(ctx);
    await support.logIn('support@test.coop', testPassword);
    const page = await support.get('/members?stage=cesa&deadline=within90&pageSize=20');
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThan(0);
    const directory = await support.get('/directory?trade=graphiste&pageSize=5');
    expect(directory.body.total).toBeGreaterThan(0);
    expect(directory.body.items.every((p: any) => p.trades.includes('Graphiste'))).toBe(true);
  });

  it('is deterministic: the same seed and day give the same cooperative, ids included', async () => {
    const a = await createTestContext();
    const b = await createTestContext();
    try {
      await seedLargeCooperative(a, { members: 300, today: '2026-03-02', seed: 7 });
      await seedLargeCooperative(b, { members: 300, today: '2026-03-02', seed: 7 });
      const [fa] = await fingerprint(a);
      expect(fa!.n).toBe(300);
      expect(await fingerprint(b)).toEqual([fa]);
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});
