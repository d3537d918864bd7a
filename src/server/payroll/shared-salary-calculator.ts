import { createSalaryEnginePool, type SalaryEnginePool } from './create-salary-engine-pool.ts';

let pool: SalaryEnginePool | undefined;

/**
 * The server's salary engine: one worker-thread pool per process, started on first use (each thread loads the
 * rules, a few seconds) and shared by every request, so its memo of computed salaries serves everyone.
 */
export function sharedSalaryCalculator(): SalaryEnginePool {
  pool ??= createSalaryEnginePool();
  return pool;
}

/** Stops the shared pool (tests, shutdown); the next use starts a new one. */
export async function closeSharedSalaryCalculator(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.close();
}
