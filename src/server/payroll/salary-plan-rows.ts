import { asc, eq } from 'drizzle-orm';
import type { SalaryPlanView } from '../../core/payroll/salary-plan.ts';
import type { Db } from '../db/open-database.ts';
import { toJourneyEntry } from '../members/journey-rows.ts';
import { journeyEntries } from '../members/members-tables.ts';
import type { salaryPlans } from './payroll-tables.ts';

/** A stored plan as the API shows it. */
export function toSalaryPlanView(r: typeof salaryPlans.$inferSelect): SalaryPlanView {
  return {
    id: r.id,
    memberId: r.memberId,
    fromMonth: r.fromMonth.slice(0, 7),
    monthlyGrossCents: r.monthlyGrossCents,
    fixedPartCents: r.fixedPartCents,
    status: r.status,
    note: r.note,
    proposedAt: r.proposedAt.toISOString(),
    proposedBy: r.proposedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy,
    decisionNote: r.decisionNote,
  };
}

/** A member's journey, as the core reads it. */
export async function loadJourney(db: Db, memberId: string) {
  const rows = await db
    .select()
    .from(journeyEntries)
    .where(eq(journeyEntries.memberId, memberId))
    .orderBy(asc(journeyEntries.onDate), asc(journeyEntries.id));
  return rows.map(toJourneyEntry);
}
