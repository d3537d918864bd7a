import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import Engine from 'publicodes';
import type { PayrollSettings } from '../../src/core/payroll/payroll-settings.ts';
import type { SalaryFigures } from '../../src/core/payroll/salary-simulation-schemas.ts';
import { salaryComputationKey } from '../../src/server/payroll/build-salary-situation.ts';
import { readSalaryFigures } from '../../src/server/payroll/create-salary-engine.ts';
import {
  createSalaryEnginePool,
  type SalaryJob,
} from '../../src/server/payroll/create-salary-engine-pool.ts';
import { fullSalaryRules, salaryEngineOptions } from '../../src/server/payroll/salary-rules.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';

/**
 * Monthly salary computations with the rules engine (issue 10). The workload is a cooperative's year of pay
 * (2026, month by month): gross salaries in whole euros (members propose plans in euros), log-normal around
 * €2,300 between €600 and €6,000, one in ten at the SMIC; the cooperative's settings change in July (transport
 * levy 2.95 % → 3.20 %). Seeded: the same jobs every run.
 */
const cooperative: PayrollSettings = {
  headcountClass: '250+',
  workAccidentRateBp: 110,
  transportLevyRateBp: 295,
  healthPlan: { monthlyPremiumCents: 6_000, employerShareBp: 5_000 },
  providentPlan: { employerRateBp: 80, employeeRateBp: 40 },
};
const fromJuly: PayrollSettings = { ...cooperative, transportLevyRateBp: 320 };

/** User and system CPU time of a `process.cpuUsage` difference, in milliseconds. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function generateJobs(count: number): SalaryJob[] {
  let seed = 0x5eed_2026;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const jobs: SalaryJob[] = [];
  for (let i = 0; i < count; i++) {
    const m = 1 + Math.floor((i * 12) / count);
    const month = `2026-${String(m).padStart(2, '0')}`;
    let grossCents: number;
    if (random() < 0.1) grossCents = 182_303;
    else {
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      grossCents = 100 * Math.min(6_000, Math.max(600, Math.round(2_300 * Math.exp(0.35 * normal))));
    }
    jobs.push({ settings: m >= 7 ? fromJuly : cooperative, month, grossCents });
  }
  return jobs;
}

export const payrollEngine: Scenario = {
  name: 'payroll-engine',
  issue: 10,
  description:
    "value = N monthly salary computations (100,000; --quick 2,000: a cooperative's 2026 payroll year, whole-euro salaries) through the batch path: worker-thread pool (one thread per core), rule base reduced to the rules needed, each figure read from its rule's own node (no expression parsed), identical situations computed once; baseline = one engine (whole modele-social) reused sequentially, one evaluate per figure, on a sample of the same jobs, rate extrapolated. req/s = salary computations per second. Every sampled figure is checked identical to the cent, else the scenario fails. No database: measured on the PGlite pass only.",
  async run(env) {
    if (env.database !== 'pglite') {
      env.progress('no database involved: measured once, on the PGlite pass');
      return [];
    }
    const total = env.quick ? 2_000 : 100_000;
    const sampleSize = env.quick ? 30 : 200;
    const jobs = generateJobs(total);
    const distinct = new Set(jobs.map((j) => salaryComputationKey(j.settings, j.month, j.grossCents))).size;
    env.progress(`${total} computations, ${distinct} distinct situations`);

    // Baseline: one engine on the whole rule base, reused job after job, used the plain way (setSituation, then one
    // evaluate per figure shown), without memo or threads.
    env.progress('baseline: loading modele-social in one engine');
    const baseline = new Engine(fullSalaryRules(), salaryEngineOptions);
    const sample = Array.from({ length: sampleSize }, (_, k) => Math.floor((k * total) / sampleSize));
    readSalaryFigures(baseline, jobs[0]!.settings, jobs[0]!.month, jobs[0]!.grossCents, { oneByOne: true }); // warm-up
    const expected = new Map<number, SalaryFigures>();
    const baselineStart = performance.now();
    const baselineCpu = process.cpuUsage();
    for (const i of sample) {
      const j = jobs[i]!;
      expected.set(i, readSalaryFigures(baseline, j.settings, j.month, j.grossCents, { oneByOne: true }));
    }
    const baselineMs = performance.now() - baselineStart;
    const baselineCpuMs = cpuMs(process.cpuUsage(baselineCpu));
    const baselineRate = (sampleSize * 1000) / baselineMs;
    env.progress(
      `baseline: ${(baselineMs / sampleSize).toFixed(1)} ms a computation → ${baselineRate.toFixed(1)}/s (${sampleSize} sampled)`,
    );

    const threads = availableParallelism();
    const startupStart = performance.now();
    const pool = createSalaryEnginePool({ size: threads });
    try {
      await pool.ready();
      const startupMs = performance.now() - startupStart;
      env.progress(`pool: ${threads} threads ready in ${(startupMs / 1000).toFixed(1)} s`);
      const results: SalaryFigures[] = [];
      const chunk = 5_000;
      const batchStart = performance.now();
      const batchCpu = process.cpuUsage(); // the process's: every thread, the pool's included
      for (let from = 0; from < total; from += chunk) {
        results.push(...(await pool.figuresMany(jobs.slice(from, from + chunk))));
        const done = Math.min(total, from + chunk);
        env.progress(`batch: ${done}/${total} in ${((performance.now() - batchStart) / 1000).toFixed(0)} s`);
      }
      const batchMs = performance.now() - batchStart;
      const batchCpuMs = cpuMs(process.cpuUsage(batchCpu));
      for (const [i, figures] of expected)
        if (!isDeepStrictEqual(results[i], figures))
          throw new Error(
            `computation ${i} (${JSON.stringify(jobs[i])}) differs from the engine's: ${JSON.stringify(results[i])} vs ${JSON.stringify(figures)}`,
          );
      env.progress(`all ${expected.size} sampled computations identical to the engine's, to the cent`);
      const rate = (total * 1000) / batchMs;
      const stats = pool.stats();
      const rows: BenchRow[] = [
        { metric: 'salary computations/s', unit: 'req/s', value: rate, baseline: baselineRate },
        {
          metric: 'salary computations/s, thread start-up included',
          unit: 'req/s',
          value: (total * 1000) / (batchMs + startupMs),
          baseline: baselineRate,
        },
        {
          metric: 'situations evaluated (vs computations)',
          unit: 'count',
          value: stats.evaluated,
          baseline: total,
        },
        {
          metric: 'ms per evaluation on one thread (batch engine vs plain)',
          unit: 'ms',
          value: (batchMs * threads) / Math.max(1, stats.evaluated),
          baseline: baselineMs / sampleSize,
        },
        {
          // CPU time, not wall time: what a computation costs whatever else the machine's cores are doing (the
          // rates above compare a baseline and a batch measured at different moments of a shared machine).
          metric: 'CPU ms per computation (batch path, every thread) vs plain',
          unit: 'ms',
          value: batchCpuMs / total,
          baseline: baselineCpuMs / sampleSize,
        },
        { metric: 'thread start-up', unit: 'ms', value: startupMs, baseline: null },
      ];
      return rows;
    } finally {
      await pool.close();
    }
  },
};
