import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { computeDocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { QuoteDraftInput } from '../../core/sales/quote-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { requireSalesActivity, salesToday } from './sales-access.ts';
import { quotes } from './sales-tables.ts';
import { requireClientOf } from './save-invoice-draft.ts';

/** Locks a quote row after checking the actor works on its activity (NOT_FOUND otherwise). */
export async function loadQuoteForUpdate(db: Db, actor: Actor, quoteId: string, today: string) {
  const [quote] = await db.select().from(quotes).where(eq(quotes.id, quoteId)).for('update');
  if (!quote) throw new AppError('NOT_FOUND', { what: 'quote' });
  const access = await requireSalesActivity(db, actor, quote.activityId, today);
  return { quote, ...access };
}

/**
 * Creates a draft quote, or replaces a draft's content (`quoteId` given). Only drafts change: once sent,
 * a quote is what the client received (a trigger refuses changes to its content).
 */
export async function saveQuoteDraft(ctx: AppContext, actor: Actor, input: unknown, quoteId?: string) {
  const parsed = QuoteDraftInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const d = parsed.data;
  const totals = computeDocumentTotals(d.body);
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    await requireSalesActivity(tx, actor, d.activityId, today);
    const client = await requireClientOf(tx, d.activityId, d.clientId);
    if (client.archived) throw new AppError('NOT_FOUND', { what: 'client' });
    if (d.validityDate && d.validityDate < today) throw new AppError('QUOTE_VALIDITY_PAST');
    const values = {
      activityId: d.activityId,
      clientId: d.clientId,
      body: d.body,
      validityDate: d.validityDate,
      deliveryAddress: d.deliveryAddress,
      notes: d.notes,
      paymentTerms: d.paymentTerms ?? client.paymentTerms,
      totalLinesCents: totals.lineNetTotalCents,
      totalAllowancesCents: totals.allowanceTotalCents,
      totalExclCents: totals.taxExclusiveCents,
      totalVatCents: totals.vatTotalCents,
      totalInclCents: totals.taxInclusiveCents,
      vatBreakdown: totals.vatBreakdown,
      updatedAt: ctx.now(),
    };
    let id: string;
    if (quoteId) {
      const { quote } = await loadQuoteForUpdate(tx, actor, quoteId, today);
      if (quote.status !== 'draft') {
        throw new AppError('STATUS_TRANSITION_REFUSED', { kind: 'quote', from: quote.status, to: 'draft' });
      }
      await tx.update(quotes).set(values).where(eq(quotes.id, quoteId));
      id = quoteId;
    } else {
      const [row] = await tx
        .insert(quotes)
        .values({ ...values, status: 'draft', createdBy: actor.userId })
        .returning({ id: quotes.id });
      id = row!.id;
    }
    await recordAudit(tx, actor, {
      action: quoteId ? 'sales.quote.update' : 'sales.quote.create',
      objectType: 'quote',
      objectId: id,
      changes: { totalInclCents: totals.taxInclusiveCents },
    });
    return { id, totals };
  });
}

/** Deletes a draft quote (a sent one stays: the client received it). */
export async function deleteQuoteDraft(ctx: AppContext, actor: Actor, quoteId: string) {
  return ctx.db.transaction(async (tx) => {
    const { quote } = await loadQuoteForUpdate(tx, actor, quoteId, salesToday(ctx.now()));
    if (quote.status !== 'draft') {
      throw new AppError('STATUS_TRANSITION_REFUSED', { kind: 'quote', from: quote.status, to: 'deleted' });
    }
    await tx.delete(quotes).where(eq(quotes.id, quoteId));
    await recordAudit(tx, actor, { action: 'sales.quote.delete', objectType: 'quote', objectId: quoteId });
  });
}
