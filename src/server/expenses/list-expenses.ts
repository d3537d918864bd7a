import { type SQL, sql } from 'drizzle-orm';
import type { ExpenseStatus } from '../../core/expenses/expense-approval.ts';
import type {
  ApprovalQueueItem,
  ClaimView,
  SupplierInvoiceView,
} from '../../core/expenses/expense-schemas.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { getAvailableTreasury } from '../ledger/get-available-treasury.ts';
import { listableExpenseActivities } from './expense-access.ts';
import { loadClaimViews, loadSupplierInvoiceViews } from './load-expense-views.ts';

function scope(column: SQL, activities: string[] | 'all', activityId?: string): SQL {
  const parts: SQL[] = [];
  if (activities !== 'all') parts.push(sql`${column} = ANY(${sql.param(activities)}::uuid[])`);
  if (activityId) parts.push(sql`${column} = ${activityId}`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` AND `);
}

/**
 * The claims and supplier invoices the actor may see (issue 7): their own activities' for a member, every
 * activity's for staff (`mine` narrows staff to their own claims); newest first, optionally one status.
 */
export async function listExpenses(
  ctx: AppContext,
  actor: Actor,
  filter: { status?: ExpenseStatus; activityId?: string; mine?: boolean },
): Promise<{ claims: ClaimView[]; supplierInvoices: SupplierInvoiceView[] }> {
  const activities = filter.mine
    ? await listableExpenseActivities(ctx.db, { ...actor, roles: ['member'] }, calendarDateOf(ctx.now()))
    : await listableExpenseActivities(ctx.db, actor, calendarDateOf(ctx.now()));
  if (activities !== 'all' && activities.length === 0) return { claims: [], supplierInvoices: [] };
  const status = (alias: string) =>
    filter.status ? sql` AND ${sql.raw(alias)}.status = ${filter.status}` : sql``;
  const mine = filter.mine
    ? sql` AND c.member_id IN (SELECT id FROM members WHERE user_id = ${actor.userId})`
    : sql``;
  // A draft is its member's alone: nobody else lists it, staff included.
  const drafts = sql` AND (c.status <> 'draft' OR c.member_id IN (SELECT id FROM members WHERE user_id = ${actor.userId}))`;
  // A draft supplier invoice is whoever recorded it's alone.
  const invoiceDrafts = sql` AND (s.status <> 'draft' OR s.created_by = ${actor.userId})`;
  const [claims, invoices] = [
    await loadClaimViews(
      ctx.db,
      sql`${scope(sql`c.activity_id`, activities, filter.activityId)}${status('c')}${mine}${drafts}`,
    ),
    await loadSupplierInvoiceViews(
      ctx.db,
      sql`${scope(sql`s.activity_id`, activities, filter.activityId)}${status('s')}${invoiceDrafts}`,
    ),
  ];
  return { claims, supplierInvoices: invoices };
}

/**
 * What waits for a decision (issue 7): submitted claims and supplier invoices, oldest first, each with its
 * activity's available treasury now and whether it covers the amount (a warning, not a refusal: the cooperative
 * may still decide to pay). Drafts of other people never show here.
 */
export async function listApprovalQueue(ctx: AppContext, actor: Actor): Promise<ApprovalQueueItem[]> {
  const claims = await loadClaimViews(ctx.db, sql`c.status = 'submitted'`, 500);
  const invoices = await loadSupplierInvoiceViews(ctx.db, sql`s.status = 'submitted'`, 500);
  const items = [...claims, ...invoices].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const treasury = new Map<string, number>();
  for (const id of new Set(items.map((i) => i.activityId)))
    treasury.set(id, Number((await getAvailableTreasury(ctx.db, id)).availableTreasuryCents));
  const own = await ownItems(ctx, actor);
  return items.map((item) => {
    const available = treasury.get(item.activityId) ?? 0;
    return {
      item,
      availableTreasuryCents: available,
      treasuryCovers: available >= item.totalCents,
      ownItem: own.has(item.id),
      approvedByReader: item.approvals.some((a) => a.userId === actor.userId),
    };
  });
}

/** The items the actor filed: their member file's claims and the invoices they recorded. */
async function ownItems(ctx: AppContext, actor: Actor) {
  if (!actor.userId) return new Set<string>();
  const rows = (await ctx.db.execute(
    sql`SELECT c.id FROM expense_claims c JOIN members m ON m.id = c.member_id
        WHERE c.status = 'submitted' AND (m.user_id = ${actor.userId} OR c.created_by = ${actor.userId})
        UNION ALL
        SELECT id FROM supplier_invoices WHERE status = 'submitted' AND created_by = ${actor.userId}`,
  )) as unknown as { rows: { id: string }[] };
  return new Set(rows.rows.map((r) => r.id));
}
