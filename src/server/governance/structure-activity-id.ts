import { eq } from 'drizzle-orm';
import { activities } from '../activities/activities-tables.ts';
import type { Db } from '../db/open-database.ts';

/** The cooperative's own activity (pooled services), which carries the capital in the books; null before it exists. */
export async function structureActivityId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.kind, 'structure'))
    .limit(1);
  return row?.id ?? null;
}
