import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { buildTrueUpAccrualEntry } from '../../core/payroll/build-true-up-accrual-entry.ts';
import { YearEndTrueUpRequest } from '../../core/payroll/propose-year-end-true-up.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { answerYearEndTrueUp } from './answer-year-end-true-up.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { listYearEndTrueUps } from './list-year-end-true-ups.ts';
import { loadPayrollSettings } from './load-payroll-settings.ts';
import { payrollTrueUps } from './payroll-run-tables.ts';

/**
 * Posts the fiscal year's true-up (issue 10): every member's variable part the proposal gives is accrued at the
 * year's last day (D 641/645 · C 4286/4386, buildTrueUpAccrualEntry), priced by the rules engine as a payslip
 * of the month it is to be paid, and recorded with its pay-by date (one month after the assembly, R7331-12).
 * Once per fiscal year, for all its members at once: the proposal splits each activity's result between its
 * members, so a partial accrual would change the others' shares. A closed or locked year is refused by the
 * ledger.
 */
export async function accrueYearEndTrueUp(
  ctx: AppContext,
  actor: Actor,
  calculator: SalaryCalculator,
  input: YearEndTrueUpRequest,
) {
  const request = YearEndTrueUpRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE payroll_true_ups IN EXCLUSIVE MODE`);
    const [done] = await queryRows<{ name: string }>(
      tx,
      sql`SELECT m.first_name || ' ' || m.last_name AS name FROM payroll_true_ups t
          JOIN members m ON m.id = t.member_id WHERE t.fiscal_year_id = ${request.fiscalYearId} LIMIT 1`,
    );
    if (done) throw new AppError('PAYROLL_TRUE_UP_ALREADY_ACCRUED', { name: done.name });
    const answer = await answerYearEndTrueUp(tx, calculator, request);
    const [year] = await queryRows<{ end_date: string }>(
      tx,
      sql`SELECT end_date::text FROM fiscal_years WHERE id = ${request.fiscalYearId}`,
    );
    const { settings } = await loadPayrollSettings(tx, `${answer.pricingMonth}-01`);
    const proposals = answer.activities.flatMap((a) =>
      a.members.filter((m) => m.variableGrossCents > 0).map((m) => ({ ...m, activityId: a.activityId })),
    );
    if (proposals.length === 0) throw new AppError('PAYROLL_TRUE_UP_NOTHING');
    const priced = await Promise.all(
      proposals.map(async (p) => ({
        ...p,
        id: randomUUID(),
        figures: await calculator.figures(settings, answer.pricingMonth, p.variableGrossCents),
      })),
    );
    const posted = await postEntries(
      { db: tx, now: ctx.now },
      actor,
      priced.map((p) =>
        buildTrueUpAccrualEntry({
          id: p.id,
          fiscalYearId: request.fiscalYearId,
          member: { id: p.memberId, name: p.memberName },
          activityId: p.activityId,
          figures: p.figures,
          yearEnd: year!.end_date,
        }),
      ),
    );
    const entryOf = new Map(posted.map((e) => [e.idempotencyKey, e.id]));
    await tx.insert(payrollTrueUps).values(
      priced.map((p) => ({
        id: p.id,
        fiscalYearId: request.fiscalYearId,
        memberId: p.memberId,
        activityId: p.activityId,
        pricingMonth: `${answer.pricingMonth}-01`,
        assemblyDate: request.assemblyDate,
        payBy: answer.payBy,
        grossCents: p.figures.grossCents,
        employerCostCents: p.figures.employerCostCents,
        figures: p.figures,
        accrualEntryId: entryOf.get(`payroll-true-up-accrual:${request.fiscalYearId}:${p.memberId}`)!,
        accruedBy: actor.userId,
        accruedAt: ctx.now(),
      })),
    );
    await recordAudit(tx, actor, {
      action: 'payroll.true_up.accrue',
      objectType: 'payroll_true_up',
      objectId: String(request.fiscalYearId),
      changes: {
        fiscalYearId: request.fiscalYearId,
        assemblyDate: request.assemblyDate,
        payBy: answer.payBy,
        members: priced.map((p) => ({
          memberId: p.memberId,
          grossCents: p.figures.grossCents,
          employerCostCents: p.figures.employerCostCents,
        })),
      },
    });
    return listYearEndTrueUps(tx, request.fiscalYearId, calendarDateOf(ctx.now()));
  });
}
