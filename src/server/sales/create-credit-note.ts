import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { computeDocumentTotals, vatGroupKey } from '../../core/sales/compute-document-totals.ts';
import {
  assertCreditNoteWithinRemaining,
  remainingCreditNoteBody,
} from '../../core/sales/credit-note-limits.ts';
import { CreditNoteInput } from '../../core/sales/sales-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { totalsColumns, writeInvoiceLines } from './invoice-lines-io.ts';
import { storedTotals } from './issue-invoice.ts';
import { loadInvoiceForUpdate } from './load-invoice-for-update.ts';
import { salesToday } from './sales-access.ts';
import { invoiceLines, invoices } from './sales-tables.ts';

/**
 * Drafts a credit note (avoir) of an issued invoice (issue 5 §7): the lines given, or everything that
 * remains of the invoice. It never credits more than what remains (checked again when it is issued,
 * with the invoice locked). It is issued like an invoice, with its own number in the series.
 */
export async function createCreditNote(ctx: AppContext, actor: Actor, invoiceId: string, input: unknown) {
  const parsed = CreditNoteInput.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  return ctx.db.transaction(async (tx) => {
    const { invoice } = await loadInvoiceForUpdate(tx, actor, invoiceId, salesToday(ctx.now()));
    if (invoice.status !== 'issued' || invoice.type === 'creditNote')
      throw new AppError('INVOICE_NOT_ISSUED');
    const earlier = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.correctsInvoiceId, invoice.id), eq(invoices.status, 'issued')));
    const kinds = new Map(
      (await tx.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id))).map((l) => [
        vatGroupKey(l.vat),
        l.supplyKind,
      ]),
    );
    const body =
      parsed.data.body ??
      remainingCreditNoteBody(
        { number: invoice.number!, totals: storedTotals(invoice), kinds },
        earlier.map(storedTotals),
      );
    const totals = computeDocumentTotals(body);
    assertCreditNoteWithinRemaining(storedTotals(invoice), earlier.map(storedTotals), totals);
    const [row] = await tx
      .insert(invoices)
      .values({
        activityId: invoice.activityId,
        clientId: invoice.clientId,
        type: 'creditNote',
        status: 'draft',
        correctsInvoiceId: invoice.id,
        discount: body.discount,
        deliveryDate: invoice.deliveryDate,
        deliveryAddress: invoice.deliveryAddress,
        notes: parsed.data.notes,
        paymentTerms: { kind: 'days', days: 0 },
        ...totalsColumns(totals),
        createdBy: actor.userId,
      })
      .returning({ id: invoices.id });
    await writeInvoiceLines(tx, row!.id, body, totals);
    await recordAudit(tx, actor, {
      action: 'sales.credit_note.create',
      objectType: 'invoice',
      objectId: row!.id,
      changes: { corrects: invoice.number, totalInclCents: totals.taxInclusiveCents },
    });
    return { id: row!.id, totals };
  });
}
