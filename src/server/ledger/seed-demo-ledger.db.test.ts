import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFecFile } from '../../core/ledger/check-fec-file.ts';
import { queryRows } from '../db/query-rows.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { getActivityFigures } from './get-activity-figures.ts';
import { getTrialBalance } from './get-trial-balance.ts';
import { seedDemoLedger } from './seed-demo-ledger.ts';
import { prepareFec } from './stream-fec.ts';
import { verifyLedger } from './verify-ledger.ts';

let ctx: TestContext;
let seconds: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-11-20T10:00:00Z');
  const t = performance.now();
  await seedDemo(ctx, 'demo-password-123');
  seconds = (performance.now() - t) / 1000;
}, 600_000);
afterAll(() => ctx.close());

describe('the demo books', () => {
  it('hold a closed 2025 and an open 2026 with plausible entries in every journal', async () => {
    const years = await queryRows<{ start_date: string; status: string }>(
      ctx.db,
      sql`SELECT start_date::text, status FROM fiscal_years ORDER BY start_date`,
    );
    expect(years).toEqual([
      { start_date: '2025-01-01', status: 'closed' },
      { start_date: '2026-01-01', status: 'open' },
    ]);
    const journals = await queryRows<{ journal_code: string; n: number }>(
      ctx.db,
      sql`SELECT journal_code, count(*)::int AS n FROM ledger_entries GROUP BY 1 ORDER BY 1`,
    );
    expect(journals.map((j) => j.journal_code)).toEqual(['AC', 'AN', 'BQ', 'CTB', 'NDF', 'OD', 'SAL', 'VT']);
    expect(journals.find((j) => j.journal_code === 'VT')!.n).toBeGreaterThan(300);
    const activities = await getActivityFigures(ctx.db, {}, '2026-11-20');
    expect(activities.cooperativeMatchesActivities).toBe(true);
    const withRevenue = activities.activities.filter((a) => a.figures.revenueCents > 0);
    expect(withRevenue.length).toBeGreaterThan(10);
    const tb = await getTrialBalance(ctx.db, {}, '2026-11-20');
    expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
    console.info(`demo seed: ${seconds.toFixed(1)} s`);
  });

  it('pass every ledger check of mutua verify, and give a conforming FEC for 2025 and 2026', async () => {
    expect((await verifyLedger(ctx)).filter((c) => !c.ok)).toEqual([]);
    for (const start of ['2025-01-01', '2026-01-01']) {
      const [y] = await queryRows<{ id: number }>(
        ctx.db,
        sql`SELECT id FROM fiscal_years WHERE start_date = ${start}`,
      );
      const fec = await prepareFec(ctx.db, Number(y!.id));
      let text = '';
      for await (const chunk of fec.chunks()) text += chunk;
      const check = checkFecFile(text);
      expect(check.problems).toEqual([]);
      expect(check.lineCount).toBe(fec.lineCount);
    }
  });

  it('charge the contribution of every month through the real monthly runs, 2025 included', async () => {
    const runs = await queryRows<{ month: string }>(
      ctx.db,
      sql`SELECT DISTINCT month FROM contribution_runs ORDER BY month`,
    );
    expect(runs.map((r) => r.month)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
      ...Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    ]);
    // Every CTB entry of a contribution is a run's: none is left over from synthetic demo transfers.
    const [orphans] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ledger_entries e WHERE e.source_type = 'contribution_run'
            AND NOT EXISTS (SELECT 1 FROM contribution_charges c WHERE c.entry_id = e.id)`,
    );
    expect(orphans!.n).toBe(0);
  });

  it('changes nothing when seeded again', async () => {
    const before = await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM ledger_entries`);
    expect((await seedDemoLedger(ctx)).entries).toBe(0);
    expect(await queryRows(ctx.db, sql`SELECT count(*)::int AS n FROM ledger_entries`)).toEqual(before);
  });
});
