import { eq } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { CreateActivityRequest } from '../../core/activities/activity-schemas.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertSupportReferent } from '../members/check-member-links.ts';
import { activities } from './activities-tables.ts';
import { writeActivityShares } from './set-activity-shares.ts';

/**
 * Creates an activity: a unique short code (it appears in numbering and in the books, so it never
 * changes), a referent for a member activity, and optionally its first members with their shares.
 */
export async function createActivity(ctx: AppContext, actor: Actor, input: CreateActivityRequest) {
  if (!can(actor.roles, 'activities.manage')) throw new AppError('FORBIDDEN');
  const a = CreateActivityRequest.parse(input);
  if (a.kind === 'member' && !a.referentId) throw new AppError('ACTIVITY_REFERENT_REQUIRED');
  if (a.kind !== 'member' && a.members) throw new AppError('ACTIVITY_SHARES_KIND');
  return ctx.db.transaction(async (tx) => {
    if (a.referentId) await assertSupportReferent(tx, a.referentId);
    const [taken] = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(eq(activities.code, a.code));
    if (taken) throw new AppError('ACTIVITY_CODE_TAKEN', { code: a.code });
    if (a.kind === 'structure') {
      const [structure] = await tx
        .select({ id: activities.id })
        .from(activities)
        .where(eq(activities.kind, 'structure'));
      if (structure) throw new AppError('ACTIVITY_STRUCTURE_EXISTS');
    }
    const now = ctx.now();
    const [row] = await tx
      .insert(activities)
      .values({
        code: a.code,
        name: a.name,
        brand: a.brand,
        trade: a.trade,
        nafCode: a.nafCode,
        kind: a.kind,
        referentId: a.referentId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (a.members) await writeActivityShares(tx, row!, a.members.from, a.members.shares);
    await recordAudit(tx, actor, {
      action: 'activity.create',
      objectType: 'activity',
      objectId: row!.id,
      changes: {
        code: a.code,
        name: a.name,
        kind: a.kind,
        referentId: a.referentId,
        members: a.members ?? null,
      },
    });
    return row!;
  });
}
