import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import {
  type SalaryPlanStatus,
  type SalaryPlanView,
  salaryPlanForMonth,
} from '../../core/payroll/salary-plan.ts';
import type { Db } from '../db/open-database.ts';
import { members } from '../members/members-tables.ts';
import { salaryPlans } from './payroll-tables.ts';
import { toSalaryPlanView } from './salary-plan-rows.ts';

/** Plans, newest proposal first: one member's history, or the proposals waiting for a decision. */
export async function listSalaryPlans(
  db: Db,
  filter: { memberId?: string; status?: SalaryPlanStatus },
): Promise<SalaryPlanView[]> {
  const where: SQL[] = [];
  if (filter.memberId) where.push(eq(salaryPlans.memberId, filter.memberId));
  if (filter.status) where.push(eq(salaryPlans.status, filter.status));
  const rows = await db
    .select({ plan: salaryPlans, firstName: members.firstName, lastName: members.lastName })
    .from(salaryPlans)
    .innerJoin(members, eq(members.id, salaryPlans.memberId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(salaryPlans.proposedAt), asc(salaryPlans.id))
    .limit(500);
  return rows.map((r) => ({ ...toSalaryPlanView(r.plan), memberName: `${r.firstName} ${r.lastName}` }));
}

/** A member's history, and the plan in force for the month. */
export async function memberSalaryPlans(db: Db, memberId: string, month: string) {
  const plans = await listSalaryPlans(db, { memberId });
  return { current: salaryPlanForMonth(plans, month), plans };
}
