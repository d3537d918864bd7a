import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { buildClaimEntry, buildSupplierInvoiceEntry } from '../../core/expenses/build-expense-entries.ts';
import { decideExpense } from '../../core/expenses/expense-approval.ts';
import { ExpenseDecisionRequest, type ExpenseItemType } from '../../core/expenses/expense-schemas.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { members } from '../members/members-tables.ts';
import { getExpenseSettings } from './expense-settings.ts';
import {
  expenseApprovals,
  expenseCategories,
  expenseClaimLines,
  expenseClaims,
  supplierInvoices,
} from './expenses-tables.ts';
import { loadClaimViews, loadSupplierInvoiceViews } from './load-expense-views.ts';

async function lockItem(tx: Db, type: ExpenseItemType, id: string) {
  if (type === 'claim') {
    const [claim] = await tx.select().from(expenseClaims).where(eq(expenseClaims.id, id)).for('update');
    if (!claim) throw new AppError('NOT_FOUND');
    const [member] = await tx
      .select({
        userId: members.userId,
        name: sql<string>`${members.firstName} || ' ' || ${members.lastName}`,
      })
      .from(members)
      .where(eq(members.id, claim.memberId));
    const owners = [member?.userId, claim.createdBy].filter((u): u is string => !!u);
    return { kind: 'claim' as const, claim, memberName: member?.name ?? '', owners };
  }
  const [invoice] = await tx.select().from(supplierInvoices).where(eq(supplierInvoices.id, id)).for('update');
  if (!invoice) throw new AppError('NOT_FOUND');
  return { kind: 'supplier_invoice' as const, invoice, owners: invoice.createdBy ? [invoice.createdBy] : [] };
}

/**
 * Approves or rejects a submitted claim or supplier invoice (issue 7, rules in core/expenses/expense-approval.ts):
 * never one's own, two different approvers above the cooperative's threshold, a rejection with its reason and
 * final. The approval that completes it posts the entry on the item's activity through postEntries (ledger.md:
 * NDF D 6xx · D 44566 · C 467 the member; AC D 6xx · D 44566 · C 401 the supplier), dated the approval day, in
 * the same transaction.
 */
export async function decideExpenseItem(
  ctx: AppContext,
  actor: Actor,
  type: ExpenseItemType,
  id: string,
  input: ExpenseDecisionRequest,
) {
  const parsed = ExpenseDecisionRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const decision = parsed.data;
  if (!actor.userId) throw new AppError('FORBIDDEN');
  const today = calendarDateOf(ctx.now());
  await ctx.db.transaction(async (tx) => {
    const item = await lockItem(tx, type, id);
    const row = item.kind === 'claim' ? item.claim : item.invoice;
    const approvals = await tx
      .select({ userId: expenseApprovals.userId })
      .from(expenseApprovals)
      .where(and(eq(expenseApprovals.itemType, type), eq(expenseApprovals.itemId, id)))
      .orderBy(expenseApprovals.approvedAt);
    const { doubleApprovalAboveCents } = await getExpenseSettings(tx);
    const result = decideExpense(
      {
        status: row.status,
        totalCents: row.totalCents,
        ownerUserIds: item.owners,
        approvedBy: approvals.map((a) => a.userId),
      },
      actor.userId!,
      decision,
      doubleApprovalAboveCents,
    );
    const table = item.kind === 'claim' ? expenseClaims : supplierInvoices;
    if (decision.action === 'reject') {
      await tx
        .update(table)
        .set({
          status: 'rejected',
          rejectedReason: decision.reason,
          decidedBy: actor.userId,
          decidedAt: ctx.now(),
        })
        .where(eq(table.id, id));
    } else {
      await tx
        .insert(expenseApprovals)
        .values({ itemType: type, itemId: id, userId: actor.userId!, approvedAt: ctx.now() });
      if (result.final) {
        const entry =
          item.kind === 'claim'
            ? await claimEntry(tx, item.claim, item.memberName, today)
            : await invoiceEntry(tx, item.invoice, today);
        const [posted] = await postEntries({ db: tx, now: ctx.now }, actor, [entry]);
        await tx
          .update(table)
          .set({ status: 'approved', entryId: posted!.id, decidedBy: actor.userId, decidedAt: ctx.now() })
          .where(eq(table.id, id));
      }
    }
    await recordAudit(tx, actor, {
      action: `expense.${type}.${decision.action}`,
      objectType: type === 'claim' ? 'expense_claim' : 'supplier_invoice',
      objectId: id,
      changes: {
        status: { from: row.status, to: result.status },
        approvals: result.approvedBy.length,
        ...(decision.action === 'reject' ? { reason: decision.reason } : {}),
      },
    });
  });
  const views =
    type === 'claim'
      ? await loadClaimViews(ctx.db, sql`c.id = ${id}`)
      : await loadSupplierInvoiceViews(ctx.db, sql`s.id = ${id}`);
  return views[0]!;
}

/** Each line's cost on its category's account; its VAT recovered only when the category allows it. */
async function claimEntry(
  tx: Db,
  claim: typeof expenseClaims.$inferSelect,
  memberName: string,
  date: string,
) {
  const lines = await tx
    .select({
      totalCents: expenseClaimLines.totalCents,
      vatCents: expenseClaimLines.vatCents,
      description: expenseClaimLines.description,
      accountNumber: expenseCategories.accountNumber,
      recoverable: expenseCategories.vatRecoverable,
    })
    .from(expenseClaimLines)
    .innerJoin(expenseCategories, eq(expenseCategories.id, expenseClaimLines.categoryId))
    .where(eq(expenseClaimLines.claimId, claim.id))
    .orderBy(expenseClaimLines.position);
  return buildClaimEntry({
    claimId: claim.id,
    number: claim.number ?? claim.id,
    activityId: claim.activityId,
    member: { id: claim.memberId, name: memberName },
    date,
    lines: lines.map((l) => ({
      accountNumber: l.accountNumber,
      netCents: l.recoverable ? l.totalCents - l.vatCents : l.totalCents,
      vatCents: l.recoverable ? l.vatCents : 0,
      label: l.description,
    })),
  });
}

async function invoiceEntry(tx: Db, invoice: typeof supplierInvoices.$inferSelect, date: string) {
  const [category] = await tx
    .select()
    .from(expenseCategories)
    .where(eq(expenseCategories.id, invoice.categoryId));
  const recoverable = category!.vatRecoverable;
  return buildSupplierInvoiceEntry({
    invoiceId: invoice.id,
    activityId: invoice.activityId,
    supplier: { siren: invoice.supplierSiren, name: invoice.supplierName },
    number: invoice.number,
    issueDate: invoice.issueDate,
    date,
    lines: [
      {
        accountNumber: category!.accountNumber,
        netCents: recoverable ? invoice.totalCents - invoice.vatCents : invoice.totalCents,
        vatCents: recoverable ? invoice.vatCents : 0,
        label: invoice.description || category!.label,
      },
    ],
  });
}
