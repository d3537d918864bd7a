import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { createTestClient } from '../testing/test-client.ts';

const password = 'demo-password-123';
let ctx: TestContext;
let seconds = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  const started = performance.now();
  await seedDemo(ctx, password);
  seconds = (performance.now() - started) / 1000;
}, 600_000); // the whole demo: books, payroll and real invoices included
afterAll(() => ctx.close());

/** What the demo holds, without the generated ids: the same every time it is seeded on the same day. */
async function snapshot(c: TestContext) {
  return queryRows(
    c.db,
    sql`SELECT m.first_name, m.last_name, m.email, m.city, m.iban, u.email AS referent,
          (SELECT string_agg(kind || ':' || on_date || ':' || coalesce(end_date::text, '') || ':' || coalesce(number, 0), ',' ORDER BY on_date, kind, number)
             FROM journey_entries j WHERE j.member_id = m.id) AS journey,
          (SELECT string_agg(a.code || ':' || am.share_bp || ':' || am.valid_from, ',' ORDER BY a.code, am.valid_from)
             FROM activity_members am JOIN activities a ON a.id = am.activity_id WHERE am.member_id = m.id) AS shares,
          r.social_security_number
        FROM members m LEFT JOIN users u ON u.id = m.referent_id LEFT JOIN member_restricted r ON r.member_id = m.id
        ORDER BY m.last_name, m.first_name`,
  );
}

describe('demo members', () => {
  it('seeds about 40 members at every stage, with portfolios and alerts in every bucket', async () => {
    console.info(`demo seed: ${seconds.toFixed(1)} s on ${ctx.database.kind}`);
    const support = createTestClient(ctx);
    await support.logIn('accompagnement@demo.mutua.coop', password);
    expect((await support.get('/members?pageSize=1')).body.total).toBe(40);
    for (const stage of [
      'information',
      'intake',
      'support',
      'cape',
      'cesa',
      'associate',
      'between_contracts',
      'exited',
    ]) {
      const res = await support.get(`/members?stage=${stage}&pageSize=1`);
      expect({ stage, some: res.body.total > 0 }).toEqual({ stage, some: true });
    }
    const referents = (await support.get('/members/referents')).body;
    expect(referents.map((r: any) => r.name)).toEqual([
      'Inès Moreau',
      'Karim Benali',
      'Sacha Accompagnatrice',
    ]);
    expect(referents.every((r: any) => r.members >= 10)).toBe(true);
    const alerts = await support.get('/members/alerts');
    for (const bucket of ['overdue', 'within30', 'within60', 'within90'] as const)
      expect({ bucket, n: alerts.body.counts[bucket] > 0 }).toEqual({ bucket, n: true });
    const mine = await support.get('/members/alerts?referent=me');
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(alerts.body.total);
  });

  it('has activities alone, two cooperative groups and the structure', async () => {
    const admin = createTestClient(ctx);
    await admin.logIn('admin@demo.mutua.coop', password);
    const list = (await admin.get('/activities?pageSize=200')).body;
    const codes = list.items.map((a: any) => a.code);
    expect(codes).toEqual(expect.arrayContaining(['STRUCT', 'PIXEL', 'BOIS-PAILLE', 'MARTIN-C']));
    const pixel = list.items.find((a: any) => a.code === 'PIXEL');
    const detail = (await admin.get(`/activities/${pixel.id}`)).body;
    expect(detail.isGroup).toBe(true);
    expect(detail.members.map((m: any) => [m.displayName, m.shareBp])).toEqual([
      ['Lucie Garnier', 3000],
      ['Nadia Haddad', 4000],
      ['Théo Petit', 3000],
    ]);
    expect(detail.history.length).toBe(5);
    const structure = list.items.find((a: any) => a.code === 'STRUCT');
    expect(structure.kind).toBe('structure');
    expect(list.items.filter((a: any) => a.status === 'closed').length).toBeGreaterThan(0);
  });

  it('gives Camille her member file, her journey and her activity', async () => {
    const camille = createTestClient(ctx);
    await camille.logIn('camille@demo.mutua.coop', password);
    const file = (await camille.get('/me/member')).body;
    expect(file).toMatchObject({
      firstName: 'Camille',
      lastName: 'Martin',
      stage: 'cesa',
      trades: ['Graphiste'],
    });
    const journey = (await camille.get('/me/member/journey')).body;
    const associate = journey.nextSteps.find((s: any) => s.code === 'associate');
    expect(associate.dueOn > journey.today).toBe(true);
    const activities = (await camille.get('/me/activities')).body;
    expect(activities.items.map((a: any) => [a.code, a.name])).toEqual([
      ['MARTIN-C', 'Studio Camille Martin'],
    ]);
    expect((await camille.get('/directory?trade=graphiste')).body.total).toBeGreaterThan(0);
  });

  it('is deterministic: seeded again on the same day, it holds the same data', async () => {
    const again = await createTestContext();
    try {
      await seedDemo(again, password);
      expect(await snapshot(again)).toEqual(await snapshot(ctx));
    } finally {
      await again.close();
    }
  }, 600_000);
});
