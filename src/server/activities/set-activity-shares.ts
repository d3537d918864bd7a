import { and, eq, inArray } from 'drizzle-orm';
import { SetActivitySharesRequest } from '../../core/activities/activity-schemas.ts';
import { changeActivityShares } from '../../core/activities/change-activity-shares.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { members } from '../members/members-tables.ts';
import { type activities, activityMembers } from './activities-tables.ts';
import { requireActivity } from './activity-access.ts';

/**
 * Writes a new split of an activity between its members from a date, in the caller's transaction: shares
 * add up to 100 % at every date (src/core/activities), history is kept.
 */
export async function writeActivityShares(
  tx: Db,
  activity: typeof activities.$inferSelect,
  from: string,
  shares: readonly { memberId: string; shareBp: number }[],
) {
  if (activity.kind !== 'member') throw new AppError('ACTIVITY_SHARES_KIND');
  const ids = [...new Set(shares.map((s) => s.memberId))];
  const found = await tx.select({ id: members.id }).from(members).where(inArray(members.id, ids));
  if (found.length !== ids.length) throw new AppError('NOT_FOUND');
  const rows = await tx.select().from(activityMembers).where(eq(activityMembers.activityId, activity.id));
  const next = changeActivityShares(
    rows.map((r) => ({ memberId: r.memberId, shareBp: r.shareBp, from: r.validFrom, to: r.validTo })),
    from,
    shares,
  );
  await tx
    .delete(activityMembers)
    .where(and(eq(activityMembers.activityId, activity.id), eq(activityMembers.validFrom, from)));
  for (const r of rows) {
    if (r.validFrom === from) continue; // replaced above
    const closed = next.find((n) => n.memberId === r.memberId && n.from === r.validFrom);
    if (closed && closed.to !== r.validTo)
      await tx.update(activityMembers).set({ validTo: closed.to }).where(eq(activityMembers.id, r.id));
  }
  await tx.insert(activityMembers).values(
    shares.map((s) => ({
      activityId: activity.id,
      memberId: s.memberId,
      shareBp: s.shareBp,
      validFrom: from,
    })),
  );
}

/** Support staff set who runs an activity, and with which shares, from a date (several: a cooperative group). */
export async function setActivityShares(
  ctx: AppContext,
  actor: Actor,
  activityId: string,
  input: SetActivitySharesRequest,
) {
  const { from, shares } = SetActivitySharesRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const activity = await requireActivity(tx, actor, activityId, 'manage', { lock: true });
    await writeActivityShares(tx, activity, from, shares);
    await recordAudit(tx, actor, {
      action: 'activity.shares',
      objectType: 'activity',
      objectId: activityId,
      changes: { from, shares },
    });
    return activity;
  });
}
