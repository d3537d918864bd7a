import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AcceptInvitationRequest } from '../../core/people/people-schemas.ts';
import type { AppContext } from '../app-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isUniqueViolation } from '../db/is-unique-violation.ts';
import { hashPassword } from './hash-password.ts';
import { invitationStatus } from './invite-person.ts';
import { invitations, users } from './people-tables.ts';
import { hashSecretToken } from './secret-token.ts';
import { createSession, revokeSession, type SessionRequestInfo } from './sessions.ts';

/** What the invitation page shows before the person chooses a password. */
export async function findInvitationByToken(ctx: AppContext, token: string) {
  const [i] = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecretToken(ctx.config.sessionSecret, token)))
    .limit(1);
  if (!i || invitationStatus(i, ctx.now()) !== 'pending') throw new AppError('TOKEN_INVALID');
  return {
    email: i.email,
    name: i.name,
    roles: i.roles,
    locale: i.locale,
    expiresAt: i.expiresAt.toISOString(),
  };
}

/**
 * Creates the invited person's account with the chosen password and logs them in (in a new session; the
 * one the browser came with ends). The invitation row is
 * locked, so two simultaneous acceptances create one account and the second gets TOKEN_INVALID.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: AcceptInvitationRequest,
  info: SessionRequestInfo & { previousSessionId?: string | null },
) {
  const now = ctx.now();
  const passwordHash = await hashPassword(input.password);
  return ctx.db
    .transaction(async (tx) => {
      const [i] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, hashSecretToken(ctx.config.sessionSecret, input.token)))
        .for('update');
      if (!i || invitationStatus(i, now) !== 'pending') throw new AppError('TOKEN_INVALID');
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, i.email));
      if (taken) throw new AppError('EMAIL_ALREADY_USED', { email: i.email });
      const [user] = await tx
        .insert(users)
        .values({
          email: i.email,
          name: input.name ?? i.name,
          passwordHash,
          roles: i.roles,
          locale: i.locale,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx
        .update(invitations)
        .set({ acceptedAt: now, acceptedUserId: user!.id })
        .where(eq(invitations.id, i.id));
      const actor = {
        userId: user!.id,
        label: user!.email,
        roles: user!.roles,
        locale: user!.locale,
        ipAddress: info.ipAddress,
      };
      await recordAudit(tx, actor, {
        action: 'invitation.accept',
        objectType: 'user',
        objectId: user!.id,
        changes: { email: user!.email, name: user!.name, roles: user!.roles, invitationId: i.id },
      });
      // Like a log-in: the browser's previous session (say, the administrator testing the link) ends.
      if (info.previousSessionId) await revokeSession(tx, info.previousSessionId, now);
      const session = await createSession(tx, ctx.config.sessionSecret, user!.id, info, now);
      return { token: session.token, user: user! };
    })
    .catch((error: unknown) => {
      // An account for the address was created at the same moment (say, by `mutua create-admin`).
      if (isUniqueViolation(error, 'users_email_key')) throw new AppError('EMAIL_ALREADY_USED');
      throw error;
    });
}
