import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchDatabase, ResultRow } from './bench-types.ts';

export type RunInfo = {
  startedAt: Date;
  finishedAt: Date;
  commit: string | null;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  /** One-minute load average when the run started and ended: other work on the machine skews the numbers. */
  loadAverage: { start: number; end: number };
  quick: boolean;
  databases: BenchDatabase[];
};

export type ResultsDocument = ReturnType<typeof buildResultsDocument>;

/** The JSON written to bench/results/: the run's circumstances, each scenario's meaning, and the rows. */
export function buildResultsDocument(info: RunInfo, rows: ResultRow[], descriptions: Record<string, string>) {
  return {
    startedAt: info.startedAt.toISOString(),
    finishedAt: info.finishedAt.toISOString(),
    commit: info.commit,
    node: info.node,
    platform: info.platform,
    cpus: info.cpus,
    cpuModel: info.cpuModel,
    loadAverage: info.loadAverage,
    quick: info.quick,
    databases: info.databases,
    scenarios: Object.fromEntries(
      [...new Set(rows.map((r) => r.scenario))].map((s) => [s, descriptions[s] ?? '']),
    ),
    rows: rows.map((r) => ({
      scenario: r.scenario,
      database: r.database,
      metric: r.metric,
      unit: r.unit,
      value: r.value,
      baseline: r.baseline,
      ratio: r.ratio,
    })),
  };
}

/** A file name that sorts by time and is safe everywhere: 2026-03-02T09-00-00-000Z.json. */
export function resultsFileName(startedAt: Date): string {
  return `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
}

/** Writes <timestamp>.json and latest.json; returns the timestamped path. */
export function writeResults(dir: string, doc: ResultsDocument, startedAt: Date): string {
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const file = join(dir, resultsFileName(startedAt));
  writeFileSync(file, text);
  writeFileSync(join(dir, 'latest.json'), text);
  return file;
}
