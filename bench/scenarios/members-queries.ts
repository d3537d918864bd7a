import { eq, sql } from 'drizzle-orm';
import { computeJourneyDeadlines } from '../../src/core/members/compute-journey-deadlines.ts';
import { computeStageSchedule } from '../../src/core/members/derive-journey-stage.ts';
import type { JourneyEntry } from '../../src/core/members/journey-schemas.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { toJourneyEntry } from '../../src/server/members/journey-rows.ts';
import { listMemberAlerts } from '../../src/server/members/list-member-alerts.ts';
import { listMembers } from '../../src/server/members/list-members.ts';
import { journeyEntries, members } from '../../src/server/members/members-tables.ts';
import { searchDirectory } from '../../src/server/members/search-directory.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { summarizeLatencies } from '../harness/summarize-latencies.ts';
import {
  openMembersBenchCooperative,
  timeEach,
  membersBenchToday as today,
} from './members-bench-cooperative.ts';

const trades = [
  'graphiste',
  'consultant',
  'developpeur',
  'magicien',
  'photographe',
  'menuisier',
  'e-commercant',
];
const towns = ['Paris', 'Lyon', 'Montreuil', 'Nantes', 'Lille', 'Bordeaux', 'Créteil'];
const stages = ['cape', 'cesa', 'associate'] as const;
const buckets = ['overdue', 'within30', 'within90'] as const;

/**
 * Issue 3 on a generated cooperative (100 000 members; 10 000 with --quick): the member list filtered on
 * the server (a support person's portfolio; stage + deadline; trade), the directory search (trade + town;
 * free text) and the portfolio alerts, each as p50/p99 against a primary-key lookup of a member file in
 * the same run; then the legal deadlines and stages of the whole cooperative recomputed by src/core from
 * every journey, against merely reading those journeys.
 */
export const membersQueries: Scenario = {
  name: 'members-queries',
  issue: 3,
  description:
    'value = p50/p99 of the filtered member list, directory search and alerts on 100k generated members (10k quick); baseline = p50/p99 of a member-file primary-key lookup. Deadlines: all journeys read + deadlines and stages computed by core vs the read alone.',
  async run(env) {
    const count = env.quick ? 10_000 : 100_000;
    const reads = env.quick ? 100 : 300;
    env.progress(`generating ${count.toLocaleString('en')} members`);
    const { ctx, generated } = await openMembersBenchCooperative(
      await env.freshStorage(),
      count,
      env.progress,
    );
    try {
      const ids = (await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM members ORDER BY id`)).map(
        (r) => r.id,
      );
      const referents = (
        await queryRows<{ id: string }>(
          ctx.db,
          sql`SELECT DISTINCT referent_id AS id FROM members WHERE referent_id IS NOT NULL`,
        )
      ).map((r) => r.id);
      const pick = <T>(list: readonly T[], i: number) => list[(i * 7_919) % list.length]!;
      const page = { page: 1, pageSize: 50 };

      // Warm up each path once, then measure.
      const measure = async (name: string, read: (i: number) => Promise<unknown>) => {
        await read(0);
        env.progress(`  ${name}`);
        return summarizeLatencies(await timeEach(reads, read), 1);
      };
      const pk = await measure('primary-key lookup', (i) =>
        ctx.db
          .select()
          .from(members)
          .where(eq(members.id, pick(ids, i))),
      );
      const portfolio = await measure('portfolio of a referent', (i) =>
        listMembers(ctx.db, { referent: pick(referents, i), ...page }, today, null),
      );
      const stageDeadline = await measure('stage + deadline filter', (i) =>
        listMembers(ctx.db, { stage: pick(stages, i), deadline: pick(buckets, i + 1), ...page }, today, null),
      );
      const byTrade = await measure('trade filter', (i) =>
        listMembers(ctx.db, { trade: pick(trades, i), ...page }, today, null),
      );
      const directory = await measure('directory trade + town', (i) =>
        searchDirectory(
          ctx.db,
          { trade: pick(trades, i), town: pick(towns, i + 3), page: 1, pageSize: 24 },
          today,
        ),
      );
      const directoryText = await measure('directory free text', (i) =>
        searchDirectory(ctx.db, { q: pick(trades, i).slice(0, 6), page: 1, pageSize: 24 }, today),
      );
      const alerts = await measure('portfolio alerts', (i) =>
        listMemberAlerts(ctx.db, { referent: pick(referents, i), page: 1, pageSize: 50 }, today, null),
      );

      // The whole cooperative's deadlines, recomputed from every journey by the core rules.
      env.progress('  deadlines of the whole cooperative');
      const readStart = performance.now();
      const rows = await ctx.db.select().from(journeyEntries);
      const readMs = performance.now() - readStart;
      const computeStart = performance.now();
      const byMember = new Map<string, JourneyEntry[]>();
      for (const r of rows) {
        const list = byMember.get(r.memberId);
        const e = toJourneyEntry(r);
        if (list) list.push(e);
        else byMember.set(r.memberId, [e]);
      }
      let deadlines = 0;
      for (const entries of byMember.values()) {
        deadlines += computeJourneyDeadlines(entries).length;
        computeStageSchedule(entries);
      }
      const computeMs = performance.now() - computeStart;
      const [stored] = await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM member_deadlines`,
      );
      if (Number(stored!.n) !== deadlines)
        throw new Error(`recomputed ${deadlines} deadlines, ${stored!.n} are stored`);

      const k = `${count / 1000}k members`;
      const rowsOut: BenchRow[] = [
        { metric: `generate ${k} (seedLargeCooperative)`, unit: 'ms', value: generated.ms, baseline: null },
        ...(
          [
            ['member list: a referent’s portfolio', portfolio],
            ['member list: stage + deadline', stageDeadline],
            ['member list: trade', byTrade],
            ['directory: trade + town', directory],
            ['directory: free text', directoryText],
            ['alerts of a portfolio', alerts],
          ] as const
        ).flatMap(([label, s]) => [
          {
            metric: `${label} p50, ${k} (vs PK lookup)`,
            unit: 'ms' as const,
            value: s.p50,
            baseline: pk.p50,
          },
          {
            metric: `${label} p99, ${k} (vs PK lookup)`,
            unit: 'ms' as const,
            value: s.p99,
            baseline: pk.p99,
          },
        ]),
        {
          metric: `deadlines + stages of ${k} by core, read included (vs read alone)`,
          unit: 'ms',
          value: readMs + computeMs,
          baseline: readMs,
        },
      ];
      return rowsOut;
    } finally {
      await ctx.database.close();
    }
  },
};
