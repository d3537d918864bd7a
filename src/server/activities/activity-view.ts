import { asc, eq, inArray } from 'drizzle-orm';
import type { ActivityShareView, ActivityView } from '../../core/activities/activity-schemas.ts';
import { sharesOn } from '../../core/activities/change-activity-shares.ts';
import type { Db } from '../db/open-database.ts';
import { members } from '../members/members-tables.ts';
import { users } from '../people/people-tables.ts';
import { type activities, activityMembers } from './activities-tables.ts';

/** An activity with its referent, today's members and shares, and the history of its splits. */
export async function toActivityView(
  db: Db,
  row: typeof activities.$inferSelect,
  today: string,
): Promise<ActivityView> {
  const shares = await db
    .select({
      memberId: activityMembers.memberId,
      shareBp: activityMembers.shareBp,
      from: activityMembers.validFrom,
      to: activityMembers.validTo,
      firstName: members.firstName,
      lastName: members.lastName,
    })
    .from(activityMembers)
    .innerJoin(members, eq(members.id, activityMembers.memberId))
    .where(eq(activityMembers.activityId, row.id))
    .orderBy(asc(activityMembers.validFrom), asc(members.lastName), asc(members.firstName));
  const history: ActivityShareView[] = shares.map((s) => ({
    memberId: s.memberId,
    displayName: `${s.firstName} ${s.lastName}`,
    shareBp: s.shareBp,
    from: s.from,
    to: s.to,
  }));
  const current = sharesOn(history, today);
  const [referent] = row.referentId
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [row.referentId]))
    : [];
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    brand: row.brand,
    trade: row.trade,
    nafCode: row.nafCode,
    kind: row.kind,
    status: row.status,
    referent: referent ?? null,
    members: current,
    isGroup: current.length > 1,
    history,
    createdAt: row.createdAt.toISOString(),
  };
}
