import { type SQL, sql } from 'drizzle-orm';
import type { DirectoryProfile } from '../../core/members/member-schemas.ts';
import { normalizeTag } from '../../core/members/normalize-tag.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type Row = {
  id: string;
  first_name: string;
  last_name: string;
  profile_headline: string;
  profile_bio: string;
  trades: string[];
  skills: string[];
  city: string;
  email: string | null;
};

const like = (text: string) => `%${normalizeTag(text).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * The directory (product.md M13): members find each other by trade, skill and town, over what each chose
 * to publish. Members who left are not listed; the e-mail appears only when its owner shows it.
 */
export async function searchDirectory(
  db: Db,
  query: { q?: string; trade?: string; skill?: string; town?: string; page: number; pageSize: number },
  today: string,
): Promise<{ items: DirectoryProfile[]; total: number }> {
  const where: SQL[] = [
    sql`m.profile_published`,
    sql`NOT EXISTS (SELECT 1 FROM member_stage_periods p WHERE p.member_id = m.id AND p.stage = 'exited'
      AND p.from_on <= ${today}::date)`,
  ];
  if (query.trade) where.push(sql`m.trade_keys @> ARRAY[${normalizeTag(query.trade)}]::text[]`);
  if (query.skill) where.push(sql`m.skill_keys @> ARRAY[${normalizeTag(query.skill)}]::text[]`);
  if (query.town) where.push(sql`m.city_key = ${normalizeTag(query.town)}`);
  if (query.q) where.push(sql`m.profile_key LIKE ${like(query.q)}`);
  const cond = sql.join(where, sql` AND `);
  const [rows, [count]] = await Promise.all([
    queryRows<Row>(
      db,
      sql`SELECT m.id, m.first_name, m.last_name, m.profile_headline, m.profile_bio, m.trades, m.skills, m.city,
            CASE WHEN m.profile_show_email THEN m.email END AS email
          FROM members m WHERE ${cond}
          ORDER BY m.last_name, m.first_name, m.id
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members m WHERE ${cond}`),
  ]);
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      displayName: `${r.first_name} ${r.last_name}`,
      headline: r.profile_headline,
      bio: r.profile_bio,
      trades: r.trades,
      skills: r.skills,
      city: r.city,
      email: r.email,
    })),
  };
}
