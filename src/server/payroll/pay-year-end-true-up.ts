import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { buildTrueUpPaymentEntries } from '../../core/payroll/build-true-up-payment-entries.ts';
import type { SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import { TrueUpPaymentRequest } from '../../core/payroll/true-up-record-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { listYearEndTrueUps } from './list-year-end-true-ups.ts';

/**
 * Pays the fiscal year's accrued true-up on a day (issue 10; C. trav. R7331-12): for each member, the accrual
 * settled as the variable part's payslip and the net transferred (buildTrueUpPaymentEntries); each record marked
 * paid. Once. A payment after the pay-by date is made all the same (the member is owed it) and shown late.
 */
export async function payYearEndTrueUp(ctx: AppContext, actor: Actor, input: TrueUpPaymentRequest) {
  const request = TrueUpPaymentRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{
      id: string;
      member_id: string;
      name: string;
      activity_id: string;
      figures: SalaryFigures | string;
      paid_on: string | null;
    }>(
      tx,
      sql`SELECT t.id, t.member_id, m.first_name || ' ' || m.last_name AS name, t.activity_id, t.figures,
                 t.paid_on::text
          FROM payroll_true_ups t JOIN members m ON m.id = t.member_id
          WHERE t.fiscal_year_id = ${request.fiscalYearId}
          ORDER BY m.last_name, m.first_name, m.id
          FOR UPDATE OF t`,
    );
    if (rows.length === 0) throw new AppError('PAYROLL_TRUE_UP_NOT_ACCRUED');
    const unpaid = rows.filter((r) => r.paid_on === null);
    if (unpaid.length === 0) throw new AppError('PAYROLL_TRUE_UP_PAID');
    const entries = unpaid.flatMap((r) =>
      buildTrueUpPaymentEntries({
        id: r.id,
        fiscalYearId: request.fiscalYearId,
        member: { id: r.member_id, name: r.name },
        activityId: r.activity_id,
        figures: typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures,
        paidOn: request.paidOn,
      }),
    );
    const posted = await postEntries({ db: tx, now: ctx.now }, actor, entries);
    const entryOf = new Map(posted.map((e) => [e.idempotencyKey, e.id]));
    for (const r of unpaid)
      await tx.execute(
        sql`UPDATE payroll_true_ups
            SET paid_on = ${request.paidOn}::date, paid_by = ${actor.userId}, paid_at = ${ctx.now().toISOString()}::timestamptz,
                payment_entry_id = ${entryOf.get(`payroll-true-up-payslip:${request.fiscalYearId}:${r.member_id}`)!}
            WHERE id = ${r.id}`,
      );
    await recordAudit(tx, actor, {
      action: 'payroll.true_up.pay',
      objectType: 'payroll_true_up',
      objectId: String(request.fiscalYearId),
      changes: {
        fiscalYearId: request.fiscalYearId,
        paidOn: request.paidOn,
        members: unpaid.map((r) => r.member_id),
      },
    });
    return listYearEndTrueUps(tx, request.fiscalYearId, calendarDateOf(ctx.now()));
  });
}
