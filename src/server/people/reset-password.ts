import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { hashPassword } from './hash-password.ts';
import { assertNotThrottled, recordFailure } from './login-throttle.ts';
import { passwordResetTokens, users } from './people-tables.ts';
import { createSecretToken, hashSecretToken } from './secret-token.ts';
import { revokeAllSessions } from './sessions.ts';

export const resetValidMinutes = 60;

export const PASSWORD_RESET_JOB = 'password.reset_link';

/**
 * Asks for a single-use reset link. The caller always gets the same answer, in the same time: whether the
 * address has an account is only looked up later by a job (sendPasswordResetLink), so neither the answer
 * nor its timing tells who has an account. At most 5 requests an hour per address.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, ipAddress: string | null) {
  const now = ctx.now();
  const key = { key: `reset:${email}`, rule: 'reset' as const };
  try {
    await assertNotThrottled(ctx.db, [key], now);
  } catch {
    return; // silently: answering differently would tell that the address exists
  }
  await recordFailure(ctx.db, [key], now);
  await enqueueJob(ctx.db, PASSWORD_RESET_JOB, { email, ipAddress }, now);
}

/** The job behind requestPasswordReset: mails the link if the address belongs to an active account. */
export async function sendPasswordResetLink(
  ctx: AppContext,
  { email, ipAddress }: { email: string; ipAddress: string | null },
) {
  const now = ctx.now();
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user?.active) return;
  const token = createSecretToken();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: hashSecretToken(ctx.config.sessionSecret, token),
      expiresAt: new Date(now.getTime() + resetValidMinutes * 60_000),
      createdAt: now,
    });
    const [coop] = await tx.select({ name: cooperative.legalName }).from(cooperative);
    await enqueueEmail(tx, {
      now,
      to: user.email,
      toName: user.name,
      locale: user.locale,
      template: 'passwordReset',
      vars: {
        name: user.name,
        cooperativeName: coop?.name ?? 'Mutua',
        url: `${ctx.config.publicUrl}/reset-password/${token}`,
        expiresMinutes: resetValidMinutes,
      },
    });
    await recordAudit(
      tx,
      { userId: null, label: 'anonymous', roles: [], locale: 'fr', ipAddress },
      { action: 'password.reset_requested', objectType: 'user', objectId: user.id },
    );
  });
}

/** Sets a new password from a reset link; the link then stops working and every session ends. */
export async function resetPassword(
  ctx: AppContext,
  token: string,
  password: string,
  ipAddress: string | null,
) {
  const now = ctx.now();
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashSecretToken(ctx.config.sessionSecret, token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .for('update');
    if (!t) throw new AppError('TOKEN_INVALID');
    const [user] = await tx.select().from(users).where(eq(users.id, t.userId));
    if (!user?.active) throw new AppError('TOKEN_INVALID');
    await tx.update(passwordResetTokens).set({ usedAt: now }).where(eq(passwordResetTokens.id, t.id));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await revokeAllSessions(tx, user.id, now);
    await recordAudit(
      tx,
      { userId: user.id, label: user.email, roles: user.roles, locale: user.locale, ipAddress },
      { action: 'password.reset', objectType: 'user', objectId: user.id },
    );
  });
}
