import { parseArgs } from 'node:util';

export type BenchOptions = {
  /** Scenario names to run; empty = all. */
  only: string[];
  quick: boolean;
  postgres: boolean;
  help: boolean;
};

export const benchUsage = `Usage: npm run bench -- [--only <scenario>]... [--quick] [--no-postgres]

Runs every scenario on the embedded database (PGlite) and, when DATABASE_URL is set, on a fresh database
of that PostgreSQL server; prints one table and writes bench/results/<timestamp>.json and latest.json.
  --only <name>   run only this scenario (repeatable)
  --quick         smaller counts (CI smoke run; numbers are indicative only)
  --no-postgres   skip PostgreSQL even when DATABASE_URL is set`;

/** Reads the command line; an unknown option throws with a one-line message. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      quick: { type: 'boolean', default: false },
      'no-postgres': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  return {
    only: (values.only ?? []).flatMap((v) => v.split(',')).filter(Boolean),
    quick: values.quick ?? false,
    postgres: !values['no-postgres'],
    help: values.help ?? false,
  };
}
