import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * The next number of a governance register (associates, certificates, movements), taken in the caller's
 * transaction: the counter row stays locked until it commits, so numbers never repeat nor leave a gap.
 */
export async function nextGovernanceNumber(
  db: Db,
  name: 'associate' | 'certificate' | 'movement',
): Promise<number> {
  const [row] = await queryRows<{ last_value: number }>(
    db,
    sql`UPDATE governance_counters SET last_value = last_value + 1 WHERE name = ${name} RETURNING last_value`,
  );
  return Number(row!.last_value);
}
