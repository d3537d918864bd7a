import { parentPort } from 'node:worker_threads';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { IncompleteMonth } from '../../core/payroll/prorate-monthly-salary.ts';
import { createSalaryEngine } from './create-salary-engine.ts';

/** A batch sent to a worker: salaries to compute, or SMIC amounts to read. */
export type SalaryWorkerRequest =
  | {
      id: number;
      kind: 'figures';
      jobs: {
        settings: PayrollSettings;
        month: PayrollMonth;
        grossCents: number;
        period?: IncompleteMonth | null;
      }[];
    }
  | { id: number; kind: 'smic'; months: PayrollMonth[] };
export type SalaryWorkerAnswer = { id: number; results?: unknown[]; error?: string } | { ready: true };

// One engine per thread, created once (parsing the rules takes a couple of seconds), then reused.
const port = parentPort;
if (!port) throw new Error('salary-engine-worker runs in a worker thread');
const engine = createSalaryEngine();
port.on('message', (request: SalaryWorkerRequest) => {
  try {
    const results =
      request.kind === 'figures'
        ? request.jobs.map((j) => engine.figures(j.settings, j.month, j.grossCents, j.period))
        : request.months.map((m) => engine.smicCents(m));
    port.postMessage({ id: request.id, results } satisfies SalaryWorkerAnswer);
  } catch (error) {
    port.postMessage({
      id: request.id,
      error: (error as Error).stack ?? String(error),
    } satisfies SalaryWorkerAnswer);
  }
});
port.postMessage({ ready: true } satisfies SalaryWorkerAnswer);
