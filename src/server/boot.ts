import pino from 'pino';
import type { AppContext } from './app-context.ts';
import type { Config } from './config/load-config.ts';
import { migrateDatabase } from './db/migrate-database.ts';
import { type Database, openDatabase } from './db/open-database.ts';

/** Opens the database the configuration names (PGlite in DATA_DIR, or PostgreSQL) and migrates it. */
export async function boot(
  config: Config,
  options: { migrate?: boolean; quiet?: boolean } = {},
): Promise<AppContext> {
  // One-shot commands (migrate, verify…) print their own result: only warnings from the logger.
  const log = pino({ level: options.quiet ? 'warn' : config.logLevel, base: undefined });
  const database: Database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  if (options.migrate !== false) {
    const ran = await migrateDatabase(database);
    if (ran.length) log.info({ migrations: ran }, 'database migrated');
  }
  return { database, db: database.db, config, log, now: () => new Date() };
}
