import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Db } from '../db/open-database.ts';
import { users } from '../people/people-tables.ts';
import { members } from './members-tables.ts';

/** A referent is an active account of the support team (issue 3: "referent support person"). */
export async function assertSupportReferent(db: Db, userId: string) {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), sql`'support' = ANY(${users.roles})`));
  if (!u) throw new AppError('REFERENT_NOT_SUPPORT');
}

/** The account exists and belongs to no other member file. */
export async function assertFreeAccount(db: Db, userId: string, memberId: string | null) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!u) throw new AppError('NOT_FOUND');
  const [taken] = await db
    .select({ id: members.id })
    .from(members)
    .where(memberId ? and(eq(members.userId, userId), ne(members.id, memberId)) : eq(members.userId, userId));
  if (taken) throw new AppError('MEMBER_ACCOUNT_TAKEN');
}

/** No other member file uses the address. */
export async function assertFreeEmail(db: Db, email: string, memberId: string | null) {
  const [taken] = await db
    .select({ id: members.id })
    .from(members)
    .where(memberId ? and(eq(members.email, email), ne(members.id, memberId)) : eq(members.email, email));
  if (taken) throw new AppError('MEMBER_EMAIL_TAKEN', { email });
}
