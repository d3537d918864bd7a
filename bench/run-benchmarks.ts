import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BenchDatabase, BenchEnv, ResultRow } from './harness/bench-types.ts';
import { createStoragePool } from './harness/create-storage-pool.ts';
import { formatResultsTable, toResultRows } from './harness/format-results-table.ts';
import { benchUsage, parseBenchArgs } from './harness/parse-bench-args.ts';
import { buildResultsDocument, writeResults } from './harness/write-results.ts';
import { scenarios } from './scenarios/index.ts';

const resultsDir = fileURLToPath(new URL('./results', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** `npm run bench`: every scenario on PGlite, then on PostgreSQL when DATABASE_URL is set; one table. */
export async function runBenchmarks(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseBenchArgs>;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    fail(`${(error as Error).message}\n${benchUsage}`);
  }
  if (options.help) {
    process.stdout.write(`${benchUsage}\n\nScenarios: ${scenarios.map((s) => s.name).join(', ')}\n`);
    return 0;
  }
  const unknown = options.only.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length)
    fail(`unknown scenario "${unknown.join('", "')}"; known: ${scenarios.map((s) => s.name).join(', ')}.`);
  const selected = options.only.length ? scenarios.filter((s) => options.only.includes(s.name)) : scenarios;

  const serverUrl = process.env.DATABASE_URL || null;
  const databases: BenchDatabase[] = ['pglite'];
  if (serverUrl && options.postgres) {
    const client = new pg.Client({ connectionString: serverUrl });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (error) {
      fail(`cannot reach the PostgreSQL server of DATABASE_URL: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
    databases.push('postgresql');
  }

  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  const rows: ResultRow[] = [];
  const failures: string[] = [];
  for (const scenario of selected) {
    for (const database of databases) {
      const label = `${scenario.name} on ${database}`;
      const pool = createStoragePool(database, serverUrl);
      const env: BenchEnv = {
        database,
        quick: options.quick,
        freshStorage: pool.freshStorage,
        progress: (message) => process.stderr.write(`  [${label}] ${message}\n`),
      };
      process.stderr.write(`${label}…\n`);
      try {
        const done = toResultRows(scenario.name, database, await scenario.run(env));
        rows.push(...done);
        // Each scenario's rows as soon as they exist, so a long run stopped half-way keeps what it measured.
        process.stderr.write(`${formatResultsTable(done)}\n`);
      } catch (error) {
        failures.push(`${label}: ${(error as Error).stack ?? error}`);
        process.stderr.write(`  [${label}] FAILED: ${(error as Error).message}\n`);
      } finally {
        await pool.cleanup();
      }
    }
  }
  const finishedAt = new Date();
  const loadAverage = { start: round2(loadAtStart), end: round2(loadavg()[0]!) };

  const descriptions = Object.fromEntries(selected.map((s) => [s.name, s.description]));
  process.stdout.write(
    `\nMutua benchmarks${options.quick ? ' (--quick: indicative only)' : ''} — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadAverage.start} → ${loadAverage.end}\n\n`,
  );
  process.stdout.write(formatResultsTable(rows, descriptions));
  const doc = buildResultsDocument(
    {
      startedAt,
      finishedAt,
      commit: gitCommit(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      loadAverage,
      quick: options.quick,
      databases,
    },
    rows,
    descriptions,
  );
  const file = writeResults(resultsDir, doc, startedAt);
  process.stdout.write(`\nResults: ${file} (and bench/results/latest.json)\n`);
  if (failures.length) {
    process.stderr.write(`\n${failures.length} scenario run(s) failed:\n${failures.join('\n\n')}\n`);
    return 1;
  }
  return 0;
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .slice(0, 40);
  } catch {
    return null;
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
