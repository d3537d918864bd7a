import type { Scenario } from '../harness/bench-types.ts';
import { freePort } from '../harness/free-port.ts';
import { runMutua, startMutua } from '../harness/spawn-mutua.ts';
import { median } from '../harness/summarize-latencies.ts';

/**
 * Start-up as a user lives it: `node bin/mutua.mjs start` spawned as a child process, timed until
 * GET /api/health answers 200. Cold = empty storage (PGlite: new DATA_DIR, so database creation,
 * migrations and the demo seed; PostgreSQL: a fresh database, so migrations only — no demo there by
 * design). Warm = the same storage started again. Median of several starts.
 */
export const startup: Scenario = {
  name: 'startup',
  issue: 2,
  description:
    'spawn `mutua start` → GET /api/health answers 200, median of the starts; cold = empty DATA_DIR (PGlite: creates the database, migrates, seeds the demo) or a fresh database (PostgreSQL: migrates, no demo by design); warm = same storage again; ratio = warm / cold.',
  async run(env) {
    const repetitions = env.quick ? 1 : 3;
    env.progress('filling the tsx transform cache (mutua help)');
    await runMutua(['help']);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const storage = await env.freshStorage();
      const port = await freePort();
      const first = await startMutua(storage, port, 'bench-demo-password-123');
      await first.stop();
      cold.push(first.readyMs);
      const second = await startMutua(storage, port, 'bench-demo-password-123');
      await second.stop();
      warm.push(second.readyMs);
      env.progress(
        `start ${i + 1}/${repetitions}: cold ${first.readyMs.toFixed(0)} ms, warm ${second.readyMs.toFixed(0)} ms`,
      );
    }
    const coldMs = median(cold);
    return [
      { metric: 'cold start', unit: 'ms', value: coldMs, baseline: null },
      { metric: 'warm start', unit: 'ms', value: median(warm), baseline: coldMs },
    ];
  },
};
