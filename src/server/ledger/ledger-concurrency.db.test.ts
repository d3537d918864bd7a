import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { systemActor } from '../audit/actor.ts';
import { openDatabase } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { postEntry } from './post-entry.ts';
import { saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';
import { verifyLedger } from './verify-ledger.ts';

const here = dirname(fileURLToPath(import.meta.url));

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;

beforeAll(async () => {
  ctx = await createTestContext();
  act = await seedLedgerActivities(ctx);
});
afterAll(() => ctx.close());

/** Numbers of a journal in the 2026 fiscal year, in numbering order. */
async function numbers(journal: string): Promise<number[]> {
  const rows = await queryRows<{ number: number }>(
    ctx.db,
    sql`SELECT e.number FROM ledger_entries e JOIN fiscal_years f ON f.id = e.fiscal_year_id
        WHERE e.journal_code = ${journal} AND f.start_date = '2026-01-01' ORDER BY e.number`,
  );
  return rows.map((r) => Number(r.number));
}

/** An entry spreading over the three activities in a random order, so concurrent postings share balance rows. */
function spreadEntry(journal: string, i: number): PostEntryInput {
  const acts = [act.alice, act.bob, act.structure].sort(() => Math.random() - 0.5);
  return {
    journalCode: journal,
    entryDate: '2026-03-02',
    pieceRef: `${journal}-${i}`,
    pieceDate: '2026-03-02',
    label: `Transfert ${i}`,
    source: { type: 'test', id: String(i) },
    idempotencyKey: `spread:${journal}:${i}:${Math.random()}`,
    lines: [
      { accountNumber: '512000', activityId: acts[0]!, debitCents: 300 },
      { accountNumber: '512000', activityId: acts[1]!, creditCents: 100 },
      { accountNumber: '706000', activityId: acts[2]!, creditCents: 200 },
    ],
  };
}

describe('concurrent posting', () => {
  it('keeps numbers continuous and the chain valid with 16 parallel posters on one journal', async () => {
    await postEntry(ctx, systemActor, saleEntry(act.alice, 100n)); // opens the fiscal year first
    const posters = 16;
    // PGlite is one connection: the posters take turns there, so fewer postings prove the same.
    const each = ctx.database.kind === 'postgres' ? 12 : 4;
    const results = await Promise.all(
      Array.from({ length: posters }, async (_, p) => {
        const got: number[] = [];
        for (let i = 0; i < each; i++)
          got.push((await postEntry(ctx, systemActor, spreadEntry('VT', p * 100 + i))).number);
        return got;
      }),
    );
    const all = results.flat().sort((a, b) => a - b);
    expect(new Set(all).size).toBe(posters * each);
    expect(await numbers('VT')).toEqual(Array.from({ length: posters * each + 1 }, (_, i) => i + 1));
    const checks = await verifyLedger(ctx);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  }, 180_000);

  it('does not deadlock when 16 posters on different journals share balance rows', async () => {
    const journals = ['VT', 'AC', 'BQ', 'OD', 'CTB', 'NDF', 'SAL', 'VT'];
    await Promise.all(
      Array.from({ length: 16 }, async (_, p) => {
        for (let i = 0; i < (ctx.database.kind === 'postgres' ? 8 : 3); i++)
          await postEntry(ctx, systemActor, spreadEntry(journals[p % journals.length]!, p * 100 + i));
      }),
    );
    for (const j of new Set(journals)) {
      const n = await numbers(j);
      expect(n).toEqual(Array.from({ length: n.length }, (_, i) => i + 1));
    }
    expect((await verifyLedger(ctx)).filter((c) => !c.ok)).toEqual([]);
  }, 180_000);
});

/** Starts the crash poster, waits until it has posted inside its open transaction, kills it, returns its number. */
async function postThenKill(env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'testing/crash-poster.child.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const number = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /POSTED (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`crash poster exited (${code}) before posting: ${err}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return number;
}

describe('a crash in the middle of a posting', () => {
  it('leaves no trace, and the next posting gets the number the killed one had', async () => {
    if (ctx.database.kind === 'postgres') {
      const before = await numbers('VT');
      const [{ db }] = (await queryRows<{ db: string }>(ctx.db, sql`SELECT current_database() AS db`)) as [
        { db: string },
      ];
      const url = new URL(ctx.config.databaseUrl!);
      url.pathname = `/${db}`;
      const killedNumber = await postThenKill({
        CRASH_DATABASE_URL: url.toString(),
        CRASH_ACTIVITY_ID: act.bob,
      });
      expect(killedNumber).toBe(before.length + 1);
      // The server rolls the killed session back; wait until its locks are gone.
      for (let i = 0; i < 50; i++) {
        const [{ n }] = (await queryRows<{ n: number }>(
          ctx.db,
          sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = ${db} AND state LIKE 'idle in transaction%'`,
        )) as [{ n: number }];
        if (n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await numbers('VT')).toEqual(before);
      const next = await postEntry(ctx, systemActor, saleEntry(act.bob, 4_200n));
      expect(next.number).toBe(killedNumber);
      expect((await verifyLedger(ctx)).filter((c) => !c.ok)).toEqual([]);
      return;
    }
    // PGlite: the books live in a data directory on disk, which the killed process was writing to.
    const dataDir = mkdtempSync(join(tmpdir(), 'mutua-crash-'));
    try {
      const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
      let database = await openDatabase({ kind: 'pglite', dataDir, loadDataDir: snapshot });
      const local = { db: database.db, now: () => new Date('2026-03-02T10:00:00Z') };
      const [activity] = await queryRows<{ id: string }>(
        database.db,
        sql`INSERT INTO activities (code, name, kind) VALUES ('CRASH', 'Crash', 'member') RETURNING id`,
      );
      const first = await postEntry(local, systemActor, saleEntry(activity!.id, 1_000n));
      await database.close();

      const killedNumber = await postThenKill({ CRASH_DATA_DIR: dataDir, CRASH_ACTIVITY_ID: activity!.id });
      expect(killedNumber).toBe(first.number + 1);

      database = await openDatabase({ kind: 'pglite', dataDir });
      const rows = await queryRows<{ number: number }>(
        database.db,
        sql`SELECT number FROM ledger_entries ORDER BY number`,
      );
      expect(rows.map((r) => Number(r.number))).toEqual([first.number]);
      const next = await postEntry(
        { ...local, db: database.db },
        systemActor,
        saleEntry(activity!.id, 4_200n),
      );
      expect(next.number).toBe(killedNumber);
      expect((await verifyLedger({ db: database.db })).filter((c) => !c.ok)).toEqual([]);
      await database.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
