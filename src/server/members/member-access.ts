import { eq } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { members } from './members-tables.ts';

/** Today in the cooperative's calendar (Europe/Paris). */
export function todayOf(ctx: AppContext): string {
  return calendarDateOf(ctx.now());
}

/**
 * What a person wants to do with a member file:
 * - read: support, management and accounting read every file; a member reads their own.
 * - manage: support staff and admins only (a member edits their own file through /me/member).
 * - restricted.read: support and admins, and the member themself (issue 3: the restricted class).
 * - restricted.manage: support and admins who manage files, and the member themself.
 */
export type MemberNeed = 'read' | 'manage' | 'restricted.read' | 'restricted.manage';

function allows(actor: Actor, need: MemberNeed, self: boolean): boolean {
  const r = actor.roles;
  switch (need) {
    case 'read':
      return self || can(r, 'members.read');
    case 'manage':
      return can(r, 'members.manage');
    case 'restricted.read':
      return self || can(r, 'members.restricted.read');
    case 'restricted.manage':
      return self || (can(r, 'members.restricted.read') && can(r, 'members.manage'));
  }
}

/**
 * The member file, if the actor may do `need` with it. Someone who may not even read it gets NOT_FOUND,
 * exactly as for an id that does not exist: nobody learns that a record they may not see exists.
 * Someone who may read it but not do this gets FORBIDDEN.
 */
export async function requireMember(
  db: Db,
  actor: Actor,
  memberId: string,
  need: MemberNeed,
  options: { lock?: boolean } = {},
) {
  const query = db.select().from(members).where(eq(members.id, memberId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND');
  const self = actor.userId !== null && row.userId === actor.userId;
  if (allows(actor, need, self)) return { row, self };
  if (allows(actor, 'read', self)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** The member file linked to the actor's account, or NOT_FOUND. */
export async function requireOwnMember(db: Db, actor: Actor) {
  if (!actor.userId) throw new AppError('NOT_FOUND');
  const [row] = await db.select().from(members).where(eq(members.userId, actor.userId));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
