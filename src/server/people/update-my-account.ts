import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { UpdateMyAccountRequest } from '../../core/people/people-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import { hashPassword, verifyPassword } from './hash-password.ts';
import { accountKey, assertNotThrottled, recordFailure } from './login-throttle.ts';
import { users } from './people-tables.ts';
import { revokeAllSessions } from './sessions.ts';

export async function updateMyAccount(
  ctx: AppContext,
  actor: Actor & { userId: string },
  input: UpdateMyAccountRequest,
) {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .update(users)
      .set({ ...input, updatedAt: ctx.now() })
      .where(eq(users.id, actor.userId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.update_self',
      objectType: 'user',
      objectId: actor.userId,
      changes: diffFields({ name: before.name, locale: before.locale }, input),
    });
    return row!;
  });
}

/**
 * Changes one's own password after checking the current one; every other session ends. Wrong current
 * passwords count against the account like failed log-ins, so that a borrowed session cannot be used to
 * guess the password.
 */
export async function changeMyPassword(
  ctx: AppContext,
  actor: Actor & { userId: string },
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('NOT_FOUND');
  const key = [accountKey(user.email)];
  await assertNotThrottled(ctx.db, key, ctx.now());
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailure(ctx.db, key, ctx.now());
    throw new AppError('WRONG_PASSWORD');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now() }).where(eq(users.id, actor.userId));
    const ended = await revokeAllSessions(tx, actor.userId, ctx.now(), sessionId);
    await recordAudit(tx, actor, {
      action: 'password.change',
      objectType: 'user',
      objectId: actor.userId,
      changes: { sessionsEnded: ended },
    });
  });
}
