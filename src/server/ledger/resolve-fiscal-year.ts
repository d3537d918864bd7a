import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { FiscalYearView } from '../../core/ledger/report-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type Row = {
  id: number;
  start_date: string;
  end_date: string;
  status: 'open' | 'closed';
  closed_at: string | null;
};
const toView = (r: Row): FiscalYearView => ({
  id: Number(r.id),
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  closedAt: r.closed_at,
});

export async function listFiscalYearViews(db: Db): Promise<FiscalYearView[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT id, start_date::text, end_date::text, status, closed_at::text FROM fiscal_years ORDER BY start_date`,
  );
  return rows.map(toView);
}

/**
 * The fiscal year a report is about: the one asked for, else the one containing `today`, else the latest.
 * NOT_FOUND when the books have no year yet (or the id is unknown).
 */
export async function resolveFiscalYear(
  db: Db,
  id: number | undefined,
  today: string,
): Promise<FiscalYearView> {
  const years = await listFiscalYearViews(db);
  const year =
    id !== undefined
      ? years.find((y) => y.id === id)
      : (years.find((y) => y.startDate <= today && today <= y.endDate) ?? years.at(-1));
  if (!year) throw new AppError('NOT_FOUND');
  return year;
}
