import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkFecFile } from '../../core/ledger/check-fec-file.ts';
import { systemActor } from '../audit/actor.ts';
import { updateCooperative } from '../cooperative/update-cooperative.ts';
import { type Database, openDatabase } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { demoCooperative } from '../demo/seed-demo.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { postEntries } from './post-entries.ts';
import { paymentEntry, saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../../bin/mutua.mjs');
const slow = 180_000;

type Run = { code: number; stdout: string; stderr: string };
function mutua(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, LOG_LEVEL: 'warn', ...env }))
    if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: childEnv, timeout: 170_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// On PostgreSQL the commands run against this file's database; otherwise on an embedded one in dataDir.
let ctx: TestContext | undefined;
let databaseUrl: string | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'mutua-ledger-cli-'));
const outDir = mkdtempSync(join(tmpdir(), 'mutua-fec-out-'));
const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, MUTUA_DEMO_PASSWORD: undefined });

/** The books the commands see, opened only while the test writes to them (PGlite is one process at a time). */
async function withBooks<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  if (ctx) return fn(ctx.database);
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    ctx = await createTestContext();
    const [row] = await queryRows<{ name: string }>(ctx.db, sql`SELECT current_database() AS name`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${row!.name}`;
    databaseUrl = url.toString();
  } else {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    await (await openDatabase({ kind: 'pglite', dataDir, loadDataDir: snapshot })).close();
  }
  await withBooks(async (database) => {
    const local = { database, db: database.db, now: () => new Date('2025-06-01T10:00:00Z') };
    await updateCooperative(local as never, systemActor, demoCooperative);
    const act = await seedLedgerActivities(local as never, 'CLI');
    await postEntries(local, systemActor, [
      saleEntry(act.alice, 10_000n, { date: '2025-05-01' }),
      paymentEntry(act.alice, 12_000n, '2025-05-20'),
    ]);
  });
}, slow);
afterAll(async () => {
  await ctx?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

describe('mutua fec and mutua verify', () => {
  it(
    'writes the FEC of a year and its description',
    async () => {
      const run = await mutua(['fec', '--year', '2025', '--out', outDir], env());
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(readdirSync(outDir).sort()).toEqual([
        '912345675FEC20251231-description.txt',
        '912345675FEC20251231.txt',
      ]);
      const text = readFileSync(join(outDir, '912345675FEC20251231.txt'), 'utf8');
      expect(checkFecFile(text).problems).toEqual([]);
      expect(checkFecFile(text).lineCount).toBe(5);
      const missing = await mutua(['fec', '--year', '2019', '--out', outDir], env());
      expect([missing.code, missing.stderr]).toEqual([
        1,
        expect.stringMatching(/no fiscal year closes in 2019/),
      ]);
      const usage = await mutua(['fec', '--year', '2025'], env());
      expect(usage.stderr).toMatch(/usage: mutua fec --year YYYY --out DIR/);
    },
    slow,
  );

  it(
    'passes on intact books, then exits 1 naming the line altered behind its back',
    async () => {
      const ok = await mutua(['verify'], env());
      expect(ok.stdout).toMatch(/ok {3}ledger: hash chain of every journal/);
      expect(ok.stdout).toMatch(/ok {3}ledger: stored balances equal the sums of lines/);
      await withBooks(async (database) => {
        await database.exec(`
          ALTER TABLE ledger_entry_lines DISABLE TRIGGER ledger_entry_lines_immutable;
          UPDATE ledger_entry_lines SET debit_cents = debit_cents + 1
            WHERE account_number = '512000' AND activity_id = (SELECT id FROM activities WHERE code = 'CLI-ALICE');
          ALTER TABLE ledger_entry_lines ENABLE TRIGGER ledger_entry_lines_immutable;`);
      });
      const bad = await mutua(['verify'], env());
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(
        /FAIL ledger: hash chain of every journal\n\s+BQ n° 1 .*content does not match its hash/,
      );
      expect(bad.stdout).toMatch(/FAIL ledger: every entry balances/);
      expect(bad.stdout).toMatch(
        /FAIL ledger: stored balances equal the sums of lines\n\s+year \d+, account 512000/,
      );
      expect(bad.stdout).toMatch(/Integrity problems found/);
    },
    slow,
  );
});
