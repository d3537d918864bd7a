import { sql } from 'drizzle-orm';
import type { BalanceRow } from '../../core/ledger/derived-figures.ts';
import type { FiscalYearView } from '../../core/ledger/report-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { listFiscalYearViews, resolveFiscalYear } from './resolve-fiscal-year.ts';

export type Basis = 'year' | 'now';

/**
 * The stored balances a figure is read from, never the lines (invariant 6 makes them equal):
 * - basis 'year' (a fiscal year given): that year's balances, i.e. its result and its closing positions;
 * - basis 'now': the current year's result (classes 6–7) and today's positions (classes 1–5), which are
 *   the balances of every year not yet closed (a closed year's positions were carried into the next one
 *   by its opening entries).
 */
export async function loadBalanceRows(
  db: Db,
  input: { fiscalYearId?: number; activityId?: string },
  today: string,
): Promise<{ year: FiscalYearView; basis: Basis; rows: BalanceRow[] }> {
  const year = await resolveFiscalYear(db, input.fiscalYearId, today);
  const basis: Basis = input.fiscalYearId === undefined ? 'now' : 'year';
  const activity = input.activityId ? sql`AND b.activity_id = ${input.activityId}` : sql``;
  let positionYears = [year.id];
  if (basis === 'now') {
    const open = (await listFiscalYearViews(db)).filter((y) => y.status === 'open').map((y) => y.id);
    if (open.length > 0) positionYears = open;
  }
  const rows = await queryRows<{
    account_number: string;
    activity_id: string;
    debit: string;
    credit: string;
  }>(
    db,
    sql`SELECT b.account_number, b.activity_id, sum(b.debit_cents)::text AS debit, sum(b.credit_cents)::text AS credit
        FROM ledger_balances b
        WHERE ((b.fiscal_year_id = ${year.id} AND left(b.account_number, 1) IN ('6', '7'))
            OR (b.fiscal_year_id = ANY(${sql.param(positionYears)}::int[]) AND left(b.account_number, 1) NOT IN ('6', '7')))
          ${activity}
        GROUP BY b.account_number, b.activity_id`,
  );
  return {
    year,
    basis,
    rows: rows.map((r) => ({
      accountNumber: r.account_number,
      activityId: r.activity_id,
      debitCents: BigInt(r.debit),
      creditCents: BigInt(r.credit),
    })),
  };
}
