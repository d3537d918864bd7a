import { sql } from 'drizzle-orm';
import { buildContributionEntry } from '../../src/core/contribution/build-contribution-entry.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import { createPolicyVersion } from '../../src/server/contribution/create-policy-version.ts';
import { getActivityDashboard } from '../../src/server/contribution/get-activity-dashboard.ts';
import { runContribution } from '../../src/server/contribution/run-contribution.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { postEntries } from '../../src/server/ledger/post-entries.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { summarizeLatencies } from '../harness/summarize-latencies.ts';
import { benchYearStart, fillLedgerLines, openLedgerBenchBooks } from './ledger-bench-books.ts';

/**
 * The monthly contribution run (issue 6) for a generated cooperative: every member activity's year-to-date
 * base read from the ledger lines, computed, posted as internal transfers through postEntries, explained and
 * stored — timed against one aggregate query over the same lines in the same run (the floor any run must
 * pay to read its base), and against posting as many transfers of the same shape through postEntries alone
 * (the floor of its writing). Then the same run again (idempotent: posts nothing), and a member dashboard's p99
 * against the stored-balance treasury read, at the books' full size.
 */
export const contributionRun: Scenario = {
  name: 'contribution-run',
  issue: 6,
  description:
    'value = monthly contribution run for every activity (read base from lines, compute, post, store explanations); baseline = one aggregate query over the same lines, then posting as many transfers through postEntries alone. Also: the run again (posts nothing), member dashboard p99 vs the treasury read.',
  async run(env) {
    const activityCount = env.quick ? 10_000 : 100_000;
    const salesPerActivity = 4;
    const dashboardLines = env.quick ? 1_000_000 : 10_000_000;
    const reads = env.quick ? 200 : 500;
    const { ctx, activityIds, yearId } = await openLedgerBenchBooks(await env.freshStorage(), activityCount);
    try {
      env.progress(`${activityCount.toLocaleString('en')} activities, ${salesPerActivity} sales each`);
      await fillLedgerLines(ctx, { yearId, activityIds, entries: activityCount * salesPerActivity }, (n) =>
        env.progress(`  ${(n * 4).toLocaleString('en')} lines`),
      );
      await createPolicyVersion(ctx, systemActor, {
        validFrom: benchYearStart,
        policy: {
          base: 'invoiced',
          schedule: {
            brackets: [
              { fromCents: 0, rateBp: 1_200 },
              { fromCents: 300_000, rateBp: 900 },
            ],
            monthlyFeeCents: 3_000,
          },
        },
      });
      const month = '2026-05';
      const end = '2026-05-31';

      // The floor: one aggregate over the same lines (revenue by activity and month, year to date).
      let t = performance.now();
      const aggregate = await queryRows<{ n: string }>(
        ctx.db,
        sql`SELECT count(*)::text AS n FROM (
              SELECT l.activity_id, to_char(e.entry_date, 'YYYY-MM'), sum(l.credit_cents - l.debit_cents)
              FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
              WHERE e.entry_date BETWEEN ${benchYearStart} AND ${end} AND l.account_number LIKE '70%'
              GROUP BY 1, 2) g`,
      );
      const aggregateMs = performance.now() - t;
      env.progress(`aggregate: ${aggregate[0]?.n} groups in ${aggregateMs.toFixed(0)} ms`);

      t = performance.now();
      const first = await runContribution(ctx, systemActor, { month });
      const runMs = performance.now() - t;
      env.progress(`run: ${first.postedCount} entries posted in ${runMs.toFixed(0)} ms`);
      if (first.postedCount !== activityCount)
        throw new Error(`posted ${first.postedCount} of ${activityCount}`);
      // What the run charged is on the books: the structure received exactly the activities' contributions.
      const [check] = await queryRows<{ charged: string; received: string }>(
        ctx.db,
        sql`SELECT sum(debit_cents - credit_cents) FILTER (WHERE account_number = '628100')::text AS charged,
                   sum(credit_cents - debit_cents) FILTER (WHERE account_number = '708100')::text AS received
            FROM ledger_entry_lines WHERE account_number IN ('628100', '708100')`,
      );
      if (check?.charged !== check?.received || BigInt(check?.charged ?? 0) !== BigInt(first.totalCents))
        throw new Error(`charged ${check?.charged} ≠ received ${check?.received} ≠ run ${first.totalCents}`);

      t = performance.now();
      const again = await runContribution(ctx, systemActor, { month });
      const againMs = performance.now() - t;
      if (again.postedCount !== 0) throw new Error(`the second run posted ${again.postedCount} entries`);

      // The floor of the writing: the same number of transfers, of the same shape, through postEntries alone
      // (what any run must pay to post one entry per activity; the run adds reading, computing, explaining).
      const [structure] = await queryRows<{ id: string }>(
        ctx.db,
        sql`SELECT id FROM activities WHERE kind = 'structure'`,
      );
      const codes = await queryRows<{ id: string; code: string }>(
        ctx.db,
        sql`SELECT id, code FROM activities WHERE kind = 'member' ORDER BY code`,
      );
      const transfers = codes.map((a, i) =>
        buildContributionEntry({
          activity: a,
          month: '2026-06',
          entryDate: '2026-06-30',
          amountCents: BigInt(1_000 + (i % 977)),
          split: [],
          structureId: structure!.id,
          idempotencyKey: `bench:transfer:${a.id}`,
        }),
      );
      t = performance.now();
      await ctx.db.transaction((tx) => postEntries({ db: tx, now: ctx.now }, systemActor, transfers));
      const postMs = performance.now() - t;
      env.progress(`postEntries alone: ${transfers.length} transfers in ${postMs.toFixed(0)} ms`);

      const [lines] = await queryRows<{ n: string }>(
        ctx.db,
        sql`SELECT count(*)::text AS n FROM ledger_entry_lines`,
      );
      const have = Number(lines?.n ?? 0);
      if (have < dashboardLines) {
        env.progress(
          `filling the books up to ${dashboardLines.toLocaleString('en')} lines for the dashboard`,
        );
        await fillLedgerLines(
          ctx,
          { yearId, activityIds, entries: Math.ceil((dashboardLines - have) / 4), journal: 'BENCH2' },
          (n) => env.progress(`  ${(have + n * 4).toLocaleString('en')} lines`),
        );
      }
      const activities = await queryRows<{ id: string; code: string; name: string; kind: string }>(
        ctx.db,
        sql`SELECT id, code, name, kind FROM activities WHERE kind = 'member' ORDER BY code LIMIT 2000`,
      );
      const pick = (i: number) => activities[(i * 7_919) % activities.length]!;
      const time = async (read: (i: number) => Promise<unknown>) => {
        const latencies: number[] = [];
        const start = performance.now();
        for (let i = 0; i < reads; i++) {
          const s = performance.now();
          await read(i);
          latencies.push(performance.now() - s);
        }
        return summarizeLatencies(latencies, performance.now() - start);
      };
      const today = '2026-06-30';
      const dashboard = await time((i) => getActivityDashboard(ctx.db, pick(i), today));
      const treasury = await time((i) =>
        queryRows(
          ctx.db,
          sql`SELECT sum(debit_cents - credit_cents) FROM ledger_balances WHERE activity_id = ${pick(i).id}`,
        ),
      );
      const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);
      const rows: BenchRow[] = [
        {
          metric: `monthly run, ${label(activityCount)} activities (vs one aggregate over the same lines)`,
          unit: 'ms',
          value: runMs,
          baseline: aggregateMs,
        },
        {
          metric: `the same monthly run (vs posting as many transfers through postEntries alone)`,
          unit: 'ms',
          value: runMs,
          baseline: postMs,
        },
        {
          metric: `the same run again, nothing to post (vs the aggregate)`,
          unit: 'ms',
          value: againMs,
          baseline: aggregateMs,
        },
        {
          metric: `member dashboard p99, ${label(Math.max(have, dashboardLines))} lines (vs stored treasury read p99)`,
          unit: 'ms',
          value: dashboard.p99,
          baseline: treasury.p99,
        },
      ];
      return rows;
    } finally {
      await ctx.database.close();
    }
  },
};
