import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { CreateMemberRequest } from '../../core/members/member-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertFreeAccount, assertFreeEmail, assertSupportReferent } from './check-member-links.ts';
import { memberKeys } from './member-keys.ts';
import { memberRestricted, members } from './members-tables.ts';
import { writeJourneyCaches } from './write-journey-caches.ts';

/** Opens a member file (support staff), with an empty journey: the person is a prospect. */
export async function createMember(ctx: AppContext, actor: Actor, input: CreateMemberRequest) {
  if (!can(actor.roles, 'members.manage')) throw new AppError('FORBIDDEN');
  const m = CreateMemberRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    if (m.referentId) await assertSupportReferent(tx, m.referentId);
    if (m.userId) await assertFreeAccount(tx, m.userId, null);
    if (m.email) await assertFreeEmail(tx, m.email, null);
    const now = ctx.now();
    const [row] = await tx
      .insert(members)
      .values({
        userId: m.userId,
        firstName: m.firstName,
        lastName: m.lastName,
        email: m.email,
        phone: m.phone,
        addressLine1: m.addressLine1,
        postalCode: m.postalCode,
        city: m.city,
        birthDate: m.birthDate,
        trades: m.trades,
        skills: m.skills,
        iban: m.iban,
        bic: m.bic,
        profilePublished: m.profile.published,
        profileHeadline: m.profile.headline,
        profileBio: m.profile.bio,
        profileShowEmail: m.profile.showEmail,
        referentId: m.referentId,
        ...memberKeys({ ...m, profileHeadline: m.profile.headline }),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(memberRestricted).values({ memberId: row!.id });
    await writeJourneyCaches(tx, row!.id, []);
    await recordAudit(tx, actor, {
      action: 'member.create',
      objectType: 'member',
      objectId: row!.id,
      changes: {
        firstName: m.firstName,
        lastName: m.lastName,
        email: m.email,
        referentId: m.referentId,
        userId: m.userId,
        iban: m.iban ? 'set' : null,
      },
    });
    return row!;
  });
}
