import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import type { AppContext } from '../app-context.ts';
import type { Config } from '../config/load-config.ts';
import { type Database, openDatabase } from '../db/open-database.ts';

export type TestContext = AppContext & {
  /** Moves the test clock. */
  setNow(date: Date | string): void;
  advance(ms: number): void;
  close(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: a copy of the PGlite snapshot, or a new PostgreSQL database
 * cloned from the run's template when DATABASE_URL is set. Real SQL semantics; nothing is mocked.
 */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const template = inject('postgresTemplate');
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  if (template) {
    const url = process.env.DATABASE_URL!;
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ kind: 'postgres', url: u.toString(), max: 20 });
    drop = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const bytes = readFileSync(inject('pgliteSnapshot'));
    database = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([bytes]) });
  }
  let now = new Date('2026-03-02T09:00:00.000Z');
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'mutua-test-')),
    databaseUrl: template ? process.env.DATABASE_URL! : null,
    publicUrl: 'http://localhost:3000',
    smtpUrl: null,
    sessionSecret: 'test-secret-test-secret-test-secret-0123',
    secureCookies: false,
    logLevel: 'silent',
    trustProxy: true,
    ...overrides,
  };
  return {
    database,
    db: database.db,
    config,
    log: pino({ level: 'silent' }),
    now: () => new Date(now),
    setNow: (d) => {
      now = new Date(d);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    close: async () => {
      await database.close();
      await drop?.();
    },
  };
}
