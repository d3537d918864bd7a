import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { assertExpenseTransition } from '../../core/expenses/expense-approval.ts';
import { SupplierInvoiceRequest } from '../../core/expenses/expense-schemas.ts';
import { sumVatTotals } from '../../core/expenses/expense-totals.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { files } from '../files/files-tables.ts';
import { assertExpenseDate, requireExpenseActivity } from './expense-access.ts';
import { expenseCategories, supplierInvoices } from './expenses-tables.ts';
import { loadSupplierInvoiceViews } from './load-expense-views.ts';

/** The supplier's identity for duplicates: its SIREN, else its name without case, accents or punctuation. */
export function supplierKey(siren: string | null, name: string) {
  return (
    siren ??
    `name:${name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase()}`
  );
}

const numberKey = (number: string) => number.replace(/\s/g, '').toUpperCase();

/**
 * Records a supplier's invoice for an activity (issue 7; cae-domain.md §2.2: addressed to the cooperative, which
 * recovers its VAT): supplier checked by the schema (SIREN key, IBAN checksum), an invoice date neither in the
 * future nor in a closed year, totals by VAT rate that add up, its PDF stored beforehand. The same supplier and
 * number twice is refused (also by a unique index, for two people recording it at once). Recorded, it waits for
 * approval (submitted), or stays a draft (`draft: true`) that only whoever recorded it sees, changes (with
 * `invoiceId`, the claims' `edit` transition) and submits (submitSupplierInvoice): the same life as a claim.
 */
export async function recordSupplierInvoice(
  ctx: AppContext,
  actor: Actor,
  input: SupplierInvoiceRequest,
  invoiceId?: string,
) {
  const parsed = SupplierInvoiceRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const v = parsed.data;
  const today = calendarDateOf(ctx.now());
  await requireExpenseActivity(ctx.db, actor, v.activityId, today);
  return ctx.db.transaction(async (tx) => {
    if (invoiceId !== undefined) {
      const [draft] = await tx
        .select({ status: supplierInvoices.status, createdBy: supplierInvoices.createdBy })
        .from(supplierInvoices)
        .where(eq(supplierInvoices.id, invoiceId))
        .for('update');
      // Someone else's invoice cannot be changed, and their draft does not exist for the reader (as a claim's).
      if (!draft || draft.createdBy !== actor.userId) throw new AppError('NOT_FOUND');
      assertExpenseTransition(draft.status, 'edit');
    }
    const [category] = await tx
      .select()
      .from(expenseCategories)
      .where(and(eq(expenseCategories.id, v.categoryId), eq(expenseCategories.active, true)));
    if (category?.kind !== 'expense') throw new AppError('EXPENSE_CATEGORY_UNKNOWN');
    await assertExpenseDate(tx, v.issueDate, today);
    const [pdf] = await tx
      .select({ mediaType: files.mediaType })
      .from(files)
      .where(eq(files.sha256, v.pdfSha256));
    if (pdf?.mediaType !== 'application/pdf') throw new AppError('EXPENSE_PDF_REQUIRED');
    const key = supplierKey(v.supplierSiren, v.supplierName);
    const [existing] = await tx
      .select({ id: supplierInvoices.id })
      .from(supplierInvoices)
      .where(
        and(
          eq(supplierInvoices.supplierKey, key),
          eq(supplierInvoices.numberKey, numberKey(v.number)),
          invoiceId === undefined ? undefined : ne(supplierInvoices.id, invoiceId),
        ),
      );
    if (existing) throw new AppError('SUPPLIER_INVOICE_DUPLICATE', { number: v.number });
    const totals = sumVatTotals(v.vatTotals);
    const fields = {
      activityId: v.activityId,
      categoryId: v.categoryId,
      supplierName: v.supplierName,
      supplierSiren: v.supplierSiren,
      supplierKey: key,
      supplierIban: v.supplierIban,
      supplierBic: v.supplierBic,
      number: v.number,
      numberKey: numberKey(v.number),
      issueDate: v.issueDate,
      dueDate: v.dueDate,
      description: v.description,
      vatTotals: v.vatTotals,
      totalCents: totals.totalCents,
      vatCents: totals.vatCents,
      pdfSha256: v.pdfSha256,
      status: v.draft ? ('draft' as const) : ('submitted' as const),
      submittedAt: v.draft ? null : ctx.now(),
    };
    const [row] =
      invoiceId === undefined
        ? await tx
            .insert(supplierInvoices)
            .values({ ...fields, createdBy: actor.userId, createdAt: ctx.now() })
            .onConflictDoNothing()
            .returning({ id: supplierInvoices.id })
        : await tx
            .update(supplierInvoices)
            .set(fields)
            .where(eq(supplierInvoices.id, invoiceId))
            .returning({ id: supplierInvoices.id });
    if (!row) throw new AppError('SUPPLIER_INVOICE_DUPLICATE', { number: v.number });
    await recordAudit(tx, actor, {
      action: invoiceId === undefined ? 'expense.supplier_invoice.record' : 'expense.supplier_invoice.update',
      objectType: 'supplier_invoice',
      objectId: row.id,
      changes: {
        supplier: v.supplierName,
        number: v.number,
        totalCents: totals.totalCents,
        status: fields.status,
      },
    });
    const [view] = await loadSupplierInvoiceViews(tx, sql`s.id = ${row.id}`);
    return view!;
  });
}
