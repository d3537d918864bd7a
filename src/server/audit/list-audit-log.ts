import { and, desc, eq, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { auditLog } from './audit-tables.ts';

const cooperativeTimeZone = 'Europe/Paris';

export type AuditFilter = {
  action?: string;
  objectType?: string;
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** Newest first, keyset-paginated on id so that a long log pages in constant time. */
export async function listAuditLog(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.action) where.push(ilike(auditLog.action, `${f.action}%`));
  if (f.objectType) where.push(eq(auditLog.objectType, f.objectType));
  if (f.actor) where.push(or(ilike(auditLog.actorLabel, `%${f.actor}%`))!);
  // Calendar days are the cooperative's (architecture.md: Europe/Paris), not UTC days.
  if (f.from)
    where.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp AT TIME ZONE ${cooperativeTimeZone}`);
  if (f.to)
    where.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp AT TIME ZONE ${cooperativeTimeZone}`);
  if (f.before) where.push(lt(auditLog.id, f.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
  const more = rows.length > f.limit;
  const page = rows.slice(0, f.limit);
  return { items: page, nextBefore: more ? (page[page.length - 1]?.id ?? null) : null };
}
