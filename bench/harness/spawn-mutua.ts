import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { BenchStorage } from './bench-types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../bin/mutua.mjs', import.meta.url));

/** Runs `node bin/mutua.mjs <args>` to completion (used to fill tsx's transform cache before timing). */
export async function runMutua(args: string[]): Promise<void> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'ignore' });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`mutua ${args.join(' ')} exited with code ${code}`);
}

/**
 * Spawns `node bin/mutua.mjs start` on the storage and measures the time from spawn until GET /api/health
 * answers 200 (polled every 10 ms). Returns the stop function, which sends SIGTERM and waits for the exit.
 */
export async function startMutua(storage: BenchStorage, port: number, demoPassword: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: storage.dataDir,
    MUTUA_DEMO_PASSWORD: demoPassword,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null | undefined;
  const exit = once(child, 'exit').then(([code]) => {
    exited = code as number | null;
  });
  const stop = () => stopChild(child, exit, () => exited);
  const health = `http://127.0.0.1:${port}/api/health`;
  for (;;) {
    if (exited !== undefined)
      throw new Error(`mutua start exited (${exited}) before it was ready:\n${output}`);
    if (performance.now() - started > 120_000) {
      await stop();
      throw new Error(`mutua start was not ready after 2 minutes:\n${output}`);
    }
    try {
      const res = await fetch(health, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { readyMs: performance.now() - started, stop };
}

async function stopChild(child: ChildProcess, exit: Promise<void>, exited: () => number | null | undefined) {
  if (exited() !== undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exit;
  clearTimeout(timer);
  const code = exited();
  if (code !== 0) throw new Error(`mutua start did not stop cleanly on SIGTERM (exit code ${code})`);
}
