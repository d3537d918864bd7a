import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { payrollBasisForMonth } from '../../core/payroll/payroll-basis-for-month.ts';
import { PayrollAdvanceRequest } from '../../core/payroll/payroll-run-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { payrollAdvances } from './payroll-run-tables.ts';
import { loadJourney } from './salary-plan-rows.ts';

/**
 * A manager approves an advance for one member's salary of one month (issue 10): when the activity's treasury
 * cannot bear the employer cost, the run pays it anyway and a mutual fund (an activity of kind 'fund') advances
 * the shortfall. Only for a member with a CESA that month; once per member and month.
 */
export async function approvePayrollAdvance(ctx: AppContext, actor: Actor, input: PayrollAdvanceRequest) {
  const request = PayrollAdvanceRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [fund] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM activities WHERE id = ${request.fundActivityId} AND kind = 'fund'`,
    );
    if (!fund) throw new AppError('PAYROLL_FUND_NOT_FOUND');
    const [member] = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM members WHERE id = ${request.memberId} FOR UPDATE`,
    );
    if (!member) throw new AppError('NOT_FOUND');
    const basis = payrollBasisForMonth(await loadJourney(tx, member.id), [], request.month);
    if (basis?.kind !== 'salary')
      throw new AppError('PAYROLL_ADVANCE_NOT_SALARIED', { month: request.month });
    const [row] = await tx
      .insert(payrollAdvances)
      .values({
        memberId: member.id,
        month: `${request.month}-01`,
        fundActivityId: fund.id,
        note: request.note,
        approvedBy: actor.userId,
        approvedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('PAYROLL_ADVANCE_EXISTS', { month: request.month });
    await recordAudit(tx, actor, {
      action: 'payroll.advance.approve',
      objectType: 'payroll_advance',
      objectId: row.id,
      changes: { memberId: member.id, month: request.month, fundActivityId: fund.id, note: request.note },
    });
    return {
      id: row.id,
      memberId: row.memberId,
      month: request.month,
      fundActivityId: row.fundActivityId,
      note: row.note,
      approvedBy: row.approvedBy,
      approvedAt: row.approvedAt.toISOString(),
    };
  });
}
