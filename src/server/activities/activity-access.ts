import { and, eq } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { members } from '../members/members-tables.ts';
import { activities, activityMembers } from './activities-tables.ts';

/** Whether the actor's member file has ever had a share of the activity. */
async function isMemberOf(db: Db, actor: Actor, activityId: string): Promise<boolean> {
  if (!actor.userId) return false;
  const [r] = await db
    .select({ id: activityMembers.id })
    .from(activityMembers)
    .innerJoin(members, eq(members.id, activityMembers.memberId))
    .where(and(eq(activityMembers.activityId, activityId), eq(members.userId, actor.userId)))
    .limit(1);
  return r !== undefined;
}

/**
 * The activity, if the actor may read it (activities.read, or one of its members) or manage it
 * (activities.manage). Others get NOT_FOUND, as for an id that does not exist; a member of the activity
 * who may not manage it gets FORBIDDEN.
 */
export async function requireActivity(
  db: Db,
  actor: Actor,
  activityId: string,
  need: 'read' | 'manage',
  options: { lock?: boolean } = {},
) {
  const query = db.select().from(activities).where(eq(activities.id, activityId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  if (need === 'manage' && can(actor.roles, 'activities.manage')) return row;
  const reader = can(actor.roles, 'activities.read') || (await isMemberOf(db, actor, activityId));
  if (need === 'read' && reader) return row;
  throw new AppError(reader ? 'FORBIDDEN' : 'NOT_FOUND');
}
