import { eq } from 'drizzle-orm';
import { type RestrictedView, UpdateRestrictedRequest } from '../../core/members/member-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { requireMember, requireOwnMember } from './member-access.ts';
import { memberRestricted } from './members-tables.ts';

async function loadRestricted(db: Db, memberId: string): Promise<RestrictedView> {
  const [r] = await db.select().from(memberRestricted).where(eq(memberRestricted.memberId, memberId));
  return {
    benefitStatus: (r?.benefitStatus ?? 'none') as RestrictedView['benefitStatus'],
    benefitNote: r?.benefitNote ?? '',
    disabilityRecognized: r?.disabilityRecognized ?? false,
    otherEmployment: r?.otherEmployment ?? '',
    socialSecurityNumber: r?.socialSecurityNumber ?? null,
    updatedAt: r?.updatedAt?.toISOString() ?? null,
  };
}

/**
 * Reads a member's restricted social data (benefits, disability, other employment, social security
 * number): support staff and admins, or the member themself. Every read is written to the audit log.
 */
export async function readRestrictedData(ctx: AppContext, actor: Actor, memberId: string | 'mine') {
  return ctx.db.transaction(async (tx) => {
    const id =
      memberId === 'mine'
        ? (await requireOwnMember(tx, actor)).id
        : (await requireMember(tx, actor, memberId, 'restricted.read')).row.id;
    const data = await loadRestricted(tx, id);
    await recordAudit(tx, actor, { action: 'member.restricted.read', objectType: 'member', objectId: id });
    return data;
  });
}

/** Corrects restricted data; the audit log names the fields changed, never their values. */
export async function updateRestrictedData(
  ctx: AppContext,
  actor: Actor,
  memberId: string | 'mine',
  input: UpdateRestrictedRequest,
) {
  const changes = UpdateRestrictedRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const id =
      memberId === 'mine'
        ? (await requireOwnMember(tx, actor)).id
        : (await requireMember(tx, actor, memberId, 'restricted.manage', { lock: true })).row.id;
    const before = await loadRestricted(tx, id);
    const now = ctx.now();
    await tx
      .insert(memberRestricted)
      .values({ memberId: id, ...changes, updatedAt: now })
      .onConflictDoUpdate({ target: memberRestricted.memberId, set: { ...changes, updatedAt: now } });
    const changed = Object.keys(changes).filter(
      (k) =>
        JSON.stringify(before[k as keyof RestrictedView]) !==
        JSON.stringify(changes[k as keyof typeof changes]),
    );
    await recordAudit(tx, actor, {
      action: 'member.restricted.update',
      objectType: 'member',
      objectId: id,
      changes: { fields: changed },
    });
    return loadRestricted(tx, id);
  });
}
