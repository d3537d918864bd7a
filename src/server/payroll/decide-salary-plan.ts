import { eq } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import {
  assertCanTransition,
  checkSalaryPlan,
  SalaryPlanDecision,
  type SalaryPlanView,
} from '../../core/payroll/salary-plan.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { members } from '../members/members-tables.ts';
import { salaryPlans } from './payroll-tables.ts';
import { loadJourney, toSalaryPlanView } from './salary-plan-rows.ts';

/**
 * Support staff approve or reject a proposed plan; the member withdraws their own. Approval checks the plan
 * against the journey again (it may have changed since the proposal: an end, a new fixed part).
 */
export async function decideSalaryPlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  decision: 'approved' | 'rejected' | 'withdrawn',
  input: { note?: string } = {},
): Promise<SalaryPlanView> {
  const { note } = SalaryPlanDecision.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(salaryPlans).where(eq(salaryPlans.id, planId)).for('update');
    if (!plan) throw new AppError('NOT_FOUND');
    const [member] = await tx.select().from(members).where(eq(members.id, plan.memberId)).for('update');
    const own = actor.userId !== null && member?.userId === actor.userId;
    if (decision === 'withdrawn') {
      // Only the member withdraws their own proposal; others do not even learn it exists.
      if (!own) throw new AppError(can(actor.roles, 'payroll.plans.read') ? 'FORBIDDEN' : 'NOT_FOUND');
    } else if (!can(actor.roles, 'payroll.plans.decide')) {
      throw new AppError(own || can(actor.roles, 'payroll.plans.read') ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    assertCanTransition(plan.status, decision);
    let fixedPartCents = plan.fixedPartCents;
    if (decision === 'approved')
      fixedPartCents = checkSalaryPlan(await loadJourney(tx, plan.memberId), {
        fromMonth: plan.fromMonth.slice(0, 7),
        monthlyGrossCents: plan.monthlyGrossCents,
      }).fixedPartCents;
    const [row] = await tx
      .update(salaryPlans)
      .set({
        status: decision,
        decidedBy: actor.userId,
        decidedAt: ctx.now(),
        decisionNote: note,
        fixedPartCents,
      })
      .where(eq(salaryPlans.id, planId))
      .returning();
    await recordAudit(tx, actor, {
      action: `salary_plan.${decision}`,
      objectType: 'salary_plan',
      objectId: planId,
      changes: { status: { from: plan.status, to: decision }, ...(note ? { note } : {}) },
    });
    return toSalaryPlanView(row!);
  });
}
