import { sql } from 'drizzle-orm';
import type { AppContext } from '../../src/server/app-context.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { getAvailableTreasury } from '../../src/server/ledger/get-available-treasury.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { summarizeLatencies } from '../harness/summarize-latencies.ts';
import { fillLedgerLines, openLedgerBenchBooks } from './ledger-bench-books.ts';

/** The same figure summed from the lines themselves: what a book without stored balances would do. */
async function treasuryFromLines(ctx: AppContext, activityId: string): Promise<bigint> {
  const [row] = await queryRows<{ t: string }>(
    ctx.db,
    sql`SELECT coalesce(sum(l.debit_cents - l.credit_cents), 0)::text AS t
        FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
        JOIN fiscal_years f ON f.id = e.fiscal_year_id
        WHERE l.activity_id = ${activityId} AND f.status = 'open'
          AND left(l.account_number, 1) IN ('4', '5') AND left(l.account_number, 3) NOT IN ('411', '416', '418')`,
  );
  return BigInt(row!.t);
}

async function timeReads(count: number, read: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await read(i);
    latencies.push(performance.now() - t);
  }
  return summarizeLatencies(latencies, performance.now() - start);
}

/**
 * Reading an activity's available treasury (issue 4: the figure that decides a member's salary) at two
 * sizes of the books: it reads stored balances, so its p99 must not grow with the number of lines. Books
 * filled straight in SQL (the database's rules run; hash chains are not computed — reads only). The same
 * figure summed from the lines is measured beside it, and both are checked equal on the activities read.
 */
export const ledgerTreasuryRead: Scenario = {
  name: 'ledger-treasury-read',
  issue: 4,
  description:
    "value = p99 of reading an activity's available treasury (stored balances) in the larger books; baseline = the same p99 in the smaller books (ratio ≈ 1: it does not grow with the lines). Also the same figure summed from the lines, at both sizes.",
  async run(env) {
    const sizes = env.quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
    const activityCount = env.quick ? 200 : 1_000;
    const reads = env.quick ? 500 : 2_000;
    const lineReads = env.quick ? 50 : 100;
    const { ctx, activityIds, yearId } = await openLedgerBenchBooks(await env.freshStorage(), activityCount);
    try {
      const stored: number[] = [];
      const fromLines: number[] = [];
      let lines = 0;
      for (const size of sizes) {
        env.progress(`filling the books up to ${size.toLocaleString('en')} lines`);
        await fillLedgerLines(ctx, { yearId, activityIds, entries: (size - lines) / 4 }, (entries) =>
          env.progress(`  ${(entries * 4).toLocaleString('en')} lines`),
        );
        lines = size;
        const pick = (i: number) => activityIds[(i * 7_919) % activityIds.length]!;
        for (let i = 0; i < 20; i++) {
          const a = pick(i);
          const read = await getAvailableTreasury(ctx.db, a);
          const summed = await treasuryFromLines(ctx, a);
          if (read.availableTreasuryCents !== summed)
            throw new Error(
              `stored treasury ${read.availableTreasuryCents} differs from the lines' ${summed}`,
            );
        }
        stored.push((await timeReads(reads, (i) => getAvailableTreasury(ctx.db, pick(i)))).p99);
        fromLines.push((await timeReads(lineReads, (i) => treasuryFromLines(ctx, pick(i)))).p99);
      }
      const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);
      const rows: BenchRow[] = [
        {
          metric: `available treasury p99, ${label(sizes[1]!)} lines (vs ${label(sizes[0]!)})`,
          unit: 'ms',
          value: stored[1]!,
          baseline: stored[0]!,
        },
        {
          metric: `summed from the lines instead, p99, ${label(sizes[1]!)} lines (vs ${label(sizes[0]!)})`,
          unit: 'ms',
          value: fromLines[1]!,
          baseline: fromLines[0]!,
        },
      ];
      return rows;
    } finally {
      await ctx.database.close();
    }
  },
};
