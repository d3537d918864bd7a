import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A Drizzle handle or a transaction: queries take it first (architecture.md, convention 5). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL (several statements allowed, no parameters): migrations and tests. */
  exec(sql: string): Promise<void>;
  /** Runs a function holding a session-level advisory lock (one migrator at a time across instances). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type OpenDatabaseOptions =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File }
  | { kind: 'postgres'; url: string; max?: number };

// pg returns int8 as a string by default; money columns use Drizzle's bigint mode, which parses it.
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    let dir: string | undefined;
    if (options.dataDir) {
      dir = join(options.dataDir, 'pgdata');
      mkdirSync(dir, { recursive: true });
    }
    const client = await PGlite.create(
      dir ?? 'memory://',
      options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
    );
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      exec: async (sql) => {
        await client.exec(sql);
      },
      // PGlite is one connection in one process: nobody else can migrate at the same time.
      withAdvisoryLock: (_key, fn) => fn(),
      close: () => client.close(),
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (sql) => {
      const conn = await pool.connect();
      try {
        await conn.query(sql);
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    withAdvisoryLock: async (key, fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await conn.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
