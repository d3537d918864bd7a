import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { computeDocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { assertCanTransition } from '../../core/sales/document-statuses.ts';
import { InvoiceDraftInput } from '../../core/sales/sales-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { totalsColumns, writeInvoiceLines } from './invoice-lines-io.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { clients, invoices } from './sales-tables.ts';

/** A client of the activity; a client of another activity answers NOT_FOUND like a missing one. */
export async function requireClientOf(db: Db, activityId: string, clientId: string) {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.activityId, activityId)));
  if (!client) throw new AppError('NOT_FOUND', { what: 'client' });
  return client;
}

/**
 * Creates a draft invoice (or deposit invoice), or replaces a draft's content (`invoiceId` given). Only
 * drafts change: a submitted invoice goes back to draft first, an issued one never changes.
 */
export async function saveInvoiceDraft(ctx: AppContext, actor: Actor, input: unknown, invoiceId?: string) {
  const parsed = InvoiceDraftInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const d = parsed.data;
  const totals = computeDocumentTotals(d.body);
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    await requireSalesActivity(tx, actor, d.activityId, today);
    const client = await requireClientOf(tx, d.activityId, d.clientId);
    if (client.archived) throw new AppError('NOT_FOUND', { what: 'client' });
    const values = {
      activityId: d.activityId,
      clientId: d.clientId,
      type: d.type,
      discount: d.body.discount,
      deliveryDate: d.deliveryDate,
      deliveryAddress: d.deliveryAddress,
      purchaseOrderReference: d.purchaseOrderReference,
      notes: d.notes,
      paymentTerms: d.paymentTerms ?? client.paymentTerms,
      ...totalsColumns(totals),
      updatedAt: ctx.now(),
    };
    let id: string;
    if (invoiceId) {
      const [current] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
      if (!current) throw new AppError('NOT_FOUND');
      await requireSalesActivity(tx, actor, current.activityId, today);
      if (current.status !== 'draft') assertCanTransition('invoice', current.status, 'draft');
      if (current.type === 'creditNote')
        throw new AppError('STATUS_TRANSITION_REFUSED', { kind: 'creditNote' });
      // Editing a submitted invoice takes it back to draft: it must be submitted (and validated) again.
      await tx
        .update(invoices)
        .set({ ...values, status: 'draft', submittedAt: null, approvedBy: null, approvedAt: null })
        .where(eq(invoices.id, invoiceId));
      id = invoiceId;
    } else {
      const [row] = await tx
        .insert(invoices)
        .values({ ...values, status: 'draft', createdBy: actor.userId })
        .returning({ id: invoices.id });
      id = row!.id;
    }
    await writeInvoiceLines(tx, id, d.body, totals);
    await recordAudit(tx, actor, {
      action: invoiceId ? 'sales.invoice.update' : 'sales.invoice.create',
      objectType: 'invoice',
      objectId: id,
      changes: { totalInclCents: totals.taxInclusiveCents },
    });
    return { id, totals };
  });
}
