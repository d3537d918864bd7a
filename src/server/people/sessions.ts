import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { sessions, users } from './people-tables.ts';
import { createSecretToken, hashSecretToken } from './secret-token.ts';

/** A session ends after 14 days without use, and after 30 days whatever happens. */
export const sessionIdleDays = 14;
export const sessionMaxDays = 30;
const touchEveryMs = 5 * 60_000;

export type SessionRequestInfo = { ipAddress: string | null; userAgent: string | null };

/** Opens a new session with a fresh token (rotated at each log-in) and its CSRF token. */
export async function createSession(
  db: Db,
  secret: string,
  userId: string,
  info: SessionRequestInfo,
  now: Date,
) {
  const token = createSecretToken();
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      tokenHash: hashSecretToken(secret, token),
      csrfToken: createSecretToken(),
      ipAddress: info.ipAddress,
      userAgent: info.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionMaxDays * 86_400_000),
    })
    .returning();
  return { token, session: row! };
}

export type SessionUser = {
  sessionId: string;
  csrfToken: string;
  user: typeof users.$inferSelect;
};

/** The live session behind a cookie token, or null (revoked, expired, idle too long, person disabled). */
export async function findSession(
  db: Db,
  secret: string,
  token: string,
  now: Date,
): Promise<SessionUser | null> {
  const idleLimit = new Date(now.getTime() - sessionIdleDays * 86_400_000);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashSecretToken(secret, token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleLimit),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  // Touch at most every few minutes: reading a page should not write on every request.
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return { sessionId: row.session.id, csrfToken: row.session.csrfToken, user: row.user };
}

export async function revokeSession(db: Db, sessionId: string, now: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every live session of a person, except one when given. Returns how many ended. */
export async function revokeAllSessions(db: Db, userId: string, now: Date, exceptSessionId?: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : sql`true`,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
