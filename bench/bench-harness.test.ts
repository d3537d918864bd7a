import { describe, expect, it } from 'vitest';
import type { ResultRow } from './harness/bench-types.ts';
import {
  formatRatio,
  formatResultsTable,
  formatValue,
  toResultRows,
} from './harness/format-results-table.ts';
import { parseBenchArgs } from './harness/parse-bench-args.ts';
import { median, percentile, summarizeLatencies } from './harness/summarize-latencies.ts';
import { buildResultsDocument, resultsFileName } from './harness/write-results.ts';
import { scenarios } from './scenarios/index.ts';

// Only the pure parts of the harness: timings are never asserted (architecture.md, Benchmarks).

const rows: ResultRow[] = [
  ...toResultRows('http-session-check', 'pglite', [
    { metric: 'requests/s', unit: 'req/s', value: 250.4, baseline: 2000 },
    { metric: 'p99 latency', unit: 'ms', value: 123.456, baseline: 4.5 },
  ]),
  ...toResultRows('startup', 'postgresql', [
    { metric: 'cold start', unit: 'ms', value: 1850, baseline: null },
  ]),
];

describe('toResultRows', () => {
  it('adds the scenario, the database and ratio = value / baseline', () => {
    expect(rows[0]).toEqual({
      scenario: 'http-session-check',
      database: 'pglite',
      metric: 'requests/s',
      unit: 'req/s',
      value: 250.4,
      baseline: 2000,
      ratio: 250.4 / 2000,
    });
    expect(rows[1]!.ratio).toBeCloseTo(27.4346, 3);
  });

  it('has no ratio without a baseline, or with a zero one', () => {
    expect(rows[2]!.ratio).toBeNull();
    const [zero] = toResultRows('s', 'pglite', [{ metric: 'm', unit: 'ms', value: 3, baseline: 0 }]);
    expect(zero!.ratio).toBeNull();
  });
});

describe('formatValue and formatRatio', () => {
  it('prints whole requests per second and milliseconds to about three digits', () => {
    expect(formatValue(250.6, 'req/s')).toBe('251 req/s');
    expect(formatValue(1850.4, 'ms')).toBe('1850 ms');
    expect(formatValue(123.456, 'ms')).toBe('123 ms');
    expect(formatValue(25.66, 'ms')).toBe('25.7 ms');
    expect(formatValue(3.034, 'ms')).toBe('3.03 ms');
    expect(formatValue(Number.NaN, 'ms')).toBe('NaN');
  });

  it('prints ratios with a × sign, blank when there is none', () => {
    expect(formatRatio(0.1252)).toBe('0.13×');
    expect(formatRatio(27.43)).toBe('27.4×');
    expect(formatRatio(null)).toBe('');
  });
});

describe('formatResultsTable', () => {
  const table = formatResultsTable(rows, { startup: 'cold = empty storage', other: 'not in the rows' });
  const lines = table.split('\n');

  it('prints a header, a rule and one line per row, the columns aligned', () => {
    expect(lines[0]).toMatch(/^scenario\s+database\s+metric\s+value\s+baseline\s+ratio$/);
    expect(lines[1]).toMatch(/^-+( {2}-+){5}$/);
    expect(lines[2]).toMatch(
      /^http-session-check {2}pglite\s+requests\/s\s+250 req\/s\s+2000 req\/s\s+0\.13×$/,
    );
    expect(lines[3]).toMatch(/p99 latency\s+123 ms\s+4\.50 ms\s+27\.4×$/);
    expect(lines[4]).toMatch(/^startup\s+postgresql\s+cold start\s+1850 ms$/);
    // Right-aligned numbers: every value ends at the same column, under its header.
    const valueEnd = lines[0]!.indexOf('value') + 'value'.length;
    const rule = lines[1]!.split('  ');
    const end = rule.slice(0, 4).join('  ').length;
    expect(end).toBeGreaterThanOrEqual(valueEnd);
    for (const line of lines.slice(2, 5)) expect(line.slice(0, end)).toMatch(/(req\/s|ms)$/);
  });

  it('explains the scenarios that have rows, and only those', () => {
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('startup: cold = empty storage');
    expect(table).not.toContain('not in the rows');
    expect(table.endsWith('\n')).toBe(true);
  });

  it('prints a bare header when nothing ran', () => {
    expect(formatResultsTable([]).split('\n')[0]).toBe('scenario  database  metric  value  baseline  ratio');
  });
});

describe('results document', () => {
  const startedAt = new Date('2026-03-02T09:00:00.123Z');
  const doc = buildResultsDocument(
    {
      startedAt,
      finishedAt: new Date('2026-03-02T09:01:00.000Z'),
      commit: 'abc',
      node: 'v20.20.2',
      platform: 'linux x64',
      cpus: 2,
      cpuModel: 'CPU',
      loadAverage: { start: 0.5, end: 1.25 },
      quick: true,
      databases: ['pglite', 'postgresql'],
    },
    rows,
    { startup: 'cold = empty storage' },
  );

  it('keeps every row with its unit, baseline and ratio, and survives JSON', () => {
    const back = JSON.parse(JSON.stringify(doc));
    expect(back.rows).toHaveLength(3);
    expect(back.rows[0]).toEqual({
      scenario: 'http-session-check',
      database: 'pglite',
      metric: 'requests/s',
      unit: 'req/s',
      value: 250.4,
      baseline: 2000,
      ratio: 250.4 / 2000,
    });
    expect(back.rows[2].ratio).toBeNull();
    expect(back.startedAt).toBe('2026-03-02T09:00:00.123Z');
    expect(back.scenarios).toEqual({ 'http-session-check': '', startup: 'cold = empty storage' });
    expect(back.quick).toBe(true);
    expect(back.loadAverage).toEqual({ start: 0.5, end: 1.25 });
  });

  it('names the file after the start time, sortable and without colons', () => {
    expect(resultsFileName(startedAt)).toBe('2026-03-02T09-00-00-123Z.json');
  });
});

describe('parseBenchArgs', () => {
  it('defaults to every scenario, full counts, PostgreSQL when configured', () => {
    expect(parseBenchArgs([])).toEqual({ only: [], quick: false, postgres: true, help: false });
  });

  it('reads --only (repeated or comma-separated), --quick and --no-postgres', () => {
    expect(parseBenchArgs(['--only', 'startup', '--only=a,b', '--quick', '--no-postgres'])).toEqual({
      only: ['startup', 'a', 'b'],
      quick: true,
      postgres: false,
      help: false,
    });
  });

  it('refuses an unknown option', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/fast/);
  });
});

describe('latency summary', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sorts numerically and derives requests per second from the elapsed time', () => {
    const s = summarizeLatencies([10, 2, 30, 4], 2000);
    expect(s).toEqual({ requests: 4, requestsPerSecond: 2, p50: 4, p99: 30 });
  });

  it('takes the median of an odd or even number of starts', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNaN();
  });
});

describe('scenario registry', () => {
  it('has unique kebab-case names, each with an issue and a description', () => {
    const names = scenarios.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of scenarios) {
      expect(s.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.issue).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(10);
    }
    expect(names).toEqual(expect.arrayContaining(['http-session-check', 'startup']));
  });
});
