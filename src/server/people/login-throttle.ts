import { inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Db } from '../db/open-database.ts';
import { loginThrottle } from './people-tables.ts';

/** OWASP Authentication Cheat Sheet: limit failures per account and per source address. */
export const throttleRules = {
  account: { maxFailures: 5, windowMinutes: 15, blockMinutes: 15 },
  address: { maxFailures: 30, windowMinutes: 15, blockMinutes: 15 },
  reset: { maxFailures: 5, windowMinutes: 60, blockMinutes: 60 },
} as const;

export type ThrottleKey = { key: string; rule: keyof typeof throttleRules };

export const accountKey = (email: string): ThrottleKey => ({ key: `account:${email}`, rule: 'account' });
export const addressKey = (ip: string | null): ThrottleKey => ({
  key: `address:${ip ?? 'unknown'}`,
  rule: 'address',
});

/** Refuses when any of the keys is blocked now. */
export async function assertNotThrottled(db: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  const rows = await db
    .select()
    .from(loginThrottle)
    .where(
      inArray(
        loginThrottle.key,
        keys.map((k) => k.key),
      ),
    );
  const blockedUntil = rows
    .map((r) => r.blockedUntil)
    .filter((d): d is Date => d !== null && d > now)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (blockedUntil) {
    throw new AppError('TOO_MANY_ATTEMPTS', {
      minutes: Math.ceil((blockedUntil.getTime() - now.getTime()) / 60_000),
    });
  }
}

/** Counts one failure against each key, atomically (one upsert per key, safe across instances). */
export async function recordFailure(db: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const { key, rule } of keys) {
    const r = throttleRules[rule];
    const windowStart = new Date(now.getTime() - r.windowMinutes * 60_000).toISOString();
    const blockUntil = new Date(now.getTime() + r.blockMinutes * 60_000).toISOString();
    const at = now.toISOString();
    await db.execute(sql`
      INSERT INTO login_throttle (key, failures, window_started_at, blocked_until)
      VALUES (${key}, 1, ${at}, ${r.maxFailures <= 1 ? blockUntil : null})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_throttle.window_started_at < ${windowStart} THEN 1 ELSE login_throttle.failures + 1 END,
        window_started_at = CASE WHEN login_throttle.window_started_at < ${windowStart} THEN ${at}::timestamptz
                                 ELSE login_throttle.window_started_at END,
        blocked_until = CASE
          WHEN login_throttle.window_started_at >= ${windowStart} AND login_throttle.failures + 1 >= ${r.maxFailures}
          THEN ${blockUntil}::timestamptz ELSE login_throttle.blocked_until END`);
  }
}

export async function clearFailures(db: Db, keys: ThrottleKey[]): Promise<void> {
  await db.delete(loginThrottle).where(
    inArray(
      loginThrottle.key,
      keys.map((k) => k.key),
    ),
  );
}
