import { Worker } from 'node:worker_threads';

export type LoadOptions = {
  /** http://127.0.0.1:port */
  origin: string;
  path: string;
  headers?: Record<string, string>;
  requests: number;
  concurrency: number;
};

export type LoadResult = { latenciesMs: Float64Array; elapsedMs: number };

/**
 * Sends `requests` GETs over `concurrency` keep-alive connections from a worker thread. Any answer other
 * than 200 fails the run: a benchmark of error pages would be meaningless.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { headers: {}, ...options },
    });
    worker.once('message', (m) => {
      if (m.error) reject(new Error(`load generator failed: ${m.error}`));
      else if (m.failures)
        reject(
          new Error(
            `${m.failures} of ${options.requests} GET ${options.path} did not answer 200 (first: ${m.firstFailure})`,
          ),
        );
      else resolve({ latenciesMs: m.latencies, elapsedMs: m.elapsedMs });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with code ${code}`));
    });
  });
}
