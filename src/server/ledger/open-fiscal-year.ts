import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  type FiscalYearRange,
  fiscalYearContaining,
  fiscalYearRangeProblem,
  nextFiscalYearRange,
} from '../../core/ledger/fiscal-year-rules.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * Opens a fiscal year. Without dates: the year after the last one, or for empty books the twelve months
 * ending on the cooperative's year-end that contain today. With dates (a first year may be shorter or
 * longer), they must follow the last year without gap.
 */
export async function openFiscalYear(ctx: AppContext, actor: Actor, input: Partial<FiscalYearRange> = {}) {
  return ctx.db.transaction(async (tx) => {
    // One opener at a time: the last year cannot change under us.
    await tx.execute(sql`LOCK TABLE fiscal_years IN SHARE ROW EXCLUSIVE MODE`);
    const [last] = await queryRows<{ start_date: string; end_date: string }>(
      tx,
      sql`SELECT start_date::text, end_date::text FROM fiscal_years ORDER BY start_date DESC LIMIT 1`,
    );
    let range: FiscalYearRange;
    if (input.startDate && input.endDate) range = { startDate: input.startDate, endDate: input.endDate };
    else if (last) range = nextFiscalYearRange({ startDate: last.start_date, endDate: last.end_date });
    else {
      const [coop] = await queryRows<{ fiscal_year_end: string }>(
        tx,
        sql`SELECT fiscal_year_end FROM cooperative WHERE id = 1`,
      );
      range = fiscalYearContaining(dateInTimeZone(ctx.now()), coop?.fiscal_year_end ?? '12-31');
    }
    const problem = fiscalYearRangeProblem(
      range,
      last ? { startDate: last.start_date, endDate: last.end_date } : null,
    );
    if (problem) throw new AppError('LEDGER_FISCAL_YEAR_INVALID', { reason: problem });
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`INSERT INTO fiscal_years (start_date, end_date) VALUES (${range.startDate}, ${range.endDate}) RETURNING id`,
    );
    await recordAudit(tx, actor, {
      action: 'ledger.fiscal_year.open',
      objectType: 'fiscal_year',
      objectId: String(row!.id),
      changes: { ...range },
    });
    return { id: Number(row!.id), ...range, status: 'open' as const };
  });
}
