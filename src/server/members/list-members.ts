import { type SQL, sql } from 'drizzle-orm';
import type { DeadlineKind } from '../../core/members/compute-journey-deadlines.ts';
import type { JourneyStage } from '../../core/members/journey-schemas.ts';
import type { MemberSummary } from '../../core/members/member-schemas.ts';
import { normalizeTag } from '../../core/members/normalize-tag.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** The member list query once parsed (MemberListQuery). */
export type ParsedMemberQuery = {
  q?: string;
  stage?: JourneyStage;
  referent?: string;
  trade?: string;
  activityStatus?: 'active' | 'suspended' | 'closed' | 'none';
  deadline?: 'overdue' | 'within30' | 'within60' | 'within90';
  page: number;
  pageSize: number;
};

const bucketDays = { within30: 30, within60: 60, within90: 90 } as const;

/** The SQL conditions of the member list filters, on `members m`, as seen on `today`. */
export function memberFilters(query: ParsedMemberQuery, today: string, actorId: string | null): SQL[] {
  const where: SQL[] = [];
  if (query.q) {
    const key = normalizeTag(query.q).replace(/[%_\\]/g, (c) => `\\${c}`);
    where.push(sql`m.search_key LIKE ${`%${key}%`}`);
  }
  if (query.stage)
    where.push(sql`EXISTS (SELECT 1 FROM member_stage_periods p WHERE p.member_id = m.id AND p.stage = ${query.stage}
      AND p.from_on <= ${today}::date AND p.to_on >= ${today}::date)`);
  if (query.referent === 'me') where.push(actorId ? sql`m.referent_id = ${actorId}` : sql`false`);
  else if (query.referent === 'none') where.push(sql`m.referent_id IS NULL`);
  else if (query.referent) where.push(sql`m.referent_id = ${query.referent}`);
  if (query.trade) where.push(sql`m.trade_keys @> ARRAY[${normalizeTag(query.trade)}]::text[]`);
  if (query.activityStatus) {
    const current = sql`SELECT 1 FROM activity_members am JOIN activities a ON a.id = am.activity_id
      WHERE am.member_id = m.id AND am.valid_from <= ${today}::date AND (am.valid_to IS NULL OR am.valid_to >= ${today}::date)`;
    where.push(
      query.activityStatus === 'none'
        ? sql`NOT EXISTS (${current})`
        : sql`EXISTS (${current} AND a.status = ${query.activityStatus})`,
    );
  }
  if (query.deadline) {
    // Overdue, or due within N days (30 includes the first days of 60, and so on).
    const due =
      query.deadline === 'overdue'
        ? sql`d.due_on < ${today}::date`
        : sql`d.due_on >= ${today}::date AND d.due_on <= ${today}::date + ${bucketDays[query.deadline]}::int`;
    where.push(sql`EXISTS (SELECT 1 FROM member_deadlines d WHERE d.member_id = m.id AND NOT d.met
      AND d.relevant_until >= ${today}::date AND ${due})`);
  }
  return where;
}

type Row = {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  city: string;
  trades: string[];
  user_id: string | null;
  referent_id: string | null;
  referent_name: string | null;
  stage: JourneyStage | null;
  deadline_kind: DeadlineKind | null;
  deadline_due: string | null;
};

/**
 * The member list (portfolio): filtered by stage, referent, trade, activity status and deadline, searched by
 * name or e-mail, sorted by name and paginated on the server.
 */
export async function listMembers(
  db: Db,
  query: ParsedMemberQuery,
  today: string,
  actorId: string | null,
): Promise<{ items: MemberSummary[]; total: number }> {
  const where = memberFilters(query, today, actorId);
  const cond = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const [rows, [count]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`SELECT m.id, m.first_name, m.last_name, m.email, m.city, m.trades, m.user_id, m.referent_id,
          u.name AS referent_name,
          (SELECT p.stage FROM member_stage_periods p WHERE p.member_id = m.id
             AND p.from_on <= ${today}::date AND p.to_on >= ${today}::date LIMIT 1) AS stage,
          nd.kind AS deadline_kind, nd.due_on::text AS deadline_due
        FROM members m
        LEFT JOIN users u ON u.id = m.referent_id
        LEFT JOIN LATERAL (SELECT d.kind, d.due_on FROM member_deadlines d
          WHERE d.member_id = m.id AND NOT d.met AND d.relevant_until >= ${today}::date
          ORDER BY d.due_on LIMIT 1) nd ON true
        ${cond}
        ORDER BY m.last_name, m.first_name, m.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members m ${cond}`),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      displayName: `${r.first_name} ${r.last_name}`,
      email: r.email,
      city: r.city,
      trades: r.trades,
      stage: r.stage ?? 'prospect',
      referent: r.referent_id ? { id: r.referent_id, name: r.referent_name ?? '' } : null,
      nextDeadline:
        r.deadline_kind && r.deadline_due
          ? {
              kind: r.deadline_kind,
              dueOn: r.deadline_due,
              status: r.deadline_due < today ? ('overdue' as const) : ('upcoming' as const),
            }
          : null,
      hasAccount: r.user_id !== null,
    })),
  };
}
