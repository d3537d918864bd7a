import { sql } from 'drizzle-orm';
import {
  type FiscalYearRef,
  findFiscalYear,
  fiscalYearContaining,
  nextFiscalYearRange,
} from '../../core/ledger/fiscal-year-rules.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type YearRow = { id: number; start_date: string; end_date: string; status: 'open' | 'closed' };
const toRef = (r: YearRow): FiscalYearRef => ({
  id: Number(r.id),
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
});

async function insertYear(db: Db, actor: Actor, range: { startDate: string; endDate: string }) {
  const created = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO fiscal_years (start_date, end_date) VALUES (${range.startDate}, ${range.endDate})
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  if (created[0])
    await recordAudit(db, actor, {
      action: 'ledger.fiscal_year.open',
      objectType: 'fiscal_year',
      objectId: String(created[0].id),
      changes: { ...range, automatic: true },
    });
}

/**
 * The fiscal years that contain `dates`, locked FOR SHARE (a closing waits for the postings in progress,
 * and a posting waits for a closing in progress, then sees the year closed). Opens a year when needed:
 * the first one (twelve months ending on the cooperative's year-end) when the books are empty, and the
 * year right after the last one when a date falls in it. Dates further away find no year.
 */
export async function ensureFiscalYears(
  db: Db,
  actor: Actor,
  dates: readonly string[],
): Promise<FiscalYearRef[]> {
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const lastDate = sorted.at(-1)!;
  let years = (
    await queryRows<YearRow>(
      db,
      sql`SELECT id, start_date::text, end_date::text, status FROM fiscal_years ORDER BY start_date`,
    )
  ).map(toRef);
  let changed = false;
  if (years.length === 0) {
    const [coop] = await queryRows<{ fiscal_year_end: string }>(
      db,
      sql`SELECT fiscal_year_end FROM cooperative WHERE id = 1`,
    );
    await insertYear(db, actor, fiscalYearContaining(first, coop?.fiscal_year_end ?? '12-31'));
    changed = true;
  } else {
    const last = years.at(-1)!;
    const next = nextFiscalYearRange(last);
    if (lastDate > last.endDate && lastDate <= next.endDate) {
      await insertYear(db, actor, next);
      changed = true;
    }
  }
  if (changed)
    years = (
      await queryRows<YearRow>(
        db,
        sql`SELECT id, start_date::text, end_date::text, status FROM fiscal_years ORDER BY start_date`,
      )
    ).map(toRef);
  const ids = [
    ...new Set(dates.map((d) => findFiscalYear(years, d)?.id).filter((id) => id !== undefined)),
  ].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  return (
    await queryRows<YearRow>(
      db,
      sql`SELECT id, start_date::text, end_date::text, status FROM fiscal_years
          WHERE id = ANY(${sql.param(ids)}::int[]) ORDER BY id FOR SHARE`,
    )
  ).map(toRef);
}
