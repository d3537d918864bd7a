import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import type { SearchResult } from '../../core/search/search-results.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { listableSalesActivities, salesToday } from '../sales/sales-access.ts';

/** At most this many results of each kind: the search opens things, the lists filter them. */
const perKind = 5;

type Row = { id: string; title: string; subtitle: string | null };

/**
 * Searches what the person may open (ui.md: the top bar's search box): member files for those who read
 * them, activities (a member's own only), and the clients, invoices and quotes of the activities whose
 * sales they work on — the same rights as the lists, so a member never finds another member's figures.
 */
export async function searchEverything(ctx: AppContext, actor: Actor, q: string): Promise<SearchResult[]> {
  const today = salesToday(ctx.now());
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const results: SearchResult[] = [];
  const add = (kind: SearchResult['kind'], rows: Row[], href: (id: string) => string) => {
    for (const r of rows)
      results.push({ kind, id: r.id, title: r.title, subtitle: r.subtitle ?? '', href: href(r.id) });
  };

  if (can(actor.roles, 'members.read')) {
    const rows = await queryRows<Row>(
      ctx.db,
      sql`SELECT id, first_name || ' ' || last_name AS title, coalesce(email, '') AS subtitle FROM members
          WHERE first_name || ' ' || last_name ILIKE ${like} OR last_name || ' ' || first_name ILIKE ${like}
             OR email ILIKE ${like}
          ORDER BY last_name, first_name LIMIT ${perKind}`,
    );
    add('member', rows, (id) => `/members/${id}`);
  }

  // Activities: every one for staff who read them, else those the person has (or had) a share of.
  const ownOnly = !can(actor.roles, 'activities.read');
  const activityRows = await queryRows<Row>(
    ctx.db,
    sql`SELECT a.id, a.name AS title, a.code || CASE WHEN a.brand <> '' THEN ' · ' || a.brand ELSE '' END AS subtitle
        FROM activities a
        WHERE (a.code ILIKE ${like} OR a.name ILIKE ${like} OR a.brand ILIKE ${like})
          AND (${!ownOnly} OR EXISTS (SELECT 1 FROM activity_members x JOIN members m ON m.id = x.member_id
                                      WHERE x.activity_id = a.id AND m.user_id = ${actor.userId}))
        ORDER BY a.name LIMIT ${perKind}`,
  );
  add('activity', activityRows, (id) => `/activities/${id}`);

  if (can(actor.roles, 'sales.use')) {
    const visible = await listableSalesActivities(ctx.db, actor, undefined, today);
    if (visible === 'all' || visible.length > 0) {
      const scope = (column: string) =>
        visible === 'all' ? sql`TRUE` : sql`${sql.raw(column)} = ANY(${sql.param(visible)}::uuid[])`;
      const clients = await queryRows<Row>(
        ctx.db,
        sql`SELECT c.id, c.name AS title, coalesce(c.siren, '') AS subtitle FROM clients c
            WHERE c.name ILIKE ${like} AND ${scope('c.activity_id')}
            ORDER BY c.archived, c.name LIMIT ${perKind}`,
      );
      add('client', clients, (id) => `/sales/clients/${id}`);
      const invoices = await queryRows<Row>(
        ctx.db,
        sql`SELECT i.id, coalesce(i.number, c.name) AS title, c.name AS subtitle FROM invoices i
            JOIN clients c ON c.id = i.client_id
            WHERE (i.number ILIKE ${like} OR c.name ILIKE ${like}) AND ${scope('i.activity_id')}
            ORDER BY i.issue_date DESC NULLS FIRST, i.created_at DESC LIMIT ${perKind}`,
      );
      add('invoice', invoices, (id) => `/sales/invoices/${id}`);
      const quotes = await queryRows<Row>(
        ctx.db,
        sql`SELECT q.id, coalesce(q.reference, c.name) AS title, c.name AS subtitle FROM quotes q
            JOIN clients c ON c.id = q.client_id
            WHERE (q.reference ILIKE ${like} OR c.name ILIKE ${like}) AND ${scope('q.activity_id')}
            ORDER BY q.issue_date DESC NULLS FIRST, q.created_at DESC LIMIT ${perKind}`,
      );
      add('quote', quotes, (id) => `/sales/quotes/${id}`);
    }
  }
  return results;
}
