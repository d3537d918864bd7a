import { type SQL, sql } from 'drizzle-orm';
import { daysBetween } from '../../core/members/calendar-date.ts';
import {
  type AlertBucket,
  alertBucket,
  type DeadlineKind,
} from '../../core/members/compute-journey-deadlines.ts';
import type { AlertView } from '../../core/members/member-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type Row = {
  member_id: string;
  first_name: string;
  last_name: string;
  referent_id: string | null;
  referent_name: string | null;
  kind: DeadlineKind;
  due_on: string;
  citation: string;
};

/**
 * The deadlines that need attention in a portfolio (issue 3, alerts): overdue ones and those due within
 * 90 days, soonest first, with a count per bucket.
 */
export async function listMemberAlerts(
  db: Db,
  options: { referent?: string; bucket?: AlertBucket; page: number; pageSize: number },
  today: string,
  actorId: string | null,
): Promise<{ items: AlertView[]; total: number; counts: Record<AlertBucket, number> }> {
  const where: SQL[] = [
    sql`NOT d.met`,
    sql`d.relevant_until >= ${today}::date`,
    sql`d.due_on <= ${today}::date + 90`,
  ];
  if (options.referent === 'me') where.push(actorId ? sql`m.referent_id = ${actorId}` : sql`false`);
  else if (options.referent === 'none') where.push(sql`m.referent_id IS NULL`);
  else if (options.referent) where.push(sql`m.referent_id = ${options.referent}`);
  const bucketExpr = sql`CASE WHEN d.due_on < ${today}::date THEN 'overdue'
    WHEN d.due_on <= ${today}::date + 30 THEN 'within30'
    WHEN d.due_on <= ${today}::date + 60 THEN 'within60' ELSE 'within90' END`;
  const base = sql`FROM member_deadlines d JOIN members m ON m.id = d.member_id
    LEFT JOIN users u ON u.id = m.referent_id WHERE ${sql.join(where, sql` AND `)}`;
  const filtered = options.bucket ? sql`${base} AND ${bucketExpr} = ${options.bucket}` : base;
  const [rows, buckets] = await Promise.all([
    queryRows<Row>(
      db,
      sql`SELECT d.member_id, m.first_name, m.last_name, m.referent_id, u.name AS referent_name, d.kind,
            d.due_on::text AS due_on, d.citation
          ${filtered}
          ORDER BY d.due_on, m.last_name, m.first_name, m.id, d.kind
          LIMIT ${options.pageSize} OFFSET ${(options.page - 1) * options.pageSize}`,
    ),
    queryRows<{ bucket: AlertBucket; n: number }>(
      db,
      sql`SELECT ${bucketExpr} AS bucket, count(*)::int AS n ${base} GROUP BY 1`,
    ),
  ]);
  const counts = { overdue: 0, within30: 0, within60: 0, within90: 0 };
  for (const b of buckets) counts[b.bucket] = Number(b.n);
  return {
    items: rows.map((r) => ({
      memberId: r.member_id,
      displayName: `${r.first_name} ${r.last_name}`,
      referent: r.referent_id ? { id: r.referent_id, name: r.referent_name ?? '' } : null,
      kind: r.kind,
      dueOn: r.due_on,
      citation: r.citation,
      daysLeft: daysBetween(today, r.due_on),
      bucket: alertBucket(r.due_on, today)!,
    })),
    total: options.bucket ? counts[options.bucket] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  };
}
