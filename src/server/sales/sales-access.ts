import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { activities, activityMembers } from '../activities/activities-tables.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { members } from '../members/members-tables.ts';

/** Today in the cooperative's calendar (Europe/Paris): accounting and issue dates are calendar dates. */
export function salesToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The actor's member file id when they are, on `today`, one of the activity's members. */
export async function currentMemberOf(db: Db, actor: Actor, activityId: string, today: string) {
  if (!actor.userId) return null;
  const [row] = await db
    .select({ memberId: members.id })
    .from(activityMembers)
    .innerJoin(members, eq(members.id, activityMembers.memberId))
    .where(
      and(
        eq(activityMembers.activityId, activityId),
        eq(members.userId, actor.userId),
        lte(activityMembers.validFrom, today),
        or(isNull(activityMembers.validTo), gte(activityMembers.validTo, today)),
      ),
    )
    .limit(1);
  return row?.memberId ?? null;
}

/**
 * The activity whose sales the actor works on: anyone with sales.all (support, accounting, management,
 * admins), or a member of the activity today. Others get NOT_FOUND, as for an activity that does not
 * exist: a member never learns about another activity's clients or invoices.
 */
export async function requireSalesActivity(db: Db, actor: Actor, activityId: string, today: string) {
  const [activity] = await db.select().from(activities).where(eq(activities.id, activityId));
  if (!activity || !can(actor.roles, 'sales.use')) throw new AppError('NOT_FOUND');
  if (can(actor.roles, 'sales.all')) return { activity, memberId: null as string | null };
  const memberId = await currentMemberOf(db, actor, activityId, today);
  if (!memberId) throw new AppError('NOT_FOUND');
  return { activity, memberId };
}

/**
 * The activities whose documents a list may show: the one asked for (checked as above), every activity
 * for sales.all (`'all'`), or the actor's own activities today (empty: nothing to list).
 */
export async function listableSalesActivities(
  db: Db,
  actor: Actor,
  activityId: string | undefined,
  today: string,
): Promise<string[] | 'all'> {
  if (activityId) {
    await requireSalesActivity(db, actor, activityId, today);
    return [activityId];
  }
  if (can(actor.roles, 'sales.all')) return 'all';
  if (!actor.userId || !can(actor.roles, 'sales.use')) return [];
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
