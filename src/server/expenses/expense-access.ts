import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { activities, activityMembers } from '../activities/activities-tables.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { members } from '../members/members-tables.ts';
import { currentMemberOf } from '../sales/sales-access.ts';

/**
 * The activity whose expenses the actor works on: anyone with expenses.all (support, accounting, management), or
 * one of its members today. Others get NOT_FOUND, as for an activity that does not exist: a member never learns
 * about another activity's expenses. `memberId` is the actor's own member file in the activity, if any.
 */
export async function requireExpenseActivity(db: Db, actor: Actor, activityId: string, today: string) {
  const [activity] = await db.select().from(activities).where(eq(activities.id, activityId));
  if (!activity || !can(actor.roles, 'expenses.use')) throw new AppError('NOT_FOUND');
  const memberId = await currentMemberOf(db, actor, activityId, today);
  if (!memberId && !can(actor.roles, 'expenses.all')) throw new AppError('NOT_FOUND');
  return { activity, memberId };
}

/** The activities a list may show: every one for expenses.all (`'all'`), else the actor's own today. */
export async function listableExpenseActivities(
  db: Db,
  actor: Actor,
  today: string,
): Promise<string[] | 'all'> {
  if (can(actor.roles, 'expenses.all')) return 'all';
  if (!actor.userId || !can(actor.roles, 'expenses.use')) return [];
  const mine = await db
    .select({ id: activityMembers.activityId })
    .from(activityMembers)
    .innerJoin(members, eq(members.id, activityMembers.memberId))
    .where(
      and(
        eq(members.userId, actor.userId),
        lte(activityMembers.validFrom, today),
        or(isNull(activityMembers.validTo), gte(activityMembers.validTo, today)),
      ),
    );
  return mine.map((m) => m.id);
}

/**
 * The date of an expense or a supplier invoice: not after today, not inside a closed fiscal year (its cost would
 * belong to books that can no longer change: ledger.md invariant 5).
 */
export async function assertExpenseDate(db: Db, date: string, today: string) {
  if (date > today) throw new AppError('EXPENSE_DATE_IN_FUTURE', { date });
  const [closed] = await queryRows<{ id: number }>(
    db,
    sql`SELECT id FROM fiscal_years WHERE status = 'closed' AND ${date}::date BETWEEN start_date AND end_date`,
  );
  if (closed) throw new AppError('EXPENSE_DATE_CLOSED_YEAR', { date });
}
