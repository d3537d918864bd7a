import type { BenchDatabase, BenchRow, BenchUnit, ResultRow } from './bench-types.ts';

/** Adds the scenario, the database and the ratio (value / baseline) to a scenario's rows. */
export function toResultRows(scenario: string, database: BenchDatabase, rows: BenchRow[]): ResultRow[] {
  return rows.map((row) => ({
    scenario,
    database,
    ...row,
    ratio: row.baseline === null || row.baseline === 0 ? null : row.value / row.baseline,
  }));
}

/** A number as the table shows it: whole requests per second, milliseconds to three significant digits. */
export function formatValue(value: number, unit: BenchUnit): string {
  if (!Number.isFinite(value)) return String(value);
  if (unit === 'req/s' || unit === 'count') return `${Math.round(value)} ${unit}`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ms`;
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '';
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

const columns = ['scenario', 'database', 'metric', 'value', 'baseline', 'ratio'] as const;
const rightAligned = new Set(['value', 'baseline', 'ratio']);

/**
 * The one table `npm run bench` prints: a header, a rule, one line per row, then one line per scenario saying
 * what its value and baseline measure.
 */
export function formatResultsTable(rows: ResultRow[], descriptions: Record<string, string> = {}): string {
  const cells = rows.map((r) => ({
    scenario: r.scenario,
    database: r.database,
    metric: r.metric,
    value: formatValue(r.value, r.unit),
    baseline: r.baseline === null ? '' : formatValue(r.baseline, r.unit),
    ratio: formatRatio(r.ratio),
  }));
  const width = Object.fromEntries(
    columns.map((c) => [c, Math.max(c.length, ...cells.map((cell) => cell[c].length))]),
  ) as Record<(typeof columns)[number], number>;
  const line = (cell: Record<(typeof columns)[number], string>) =>
    columns
      .map((c) => (rightAligned.has(c) ? cell[c].padStart(width[c]) : cell[c].padEnd(width[c])))
      .join('  ')
      .trimEnd();
  const header = Object.fromEntries(columns.map((c) => [c, c])) as Record<(typeof columns)[number], string>;
  const out = [line(header), columns.map((c) => '-'.repeat(width[c])).join('  '), ...cells.map(line)];
  const named = [...new Set(rows.map((r) => r.scenario))].filter((s) => descriptions[s]);
  if (named.length) {
    out.push('');
    for (const s of named) out.push(`${s}: ${descriptions[s]}`);
  }
  return `${out.join('\n')}\n`;
}
