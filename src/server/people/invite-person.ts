import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../core/access/roles.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import { isUniqueViolation } from '../db/is-unique-violation.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { invitations, users } from './people-tables.ts';
import { createSecretToken, hashSecretToken } from './secret-token.ts';

export const invitationValidDays = 7;

/**
 * An administrator invites someone by e-mail with their roles. The mail carries a single-use link, valid
 * 7 days, where the person chooses a password. An expired invitation for the same address is replaced.
 */
export async function invitePerson(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; name: string; roles: Role[]; locale: Locale },
) {
  const now = ctx.now();
  return ctx.db
    .transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, input.email))
        .limit(1);
      if (existing) throw new AppError('EMAIL_ALREADY_USED', { email: input.email });
      const [open] = await tx
        .select()
        .from(invitations)
        .where(
          and(
            eq(invitations.email, input.email),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .for('update');
      if (open) {
        if (open.expiresAt > now) throw new AppError('INVITATION_PENDING', { email: input.email });
        await tx.update(invitations).set({ revokedAt: now }).where(eq(invitations.id, open.id));
      }
      const token = createSecretToken();
      const [invitation] = await tx
        .insert(invitations)
        .values({
          email: input.email,
          name: input.name,
          roles: input.roles,
          locale: input.locale,
          tokenHash: hashSecretToken(ctx.config.sessionSecret, token),
          invitedBy: actor.userId,
          expiresAt: new Date(now.getTime() + invitationValidDays * 86_400_000),
          createdAt: now,
        })
        .returning();
      const [coop] = await tx.select({ name: cooperative.legalName }).from(cooperative);
      // The mail names the person who invites, not their log-in address.
      const [inviter] = actor.userId
        ? await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId))
        : [];
      await enqueueEmail(tx, {
        now,
        to: input.email,
        toName: input.name,
        locale: input.locale,
        template: 'invitation',
        vars: {
          name: input.name,
          inviterName: inviter?.name ?? actor.label,
          cooperativeName: coop?.name ?? 'Mutua',
          url: `${ctx.config.publicUrl}/invitation/${token}`,
          expiresDays: invitationValidDays,
        },
      });
      await recordAudit(tx, actor, {
        action: 'invitation.create',
        objectType: 'invitation',
        objectId: invitation!.id,
        changes: { email: input.email, name: input.name, roles: input.roles },
      });
      return { invitation: invitation!, token };
    })
    .catch((error: unknown) => {
      // Invited at the same moment by another request: the index allows one open invitation per address.
      if (isUniqueViolation(error, 'invitations_open_email_key'))
        throw new AppError('INVITATION_PENDING', { email: input.email });
      throw error;
    });
}

/** Pending, accepted, expired or revoked, from the dates. */
export function invitationStatus(i: typeof invitations.$inferSelect, now: Date) {
  if (i.acceptedAt) return 'accepted' as const;
  if (i.revokedAt) return 'revoked' as const;
  if (i.expiresAt <= now) return 'expired' as const;
  return 'pending' as const;
}
