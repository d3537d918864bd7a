import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * An activity's available treasury now (ledger.md): its class 4 and 5 balances except client receivables
 * (411/416/418), over the years not yet closed; and, beside it, what its clients still owe. One indexed
 * read of stored balances: it does not depend on how many lines the books hold. This is the figure that
 * decides the salary a member can be paid.
 */
export async function getAvailableTreasury(db: Db, activityId: string) {
  const [row] = await queryRows<{ treasury: string; to_collect: string }>(
    db,
    sql`SELECT
          coalesce(sum(b.debit_cents - b.credit_cents) FILTER (
            WHERE left(b.account_number, 3) NOT IN ('411', '416', '418')), 0)::text AS treasury,
          coalesce(sum(b.debit_cents - b.credit_cents) FILTER (
            WHERE left(b.account_number, 3) IN ('411', '416', '418')), 0)::text AS to_collect
        FROM ledger_balances b JOIN fiscal_years f ON f.id = b.fiscal_year_id
        WHERE b.activity_id = ${activityId} AND f.status = 'open' AND left(b.account_number, 1) IN ('4', '5')`,
  );
  return { availableTreasuryCents: BigInt(row?.treasury ?? 0), toCollectCents: BigInt(row?.to_collect ?? 0) };
}
