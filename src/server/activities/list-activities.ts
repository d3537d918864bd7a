import { type SQL, sql } from 'drizzle-orm';
import type {
  ActivityKind,
  ActivityStatus,
  ActivitySummary,
} from '../../core/activities/activity-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type Row = {
  id: string;
  code: string;
  name: string;
  brand: string;
  trade: string;
  kind: ActivityKind;
  status: ActivityStatus;
  referent_id: string | null;
  referent_name: string | null;
  member_names: string[] | null;
};

/**
 * Activities, filtered and paginated, each with the names of its members today. `onlyOfUser` limits the
 * list to the activities a person's member file has (or had) a share of.
 */
export async function listActivities(
  db: Db,
  query: {
    q?: string;
    kind?: ActivityKind;
    status?: ActivityStatus;
    memberId?: string;
    page: number;
    pageSize: number;
  },
  today: string,
  onlyOfUser: string | null = null,
): Promise<{ items: ActivitySummary[]; total: number }> {
  const where: SQL[] = [];
  if (query.q) {
    const q = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(a.code ILIKE ${q} OR a.name ILIKE ${q} OR a.brand ILIKE ${q} OR a.trade ILIKE ${q})`);
  }
  if (query.kind) where.push(sql`a.kind = ${query.kind}`);
  if (query.status) where.push(sql`a.status = ${query.status}`);
  if (query.memberId)
    where.push(
      sql`EXISTS (SELECT 1 FROM activity_members x WHERE x.activity_id = a.id AND x.member_id = ${query.memberId})`,
    );
  if (onlyOfUser)
    where.push(sql`EXISTS (SELECT 1 FROM activity_members x JOIN members mm ON mm.id = x.member_id
      WHERE x.activity_id = a.id AND mm.user_id = ${onlyOfUser})`);
  const cond = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const [rows, [count]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`SELECT a.id, a.code, a.name, a.brand, a.trade, a.kind, a.status, a.referent_id, u.name AS referent_name,
            (SELECT array_agg(m.first_name || ' ' || m.last_name ORDER BY m.last_name, m.first_name)
               FROM activity_members am JOIN members m ON m.id = am.member_id
              WHERE am.activity_id = a.id AND am.valid_from <= ${today}::date
                AND (am.valid_to IS NULL OR am.valid_to >= ${today}::date)) AS member_names
          FROM activities a LEFT JOIN users u ON u.id = a.referent_id
          ${cond}
          ORDER BY a.code
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM activities a ${cond}`),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      brand: r.brand,
      trade: r.trade,
      kind: r.kind,
      status: r.status,
      referent: r.referent_id ? { id: r.referent_id, name: r.referent_name ?? '' } : null,
      memberNames: r.member_names ?? [],
    })),
  };
}
