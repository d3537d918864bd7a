import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { IncompleteMonth } from '../../core/payroll/prorate-monthly-salary.ts';
import type { SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import { salaryComputationKey } from './build-salary-situation.ts';
import type { SalaryWorkerAnswer, SalaryWorkerRequest } from './salary-engine-worker.ts';

export type SalaryJob = {
  settings: PayrollSettings;
  month: PayrollMonth;
  grossCents: number;
  /** The incomplete month the gross pays; a whole month without. */
  period?: IncompleteMonth | null;
};

export type SalaryEnginePool = {
  figures(
    settings: PayrollSettings,
    month: PayrollMonth,
    grossCents: number,
    period?: IncompleteMonth | null,
  ): Promise<SalaryFigures>;
  smicCents(month: PayrollMonth): Promise<number>;
  /** Many computations at once: identical ones computed once, the rest spread over the threads. */
  figuresMany(jobs: readonly SalaryJob[]): Promise<SalaryFigures[]>;
  /** Resolves once every thread has loaded its rules. */
  ready(): Promise<void>;
  stats(): { threads: number; reused: number; evaluated: number };
  close(): Promise<void>;
};

type Task = {
  request: SalaryWorkerRequest;
  resolve: (results: unknown[]) => void;
  reject: (e: Error) => void;
};
type Thread = { worker: Worker; ready: boolean; busy: Task | null };

/**
 * The young generation of each thread's heap (V8's default gives a thread 32 MB of new space): an evaluation
 * allocates a great many short-lived objects (nodes, their missing variables), and a CPU profile of a thread spent
 * about 15 % of its time collecting them. With 192 MB (new space of 128 MB) a computation took about 15 % less CPU
 * (124 ms against 146 ms, three threads side by side on this machine), for the same figures; at most 192 MB more
 * per thread.
 */
const youngGenerationMb = 192;

/**
 * A pool of worker threads (node:worker_threads), each with its own salary engine, for batch computations: the
 * rules engine is synchronous and takes tens of milliseconds a salary, so threads use every core and keep the
 * HTTP server's event loop free. The pool remembers every computation it made (same settings, month and gross →
 * the same figures) and sends each distinct one to a single thread. Idle threads, once loaded, do not keep the
 * process alive.
 */
export function createSalaryEnginePool(
  options: { size?: number; batchSize?: number; memoSize?: number } = {},
): SalaryEnginePool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const batchSize = options.batchSize ?? 8;
  const memoSize = options.memoSize ?? 200_000;
  const memo = new Map<string, SalaryFigures>();
  const smic = new Map<PayrollMonth, Promise<number>>();
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;
  let reused = 0;
  let evaluated = 0;
  let readyCount = 0;
  let startupError: Error | null = null;
  let settleReady: { resolve: () => void; reject: (e: Error) => void } = { resolve() {}, reject() {} };
  const allReady = new Promise<void>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  allReady.catch(() => {}); // also reported to every computation asked for

  const threads: Thread[] = [];
  const spawn = (): Thread => {
    const worker = new Worker(new URL('./salary-engine-worker.mjs', import.meta.url), {
      resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
    });
    const thread: Thread = { worker, ready: false, busy: null };
    worker.on('message', (answer: SalaryWorkerAnswer) => {
      if ('ready' in answer) {
        thread.ready = true;
        if (++readyCount === size) settleReady.resolve();
      } else {
        const task = thread.busy;
        thread.busy = null;
        if (task && answer.id === task.request.id) {
          if (answer.error) task.reject(new Error(`salary engine thread failed: ${answer.error}`));
          else task.resolve(answer.results ?? []);
        }
      }
      pump();
    });
    worker.on('error', (error) => {
      thread.busy?.reject(error);
      thread.busy = null;
      if (closed) return;
      if (!thread.ready) {
        // A thread that cannot even load the rules: every thread would fail the same way.
        startupError = error;
        settleReady.reject(error);
        for (const task of queue.splice(0)) task.reject(error);
        return;
      }
      // A thread that broke while computing is replaced, so that the pool keeps its size.
      readyCount--;
      threads[threads.indexOf(thread)] = spawn();
    });
    return thread; // referenced until it has loaded the rules: whoever waits for it keeps the process alive
  };
  for (let i = 0; i < size; i++) threads.push(spawn());

  function pump() {
    for (const thread of threads) {
      if (!queue.length) break;
      if (!thread.ready || thread.busy) continue;
      const task = queue.shift()!;
      thread.busy = task;
      thread.worker.ref(); // keep the process alive while a computation is running
      thread.worker.postMessage(task.request);
    }
    for (const thread of threads) if (thread.ready && !thread.busy) thread.worker.unref();
  }

  function run(request: SalaryWorkerRequest): Promise<unknown[]> {
    if (closed) return Promise.reject(new Error('the salary engine pool is closed'));
    if (startupError) return Promise.reject(startupError);
    return new Promise((resolve, reject) => {
      queue.push({ request, resolve, reject });
      pump();
    });
  }

  async function figuresMany(jobs: readonly SalaryJob[]): Promise<SalaryFigures[]> {
    const keys = jobs.map((j) => salaryComputationKey(j.settings, j.month, j.grossCents, j.period));
    // Every answer of this call, kept here: the memo may evict some before the call ends.
    const known = new Map<string, SalaryFigures>();
    const missing = new Map<string, SalaryJob>();
    keys.forEach((key, i) => {
      const hit = memo.get(key);
      if (hit) known.set(key, hit);
      else if (!missing.has(key)) missing.set(key, jobs[i]!);
    });
    reused += jobs.length - missing.size;
    evaluated += missing.size;
    const pending = [...missing.entries()];
    const batches: Promise<void>[] = [];
    for (let i = 0; i < pending.length; i += batchSize) {
      const slice = pending.slice(i, i + batchSize);
      batches.push(
        run({ id: nextId++, kind: 'figures', jobs: slice.map(([, j]) => j) }).then((results) => {
          slice.forEach(([key], k) => {
            const figures = results[k] as SalaryFigures;
            known.set(key, figures);
            if (memo.size >= memoSize) memo.delete(memo.keys().next().value!); // oldest first
            memo.set(key, figures);
          });
        }),
      );
    }
    await Promise.all(batches);
    return keys.map((key) => known.get(key)!);
  }

  return {
    async figures(settings, month, grossCents, period) {
      return (await figuresMany([{ settings, month, grossCents, period }]))[0]!;
    },
    figuresMany,
    smicCents(month) {
      let value = smic.get(month);
      if (!value) {
        value = run({ id: nextId++, kind: 'smic', months: [month] }).then((r) => r[0] as number);
        smic.set(month, value);
        value.catch(() => smic.delete(month));
      }
      return value;
    },
    ready: () => allReady,
    stats: () => ({ threads: size, reused, evaluated }),
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the salary engine pool is closed'));
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
