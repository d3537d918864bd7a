import type { Logger } from 'pino';
import type { Config } from './config/load-config.ts';
import type { Database, Db } from './db/open-database.ts';

/** What every use case, route, job and command receives: the database, the configuration, a logger, a clock. */
export type AppContext = {
  database: Database;
  db: Db;
  config: Config;
  log: Logger;
  /** The current instant; tests move it to check expiry. */
  now: () => Date;
};
