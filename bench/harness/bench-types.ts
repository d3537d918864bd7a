/** The database a scenario runs on: the embedded one, or a fresh database on the PostgreSQL server. */
export type BenchDatabase = 'pglite' | 'postgresql';

/** Where a scenario keeps its data: a new empty DATA_DIR, plus a new empty database on PostgreSQL. */
export type BenchStorage = {
  dataDir: string;
  /** Null on PGlite (the embedded database lives in dataDir). */
  databaseUrl: string | null;
};

/** What the harness hands a scenario for one database. */
export type BenchEnv = {
  database: BenchDatabase;
  /** Smaller counts, for CI smoke runs: the numbers are indicative only. */
  quick: boolean;
  /** A fresh, empty storage; the harness removes it (directory and database) once the scenario ends. */
  freshStorage(): Promise<BenchStorage>;
  /** A progress line on stderr (the table goes to stdout). */
  progress(message: string): void;
};

export type BenchUnit = 'req/s' | 'ms' | 'count';

/** One measurement. The ratio is value / baseline, both measured in the same run. */
export type BenchRow = {
  metric: string;
  unit: BenchUnit;
  value: number;
  /** What this value is compared with, measured in the same run on the same database; null when none. */
  baseline: number | null;
};

export type Scenario = {
  /** Kebab-case; what `--only` takes. */
  name: string;
  /** The issue that asked for it. */
  issue: number;
  /** One line: what `value` and `baseline` measure (printed under the table). */
  description: string;
  run(env: BenchEnv): Promise<BenchRow[]>;
};

/** A row of the printed table and of the JSON file. */
export type ResultRow = BenchRow & {
  scenario: string;
  database: BenchDatabase;
  /** value / baseline, or null without a baseline. */
  ratio: number | null;
};
