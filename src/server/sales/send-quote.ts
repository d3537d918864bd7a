import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { addDays } from '../../core/sales/calendar-date.ts';
import { computeDocumentTotals } from '../../core/sales/compute-document-totals.ts';
import { assertCanTransition } from '../../core/sales/document-statuses.ts';
import { ecbRefinancingRates, latePenaltyRateBp } from '../../core/sales/late-penalty.ts';
import {
  counterKey,
  formatDocumentNumber,
  type NumberingScheme,
} from '../../core/sales/numbering-template.ts';
import { computeDueDate } from '../../core/sales/payment-terms.ts';
import type { SalesDocumentView } from '../../core/sales/sales-document-view.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import { storeFile } from '../files/store-file.ts';
import { drawInvoicePdf } from './draw-invoice-pdf.ts';
import { salesToday } from './sales-access.ts';
import { numberingCounters, quotes, salesSettings } from './sales-tables.ts';
import { requireClientOf } from './save-invoice-draft.ts';
import { loadQuoteForUpdate } from './save-quote-draft.ts';

/**
 * Sends a draft quote (draft → sent): it takes the next number of the quote series (its own, never the
 * legal invoice series), its issue date and validity date (the settings' default when none was given),
 * and its PDF, drawn like an invoice and stored by hash. From then on its content never changes.
 */
export async function sendQuote(ctx: AppContext, actor: Actor, quoteId: string) {
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    const { quote, activity } = await loadQuoteForUpdate(tx, actor, quoteId, today);
    assertCanTransition('quote', quote.status, 'sent');
    const [settings] = await tx.select().from(salesSettings);
    if (!settings) throw new AppError('NOT_FOUND', { what: 'salesSettings' });
    const validityDate = quote.validityDate ?? addDays(today, settings.quoteValidityDays);
    if (validityDate < today) throw new AppError('QUOTE_VALIDITY_PAST');
    const client = await requireClientOf(tx, quote.activityId, quote.clientId);
    if (client.archived) throw new AppError('NOT_FOUND', { what: 'client' });
    const seller = await getCooperative(tx);
    if (!seller) throw new AppError('NOT_FOUND', { what: 'cooperative' });

    const scheme: NumberingScheme = {
      template: settings.quoteNumberingTemplate,
      reset: settings.quoteNumberingReset,
      perActivity: false,
    };
    const key = `quote:${counterKey(scheme, today, activity.code)}`;
    await tx.execute(sql`INSERT INTO numbering_counters (counter_key, last_value) VALUES (${key}, 0)
      ON CONFLICT (counter_key) DO NOTHING`);
    const [counterRow] = await tx
      .select()
      .from(numberingCounters)
      .where(eq(numberingCounters.counterKey, key))
      .for('update');
    const counter = counterRow!.lastValue + 1;
    const reference = formatDocumentNumber(scheme, {
      issueDate: today,
      activityCode: activity.code,
      counter,
    });

    const totals = computeDocumentTotals(quote.body);
    const view: SalesDocumentView = {
      type: 'invoice',
      number: reference,
      issueDate: today,
      deliveryDate: today,
      dueDate: computeDueDate(today, quote.paymentTerms),
      paymentTerms: quote.paymentTerms,
      seller: { ...seller },
      activity: { code: activity.code, brandName: activity.brand || activity.name },
      client: {
        kind: client.kind,
        name: client.name,
        address: client.billingAddress,
        siren: client.siren,
        vatNumber: client.vatNumber,
        email: client.email,
      },
      deliveryAddress: quote.deliveryAddress ?? client.deliveryAddress,
      body: quote.body,
      totals,
      vatOnDebits: settings.vatOnDebits,
      latePenaltyRateBp: latePenaltyRateBp(
        today,
        {
          marginBp: settings.latePenaltyMarginBp,
          fixedRateBp: settings.latePenaltyFixedRateBp,
          ecbRates: [...ecbRefinancingRates, ...settings.ecbRates],
        },
        'latest',
      ),
      precedingInvoice: null,
      quoteReference: null,
      purchaseOrderReference: null,
      notes: quote.notes,
    };
    const pdf = await drawInvoicePdf(view, { validityDate });
    const pdfSha256 = await storeFile(tx, pdf, 'application/pdf');
    await tx
      .update(numberingCounters)
      .set({ lastValue: counter, lastIssueDate: today })
      .where(eq(numberingCounters.counterKey, key));
    const [row] = await tx
      .update(quotes)
      .set({
        status: 'sent',
        reference,
        counterKey: key,
        counter,
        issueDate: today,
        validityDate,
        pdfSha256,
        sentAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .where(eq(quotes.id, quoteId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'sales.quote.send',
      objectType: 'quote',
      objectId: quoteId,
      changes: { reference, totalInclCents: quote.totalInclCents, pdfSha256 },
    });
    return row!;
  });
}

/**
 * The client's answer: accepted or refused, or expired once the validity date has passed. A quote past
 * its validity date can no longer be accepted (QUOTE_EXPIRED); one still valid cannot be marked expired.
 */
export async function decideQuote(
  ctx: AppContext,
  actor: Actor,
  quoteId: string,
  status: 'accepted' | 'refused' | 'expired',
) {
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    const { quote } = await loadQuoteForUpdate(tx, actor, quoteId, today);
    assertCanTransition('quote', quote.status, status);
    if (status === 'accepted' && quote.validityDate! < today) {
      throw new AppError('QUOTE_EXPIRED', { validityDate: quote.validityDate });
    }
    if (status === 'expired' && quote.validityDate! >= today) {
      throw new AppError('QUOTE_STILL_VALID', { validityDate: quote.validityDate });
    }
    const [row] = await tx
      .update(quotes)
      .set({ status, decidedAt: ctx.now(), decidedBy: actor.userId, updatedAt: ctx.now() })
      .where(eq(quotes.id, quoteId))
      .returning();
    await recordAudit(tx, actor, {
      action: `sales.quote.${status}`,
      objectType: 'quote',
      objectId: quoteId,
    });
    return row!;
  });
}

/** Marks as expired every sent quote whose validity date has passed (run by the daily sales job). */
export async function expireQuotes(ctx: AppContext, actor: Actor) {
  const today = salesToday(ctx.now());
  const due = await ctx.db
    .select({ id: quotes.id })
    .from(quotes)
    .where(sql`${quotes.status} = 'sent' AND ${quotes.validityDate} < ${today}`);
  for (const q of due) await decideQuote(ctx, actor, q.id, 'expired');
  return due.length;
}
