import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { LogInRequest } from '../../core/people/people-schemas.ts';
import type { AppContext } from '../app-context.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { verifyPassword } from './hash-password.ts';
import {
  accountKey,
  addressKey,
  assertNotThrottled,
  clearFailures,
  recordFailure,
} from './login-throttle.ts';
import { users } from './people-tables.ts';
import { createSession, revokeSession, type SessionRequestInfo } from './sessions.ts';

/**
 * Checks the password and opens a session. The answer is the same whether the account exists or not,
 * and takes as long (a decoy hash is verified for unknown accounts).
 */
export async function logIn(
  ctx: AppContext,
  input: LogInRequest,
  info: SessionRequestInfo & { previousSessionId?: string | null },
) {
  const now = ctx.now();
  const keys = [accountKey(input.email), addressKey(info.ipAddress)];
  await assertNotThrottled(ctx.db, keys, now);
  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, input.password);
  if (!user || !ok) {
    await recordFailure(ctx.db, keys, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  return ctx.db.transaction(async (tx) => {
    await clearFailures(tx, [accountKey(input.email)]);
    // Session fixation: a log-in never reuses the session the browser came with.
    if (info.previousSessionId) await revokeSession(tx, info.previousSessionId, now);
    const created = await createSession(tx, ctx.config.sessionSecret, user.id, info, now);
    await recordAudit(
      tx,
      {
        userId: user.id,
        label: user.email,
        roles: user.roles,
        locale: user.locale,
        ipAddress: info.ipAddress,
      },
      { action: 'session.login', objectType: 'session', objectId: created.session.id },
    );
    return { token: created.token, user };
  });
}
