import { and, eq, ne, sql } from 'drizzle-orm';
import type { Role } from '../../core/access/roles.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import { users } from './people-tables.ts';
import { revokeAllSessions } from './sessions.ts';

/** Serializes changes to people's roles and states (see below). */
const PEOPLE_LOCK = 4_242_002;

/**
 * Changes a person's roles or disables them (admin). Disabling ends their sessions. The cooperative always
 * keeps at least one active administrator.
 */
export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { roles?: Role[]; active?: boolean },
) {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // One change at a time. Row locks alone are not enough: two administrators demoting each other lock
    // their own rows first, then wait for each other's (a deadlock, answered as an internal error).
    // Waiting here instead, the second change sees the first one's result and gets LAST_ADMIN.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PEOPLE_LOCK})`);
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    const after = { roles: input.roles ?? before.roles, active: input.active ?? before.active };
    const losesAdmin =
      before.active && before.roles.includes('admin') && !(after.active && after.roles.includes('admin'));
    if (losesAdmin) {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(ne(users.id, userId), eq(users.active, true), sql`'admin' = ANY(${users.roles})`))
        .for('update');
      if (others.length === 0) throw new AppError('LAST_ADMIN');
    }
    const [row] = await tx
      .update(users)
      .set({ ...after, updatedAt: now })
      .where(eq(users.id, userId))
      .returning();
    if (!after.active && before.active) await revokeAllSessions(tx, userId, now);
    await recordAudit(tx, actor, {
      action: 'user.update',
      objectType: 'user',
      objectId: userId,
      changes: diffFields({ roles: before.roles, active: before.active }, after),
    });
    return row!;
  });
}
