import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './open-database.ts';
import { queryRows } from './query-rows.ts';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');
const MIGRATION_LOCK = 4_242_001;

type Migration = { name: string; sql: string; sha256: string };

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, sql: text, sha256: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the SQL files of migrations/ not yet applied, each in its own transaction, in name order.
 * A changed file that was already applied stops start-up: migrations are append-only once released.
 */
export async function migrateDatabase(database: Database): Promise<string[]> {
  return database.withAdvisoryLock(MIGRATION_LOCK, async () => {
    await database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await queryRows<{ name: string; sha256: string }>(
      database.db,
      sql`SELECT name, sha256 FROM schema_migrations`,
    );
    const applied = new Map(done.map((r) => [r.name, r.sha256]));
    const ran: string[] = [];
    for (const m of readMigrations()) {
      const known = applied.get(m.name);
      if (known) {
        if (known !== m.sha256) throw new Error(`Migration ${m.name} was changed after it was applied.`);
        continue;
      }
      const escaped = m.name.replace(/'/g, "''");
      await database.exec(
        `BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (name, sha256) VALUES ('${escaped}', '${m.sha256}');\nCOMMIT;`,
      );
      ran.push(m.name);
    }
    return ran;
  });
}
