import { eq } from 'drizzle-orm';
import { UpdateActivityRequest } from '../../core/activities/activity-schemas.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import { assertSupportReferent } from '../members/check-member-links.ts';
import { activities } from './activities-tables.ts';
import { requireActivity } from './activity-access.ts';

/** Renames an activity, changes its status (active, suspended, closed) or its referent. */
export async function updateActivity(
  ctx: AppContext,
  actor: Actor,
  activityId: string,
  input: UpdateActivityRequest,
) {
  const changes = UpdateActivityRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await requireActivity(tx, actor, activityId, 'manage', { lock: true });
    if (changes.referentId) await assertSupportReferent(tx, changes.referentId);
    if (before.kind === 'member' && changes.referentId === null)
      throw new AppError('ACTIVITY_REFERENT_REQUIRED');
    const [row] = await tx
      .update(activities)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(activities.id, activityId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'activity.update',
      objectType: 'activity',
      objectId: activityId,
      changes: diffFields(before as unknown as Record<string, unknown>, changes),
    });
    return row!;
  });
}
