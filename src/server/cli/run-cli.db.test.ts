import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { users } from '../people/people-tables.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../../bin/mutua.mjs');

type Run = { code: number; stdout: string; stderr: string };

/** Runs `node bin/mutua.mjs …` as a child process, as a person at a terminal would. */
function mutua(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, LOG_LEVEL: 'warn', ...env }))
    if (v !== undefined) childEnv[k] = v;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: childEnv, timeout: 110_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const oneLine = (text: string) => text.trimEnd().split('\n');

// On PostgreSQL the commands run against this file's own database; otherwise on a fresh embedded one.
let ctx: TestContext | undefined;
let databaseUrl: string | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'mutua-cli-'));

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    ctx = await createTestContext();
    const [row] = await queryRows<{ name: string }>(ctx.db, sql`SELECT current_database() AS name`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${row!.name}`;
    databaseUrl = url.toString();
  }
});
afterAll(() => ctx?.close());

// Child processes boot tsx and a database: slow on a busy machine, so these tests get more time.
const slow = 120_000;

const env = () => ({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, MUTUA_DEMO_PASSWORD: undefined });

describe('mutua command line', () => {
  it(
    'verify: a fresh install passes every check and exits 0',
    async () => {
      const run = await mutua(['verify'], env());
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^ok +migrations$/m);
      expect(run.stdout).toMatch(/^ok +audit log is append-only$/m);
      expect(run.stdout).toMatch(/All checks passed\.\n$/);
      expect(run.stderr).toBe('');
    },
    slow,
  );

  it(
    'create-admin creates an administrator, and refuses the same address again in one line',
    async () => {
      const args = ['create-admin', '--email', 'First.Admin@Example.fr', '--name', 'First Admin'];
      const created = await mutua([...args, '--password', 'twelve chars ok'], env());
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain('Administrator first.admin@example.fr created.');
      expect(created.stdout).not.toContain('twelve chars ok');
      if (ctx) {
        const [user] = await ctx.db.select().from(users).where(eq(users.email, 'first.admin@example.fr'));
        expect(user).toMatchObject({ name: 'First Admin', roles: ['admin'], active: true });
      }
      const again = await mutua([...args, '--password', 'another twelve'], env());
      expect(again.code).toBe(1);
      expect(oneLine(again.stderr)).toEqual(['mutua: This e-mail address is already in use.']);
    },
    slow,
  );

  it(
    'refuses an unknown command and a bad setting with one line and exit code 1',
    async () => {
      const [unknown, port] = await Promise.all([
        mutua(['frobnicate'], env()),
        mutua(['verify'], { ...env(), PORT: 'eighty' }),
      ]);
      expect(unknown.code).toBe(1);
      expect(oneLine(unknown.stderr)).toEqual(['mutua: unknown command "frobnicate". Run "mutua help".']);
      expect(port.code).toBe(1);
      expect(oneLine(port.stderr)).toEqual([
        'mutua: PORT must be a whole number from 1 to 65535 (got "eighty").',
      ]);
    },
    slow,
  );
});
