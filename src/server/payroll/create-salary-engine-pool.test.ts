import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPayrollSettings, type PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import { createSalaryEngine, type SalaryEngine } from './create-salary-engine.ts';
import { createSalaryEnginePool, type SalaryEnginePool } from './create-salary-engine-pool.ts';

let pool: SalaryEnginePool;
let engine: SalaryEngine;
beforeAll(async () => {
  pool = createSalaryEnginePool({ size: 2, batchSize: 3 });
  engine = createSalaryEngine();
  await pool.ready();
}, 180_000);
afterAll(() => pool?.close());

const other: PayrollSettings = {
  ...defaultPayrollSettings,
  headcountClass: '11-19',
  transportLevyRateBp: 175,
};

describe('the salary engine pool', () => {
  it('computes batches on its threads with the figures of the in-process engine, each distinct one once', async () => {
    const jobs = [
      ...[182_303, 222_222, 250_000, 333_333, 182_303, 250_000].map((g) => ({
        settings: defaultPayrollSettings,
        month: '2026-01',
        grossCents: g,
      })),
      { settings: other, month: '2026-01', grossCents: 250_000 },
      { settings: { ...other }, month: '2026-01', grossCents: 250_000 },
      { settings: other, month: '2025-01', grossCents: 250_000 },
    ];
    const results = await pool.figuresMany(jobs);
    expect(results).toHaveLength(jobs.length);
    for (const [i, j] of jobs.entries())
      expect(results[i]).toEqual(engine.figures(j.settings, j.month, j.grossCents));
    expect(results[1]!.employerCostCents).not.toBe(results[2]!.employerCostCents);
    expect(results[6]).not.toEqual(results[2]);
    expect(pool.stats()).toEqual({ threads: 2, reused: 3, evaluated: 6 });
    // Asked again, everything comes from the memo.
    expect(await pool.figures(other, '2025-01', 250_000)).toEqual(results[8]);
    expect(pool.stats()).toEqual({ threads: 2, reused: 4, evaluated: 6 });
    expect(await pool.smicCents('2026-01')).toBe(182_303);
  }, 300_000);

  it('refuses work once closed', async () => {
    const small = createSalaryEnginePool({ size: 1 });
    await small.close();
    await expect(small.figures(defaultPayrollSettings, '2026-01', 200_000)).rejects.toThrow(/closed/);
  }, 60_000);
});
