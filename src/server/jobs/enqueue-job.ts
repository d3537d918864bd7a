import type { Db } from '../db/open-database.ts';
import { jobs } from './jobs-tables.ts';

/**
 * Queues a job, due at `runAt`. The caller gives the instant from the app's clock (ctx.now()): the worker
 * compares run_at with that same clock, so a job must never be stamped by the database's own now().
 */
export async function enqueueJob(db: Db, kind: string, payload: Record<string, unknown>, runAt: Date) {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload, runAt, createdAt: runAt })
    .returning({ id: jobs.id });
  return row!.id;
}
