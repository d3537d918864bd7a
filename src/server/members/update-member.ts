import { eq } from 'drizzle-orm';
import { UpdateMemberRequest, UpdateMyMemberRequest } from '../../core/members/member-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { assertFreeAccount, assertFreeEmail, assertSupportReferent } from './check-member-links.ts';
import { requireMember, requireOwnMember } from './member-access.ts';
import { memberKeys } from './member-keys.ts';
import { members } from './members-tables.ts';

type Row = typeof members.$inferSelect;
type Changes = ReturnType<typeof UpdateMemberRequest.parse>;

/** Support staff correct a member file, its referent or the account it belongs to. */
export async function updateMember(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  input: UpdateMemberRequest,
) {
  const changes = UpdateMemberRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireMember(tx, actor, memberId, 'manage', { lock: true });
    if (changes.referentId) await assertSupportReferent(tx, changes.referentId);
    if (changes.userId) await assertFreeAccount(tx, changes.userId, memberId);
    return applyMemberChanges(ctx, tx, actor, row, changes, 'member.update');
  });
}

/** The member corrects their own file: identity, contact, trades and skills, profile, IBAN (not the stage). */
export async function updateMyMember(ctx: AppContext, actor: Actor, input: UpdateMyMemberRequest) {
  const changes = UpdateMyMemberRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const own = await requireOwnMember(tx, actor);
    const [row] = await tx.select().from(members).where(eq(members.id, own.id)).for('update');
    return applyMemberChanges(ctx, tx, actor, row!, changes, 'member.update.self');
  });
}

async function applyMemberChanges(
  ctx: AppContext,
  tx: Db,
  actor: Actor,
  row: Row,
  changes: Changes,
  action: string,
) {
  if (changes.email) await assertFreeEmail(tx, changes.email, row.id);
  const { profile, ...plain } = changes;
  const next = {
    ...plain,
    ...(profile
      ? {
          profilePublished: profile.published,
          profileHeadline: profile.headline,
          profileBio: profile.bio,
          profileShowEmail: profile.showEmail,
        }
      : {}),
  };
  const merged = { ...row, ...next };
  const [updated] = await tx
    .update(members)
    .set({ ...next, ...memberKeys(merged), updatedAt: ctx.now() })
    .where(eq(members.id, row.id))
    .returning();
  const diff = diffFields(row as unknown as Record<string, unknown>, next);
  // The audit log says the bank details changed, never what they are.
  for (const secret of ['iban', 'bic']) if (secret in diff) diff[secret] = 'changed';
  await recordAudit(tx, actor, { action, objectType: 'member', objectId: row.id, changes: diff });
  return updated!;
}
