import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchDatabase, BenchStorage } from './bench-types.ts';

/**
 * Hands out fresh storages for one scenario run — a temporary DATA_DIR, plus on PostgreSQL a new database
 * `bench_<random>` on the DATABASE_URL server — and removes them all in cleanup().
 */
export function createStoragePool(database: BenchDatabase, serverUrl: string | null) {
  const dirs: string[] = [];
  const databases: string[] = [];

  async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: serverUrl! });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  async function freshStorage(): Promise<BenchStorage> {
    const dataDir = mkdtempSync(join(tmpdir(), 'mutua-bench-'));
    dirs.push(dataDir);
    if (database === 'pglite') return { dataDir, databaseUrl: null };
    if (!serverUrl) throw new Error('PostgreSQL storage needs DATABASE_URL.');
    const name = `bench_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    databases.push(name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { dataDir, databaseUrl: url.toString() };
  }

  async function cleanup() {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    const names = databases.splice(0);
    if (names.length) {
      await admin(async (c) => {
        for (const name of names) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    }
  }

  return { freshStorage, cleanup };
}
