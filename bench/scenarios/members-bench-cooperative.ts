import type { AppContext } from '../../src/server/app-context.ts';
import { boot } from '../../src/server/boot.ts';
import { loadConfig } from '../../src/server/config/load-config.ts';
import { seedLargeCooperative } from '../../src/server/members/seed-large-cooperative.ts';
import type { BenchStorage } from '../harness/bench-types.ts';

/** The day the generated cooperative is seen from, so that every run measures the same data. */
export const membersBenchToday = '2026-03-02';

/**
 * A fresh storage booted as `mutua start` boots it, holding `members` generated members
 * (seedLargeCooperative: deterministic journeys, referents, activities), with the clock on a fixed day.
 */
export async function openMembersBenchCooperative(
  storage: BenchStorage,
  members: number,
  progress: (message: string) => void,
) {
  const config = loadConfig({
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    LOG_LEVEL: 'silent',
  });
  const ctx: AppContext = {
    ...(await boot(config, { quiet: true })),
    now: () => new Date(`${membersBenchToday}T10:00:00Z`),
  };
  let last = 0;
  const generated = await seedLargeCooperative(ctx, {
    members,
    today: membersBenchToday,
    batchSize: 5000,
    progress: (done, total) => {
      if (done - last >= 20_000 || done === total) {
        last = done;
        progress(`  generated ${done.toLocaleString('en')} / ${total.toLocaleString('en')} members`);
      }
    },
  });
  return { ctx, generated };
}

/** Runs `read` `count` times one after the other and returns each duration in ms. */
export async function timeEach(count: number, read: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await read(i);
    latencies.push(performance.now() - t);
  }
  return latencies;
}
