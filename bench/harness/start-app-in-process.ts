import { boot } from '../../src/server/boot.ts';
import { loadConfig } from '../../src/server/config/load-config.ts';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import { serveApp } from '../../src/server/main.ts';
import type { BenchStorage } from './bench-types.ts';
import { freePort } from './free-port.ts';

export const benchDemoPassword = 'bench-demo-password-123';

/**
 * The real app in this process, as `mutua start` boots it (configuration, migrations, job worker, HTTP
 * server), on the given storage, with the demo cooperative seeded through its use cases. On PostgreSQL the
 * demo is seeded too: the database is a throwaway one made for the benchmark.
 */
export async function startAppInProcess(storage: BenchStorage) {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    LOG_LEVEL: 'silent',
  });
  const ctx = await boot(config);
  try {
    await seedDemo(ctx, benchDemoPassword);
  } catch (error) {
    await ctx.database.close();
    throw error;
  }
  const { stop } = await serveApp(ctx);
  return { origin: `http://127.0.0.1:${port}`, stop, ctx };
}
