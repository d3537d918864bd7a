import type { Db } from '../db/open-database.ts';
import { jobs } from './jobs-tables.ts';

export async function enqueueJob(db: Db, kind: string, payload: Record<string, unknown>, runAt?: Date) {
  const [row] = await db
    .insert(jobs)
    .values({ kind, payload, ...(runAt ? { runAt } : {}) })
    .returning({ id: jobs.id });
  return row!.id;
}
