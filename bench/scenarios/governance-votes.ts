import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { type SQL, sql } from 'drizzle-orm';
import { calendarDateOf } from '../../src/core/members/calendar-date.ts';
import type { AppContext } from '../../src/server/app-context.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import type { Db } from '../../src/server/db/open-database.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { conveneAssembly } from '../../src/server/governance/convene-assembly.ts';
import { createAssembly } from '../../src/server/governance/create-assembly.ts';
import { loadGovernance } from '../../src/server/governance/load-governance.ts';
import { openAssembly, openResolutionVote } from '../../src/server/governance/run-assembly.ts';
import { updateGovernanceSettings } from '../../src/server/governance/update-governance-settings.ts';
import { createSecretToken, hashSecretToken } from '../../src/server/people/secret-token.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { benchDemoPassword, startAppInProcess } from '../harness/start-app-in-process.ts';
import { summarizeLatencies } from '../harness/summarize-latencies.ts';

const concurrency = 64;
const chunk = 1_000;

type Voter = { token: string; csrf: string; choice: 'yes' | 'no' | 'abstain' };

/**
 * 10,000 associates (1,000 with --quick) vote on one resolution through the HTTP API, 64 clients at once,
 * each with their own session: POST /api/governance/resolutions/:id/votes, which checks the session and the
 * CSRF token, the voter's right, records their remote attendance, writes the participation (the primary key
 * that refuses a second ballot) and the ballot, and appends to the audit log, in one transaction. Measured
 * twice: an open ballot (the choice beside the voter) and a secret one (counters only). Baseline: the same
 * number of plain single-row INSERTs, 64 at a time, through the app's own connection pool, in the same run.
 * Then the time the chair waits for the result: POST …/close (lock, tally, store the result).
 */
export const governanceVotes: Scenario = {
  name: 'governance-votes',
  issue: 8,
  description: `value = votes through POST /api/governance/resolutions/:id/votes, each associate with their own session, ${concurrency} clients (open and secret ballots), and the time to close and tally; baseline = the same number of plain single-row INSERTs, ${concurrency} at a time, on the app's connection pool.`,
  async run(env) {
    const associates = env.quick ? 1_000 : 10_000;
    const app = await startAppInProcess(await env.freshStorage());
    try {
      const ctx = app.ctx;
      env.progress(`seeding ${associates} associates with sessions`);
      const voters = await seedVoters(ctx, associates);
      const { resolutionIds } = await prepareAssembly(ctx);

      env.progress(`baseline: ${associates} plain INSERTs, ${concurrency} at a time`);
      const baseline = await plainInserts(ctx.db, associates);

      const chair = await adminSession(app.origin);
      const rows: BenchRow[] = [];
      for (const [i, kind] of (['open', 'secret'] as const).entries()) {
        const resolutionId = resolutionIds[i]!;
        await openResolutionVote(ctx, systemActor, resolutionId);
        env.progress(`${associates} votes on the ${kind} ballot`);
        const load = await postVotes(
          app.origin,
          `/api/governance/resolutions/${resolutionId}/votes`,
          voters,
          concurrency,
        );
        const votes = summarizeLatencies(load.latenciesMs, load.elapsedMs);
        const tallyStart = performance.now();
        const res = await closeOverHttp(app.origin, resolutionId, chair);
        const tallyMs = performance.now() - tallyStart;
        const counted = res.counts.yes + res.counts.no + res.counts.abstain + res.counts.blank;
        if (counted !== associates)
          throw new Error(`the ${kind} tally counted ${counted} ballots, not ${associates}`);
        rows.push(
          {
            metric: `${kind} ballot: votes/s`,
            unit: 'req/s',
            value: votes.requestsPerSecond,
            baseline: baseline.requestsPerSecond,
          },
          {
            metric: `${kind} ballot: p99 vote latency`,
            unit: 'ms',
            value: votes.p99,
            baseline: baseline.p99,
          },
          { metric: `${kind} ballot: time to close and tally`, unit: 'ms', value: tallyMs, baseline: null },
        );
      }
      return rows;
    } finally {
      await app.stop();
    }
  },
};

async function insertChunks(db: Db, rows: SQL[], head: SQL) {
  for (let i = 0; i < rows.length; i += chunk)
    await db.execute(sql`${head} VALUES ${sql.join(rows.slice(i, i + chunk), sql`, `)}`);
}

/**
 * Associates with an account and an open session each, written in bulk (setting up 10,000 log-ins through
 * argon2 would take minutes and measure nothing of the vote). E-mail notices off: the job worker must not
 * send 10,000 mails while the votes are measured.
 */
export async function seedVoters(ctx: AppContext, count: number): Promise<Voter[]> {
  const now = new Date();
  const [{ last }] = (await queryRows<{ last: number }>(
    ctx.db,
    sql`SELECT last_value AS last FROM governance_counters WHERE name = 'associate'`,
  )) as [{ last: number }];
  const users: SQL[] = [];
  const associates: SQL[] = [];
  const sessions: SQL[] = [];
  const voters: Voter[] = [];
  for (let i = 0; i < count; i++) {
    const userId = randomUUID();
    const token = createSecretToken();
    const csrf = createSecretToken();
    const choice = i % 10 < 6 ? 'yes' : i % 10 < 9 ? 'no' : 'abstain';
    users.push(sql`(${userId}, ${`bench-voter-${i}@bench.coop`}, ${`Voter ${i}`}, ARRAY['member'])`);
    associates.push(
      sql`(${Number(last) + i + 1}, ${userId}, ${`Voter ${i}`}, ${i % 4 === 3 ? 'other' : 'employee'}, false, '2025-01-01', 'Bench')`,
    );
    sessions.push(
      sql`(${userId}, ${hashSecretToken(ctx.config.sessionSecret, token)}, ${csrf}, ${now}, ${now}, ${new Date(now.getTime() + 86_400_000)})`,
    );
    voters.push({ token, csrf, choice });
  }
  await insertChunks(ctx.db, users, sql`INSERT INTO users (id, email, name, roles)`);
  await insertChunks(
    ctx.db,
    associates,
    sql`INSERT INTO associates (number, user_id, name, category, email_notice_consent, admitted_on, admission_decision)`,
  );
  await insertChunks(
    ctx.db,
    sessions,
    sql`INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at)`,
  );
  await ctx.db.execute(
    sql`UPDATE governance_counters SET last_value = ${Number(last) + count} WHERE name = 'associate'`,
  );
  return voters;
}

/** An ordinary assembly sitting today (convened 20 days ago), remote participation allowed, two resolutions. */
export async function prepareAssembly(ctx: AppContext) {
  const gov = await loadGovernance(ctx.db);
  await updateGovernanceSettings(ctx, systemActor, { ...gov.settings, remoteAttendance: true });
  const today = calendarDateOf(ctx.now());
  const majority = { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' as const };
  const assembly = await createAssembly(ctx, systemActor, {
    title: 'Assemblée générale (benchmark)',
    type: 'ordinary',
    call: 'first',
    meetingOn: today,
    place: 'En ligne',
    onlineUrl: 'https://visio.example.coop/bench',
    resolutions: [
      { title: 'Approbation des comptes', majority },
      { title: 'Élection du conseil', majority, secret: true },
    ],
  });
  const past = new Date(ctx.now().getTime() - 20 * 86_400_000);
  await conveneAssembly({ ...ctx, now: () => past }, systemActor, assembly.id);
  await openAssembly(ctx, systemActor, assembly.id);
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM resolutions WHERE assembly_id = ${assembly.id} ORDER BY position`,
  );
  return { resolutionIds: rows.map((r) => r.id) };
}

/** The baseline: `count` single-row INSERTs of the same shape as a ballot, `concurrency` in flight. */
async function plainInserts(db: Db, count: number) {
  await db.execute(
    sql`CREATE TABLE bench_plain_inserts (resolution_id uuid NOT NULL, associate_id uuid NOT NULL, choice text NOT NULL, PRIMARY KEY (resolution_id, associate_id))`,
  );
  const resolutionId = randomUUID();
  const latencies = new Float64Array(count);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await db.execute(
          sql`INSERT INTO bench_plain_inserts (resolution_id, associate_id, choice) VALUES (${resolutionId}, ${randomUUID()}, 'yes')`,
        );
        latencies[i] = performance.now() - t;
      }
    }),
  );
  return summarizeLatencies(latencies, performance.now() - start);
}

function postVotes(
  origin: string,
  path: string,
  voters: Voter[],
  clients: number,
): Promise<{ latenciesMs: Float64Array; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./governance-votes-worker.mjs', import.meta.url), {
      workerData: { origin, path, voters, concurrency: clients },
    });
    worker.once('message', (m) => {
      if (m.error) reject(new Error(`vote load failed: ${m.error}`));
      else if (m.failures)
        reject(
          new Error(`${m.failures} of ${voters.length} votes were not recorded (first: ${m.firstFailure})`),
        );
      else resolve({ latenciesMs: m.latencies, elapsedMs: m.elapsedMs });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`vote load generator exited with code ${code}`));
    });
  });
}

/** The chair's session (the demo admin), opened before any timing. */
async function adminSession(origin: string) {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.mutua.coop', password: benchDemoPassword }),
  });
  if (res.status !== 200) throw new Error(`log-in as the demo admin failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('mutua_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The chair closes the vote over HTTP and gets the tally. */
async function closeOverHttp(
  origin: string,
  resolutionId: string,
  chair: { cookie: string; csrfToken: string },
) {
  const closed = await fetch(`${origin}/api/governance/resolutions/${resolutionId}/close`, {
    method: 'POST',
    headers: { cookie: chair.cookie, 'x-csrf-token': chair.csrfToken },
  });
  const body = (await closed.json()) as { counts: Record<'yes' | 'no' | 'abstain' | 'blank', number> };
  if (closed.status !== 200)
    throw new Error(`closing the vote failed: ${closed.status} ${JSON.stringify(body)}`);
  return body;
}
