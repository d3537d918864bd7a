import { eq } from 'drizzle-orm';
import { checkSalaryPlan, SalaryPlanProposal, type SalaryPlanView } from '../../core/payroll/salary-plan.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireOwnMember } from '../members/member-access.ts';
import { members } from '../members/members-tables.ts';
import { salaryPlans } from './payroll-tables.ts';
import { loadJourney, toSalaryPlanView } from './salary-plan-rows.ts';

/**
 * A member proposes their own salary plan: a monthly gross from a month on, under a running CESA and never below
 * its fixed part. It waits for support staff's decision.
 */
export async function proposeSalaryPlan(
  ctx: AppContext,
  actor: Actor,
  input: SalaryPlanProposal,
): Promise<SalaryPlanView> {
  const proposal = SalaryPlanProposal.parse(input);
  return ctx.db.transaction(async (tx) => {
    const member = await requireOwnMember(tx, actor);
    // One writer at a time per member: the journey read below stays the one the plan is checked against.
    await tx.select({ id: members.id }).from(members).where(eq(members.id, member.id)).for('update');
    const { fixedPartCents, contractId } = checkSalaryPlan(await loadJourney(tx, member.id), proposal);
    const [row] = await tx
      .insert(salaryPlans)
      .values({
        memberId: member.id,
        contractId,
        fromMonth: `${proposal.fromMonth}-01`,
        monthlyGrossCents: proposal.monthlyGrossCents,
        fixedPartCents,
        note: proposal.note,
        proposedBy: actor.userId,
        proposedAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'salary_plan.proposed',
      objectType: 'salary_plan',
      objectId: row!.id,
      changes: {
        memberId: member.id,
        fromMonth: proposal.fromMonth,
        monthlyGrossCents: proposal.monthlyGrossCents,
        fixedPartCents,
      },
    });
    return toSalaryPlanView(row!);
  });
}
