import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { assertExpenseTransition } from '../../core/expenses/expense-approval.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assertExpenseDate, requireExpenseActivity } from './expense-access.ts';
import { supplierInvoices } from './expenses-tables.ts';
import { loadSupplierInvoiceViews } from './load-expense-views.ts';

/**
 * Whoever recorded a draft supplier invoice sends it for approval (issue 7, the claims' `submit` transition:
 * draft → submitted). Checked again as on submitting a claim: the activity still theirs, the invoice date not in a
 * year closed since. It can no longer change.
 */
export async function submitSupplierInvoice(ctx: AppContext, actor: Actor, invoiceId: string) {
  const today = calendarDateOf(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(supplierInvoices)
      .where(eq(supplierInvoices.id, invoiceId))
      .for('update');
    if (!invoice || !actor.userId || invoice.createdBy !== actor.userId) throw new AppError('NOT_FOUND');
    const next = assertExpenseTransition(invoice.status, 'submit');
    await requireExpenseActivity(tx, actor, invoice.activityId, today);
    await assertExpenseDate(tx, invoice.issueDate, today);
    await tx
      .update(supplierInvoices)
      .set({ status: next, submittedAt: ctx.now() })
      .where(eq(supplierInvoices.id, invoiceId));
    await recordAudit(tx, actor, {
      action: 'expense.supplier_invoice.submit',
      objectType: 'supplier_invoice',
      objectId: invoiceId,
      changes: { number: invoice.number, totalCents: invoice.totalCents },
    });
    const [view] = await loadSupplierInvoiceViews(tx, sql`s.id = ${invoiceId}`);
    return view!;
  });
}
