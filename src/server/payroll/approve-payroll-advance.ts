import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { payrollBasisForMonth } from '../../core/payroll/payroll-basis-for-month.ts';
import { PayrollAdvanceRequest } from '../../core/payroll/payroll-run-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { payrollAdvances } from './payroll-run-tables.ts';
import { eurosText, preparePayrollRun } from './prepare-payroll-run.ts';
import { loadJourney } from './salary-plan-rows.ts';

/**
 * The fund must have what the month's run would ask it to lend (issue 10): the member's shortfall as the run
 * sees it now, on top of the advances it already covers that month, within its cash not already lent. A month
 * not begun yet cannot be priced: the run checks the fund again then, and refuses with the reason.
 */
async function assertFundCovers(
  ctx: AppContext,
  tx: Db,
  calculator: SalaryCalculator,
  month: string,
  memberId: string,
  fund: { id: string; code: string },
) {
  let run: Awaited<ReturnType<typeof preparePayrollRun>>;
  try {
    run = await preparePayrollRun({ db: tx, now: ctx.now }, calculator, month, 'fr');
  } catch (e) {
    if (e instanceof AppError && e.code === 'PAYROLL_MONTH_FUTURE') return;
    throw e;
  }
  const line = run.prepared.find((l) => l.memberId === memberId);
  const needed = line?.status === 'refused' && line.shortfallCents > 0 ? line.shortfallCents : 0;
  const lent = run.prepared
    .filter((l) => l.status === 'advance' && l.advance?.fundActivityId === fund.id)
    .reduce((sum, l) => sum + l.shortfallCents, 0);
  const available = (run.fundCapacity.get(fund.id) ?? 0) - lent;
  if (needed > available)
    throw new AppError('PAYROLL_FUND_SHORT', {
      code: fund.code,
      balance: eurosText(Math.max(0, available)),
      needed: eurosText(needed),
    });
}

/**
 * A manager approves an advance for one member's salary of one month (issue 10): when the activity's treasury
 * cannot bear the employer cost, the run pays it anyway and a mutual fund (an activity of kind 'fund') advances
 * the shortfall. Only for a member with a CESA that month; once per member and month.
 */
export async function approvePayrollAdvance(
  ctx: AppContext,
  actor: Actor,
  calculator: SalaryCalculator,
  input: PayrollAdvanceRequest,
) {
  const request = PayrollAdvanceRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [fund] = await queryRows<{ id: string; code: string }>(
      tx,
      sql`SELECT id, code FROM activities WHERE id = ${request.fundActivityId} AND kind = 'fund'`,
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
    await assertFundCovers(ctx, tx, calculator, request.month, member.id, fund);
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
