import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { computeDocumentTotals, type VatGroup } from '../../core/sales/compute-document-totals.ts';
import {
  type BilledByGroup,
  balanceInvoiceBody,
  partialInvoiceBody,
} from '../../core/sales/progress-invoicing.ts';
import { ConvertQuoteInput } from '../../core/sales/quote-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { totalsColumns, writeInvoiceLines } from './invoice-lines-io.ts';
import { salesToday } from './sales-access.ts';
import { invoices, quotes } from './sales-tables.ts';
import { requireClientOf } from './save-invoice-draft.ts';
import { loadQuoteForUpdate } from './save-quote-draft.ts';

const bases = (groups: readonly VatGroup[]) => new Map(groups.map((g) => [g.key, g.baseCents]));

/**
 * The invoices made from a quote, each with what it billed per VAT group net of its issued credit notes
 * (a credited deposit no longer counts). `except` leaves one invoice out (the one being issued).
 */
export async function quoteParts(db: Db, quoteId: string, except?: string) {
  return (await quotePartsOf(db, [quoteId], except)).get(quoteId) ?? [];
}

export type QuotePart = { part: typeof invoices.$inferSelect; billedByGroup: BilledByGroup };

/**
 * `quoteParts` for many quotes at once, by quote, each in the order its invoices were made: two queries
 * whatever the number of quotes (the quote list shows 500).
 */
export async function quotePartsOf(db: Db, quoteIds: readonly string[], except?: string) {
  const byQuote = new Map<string, QuotePart[]>();
  if (quoteIds.length === 0) return byQuote;
  const parts = (
    await db
      .select()
      .from(invoices)
      .where(inArray(invoices.quoteId, [...quoteIds]))
      .orderBy(asc(invoices.createdAt), asc(invoices.id))
  ).filter((p) => p.id !== except);
  const credits =
    parts.length === 0
      ? []
      : await db
          .select({ correctsInvoiceId: invoices.correctsInvoiceId, vatBreakdown: invoices.vatBreakdown })
          .from(invoices)
          .where(
            and(
              inArray(
                invoices.correctsInvoiceId,
                parts.map((p) => p.id),
              ),
              eq(invoices.status, 'issued'),
            ),
          );
  const creditsOf = new Map<string, (typeof credits)[number][]>();
  for (const cn of credits)
    creditsOf.set(cn.correctsInvoiceId!, [...(creditsOf.get(cn.correctsInvoiceId!) ?? []), cn]);
  for (const part of parts) {
    const billed = bases(part.vatBreakdown);
    for (const cn of creditsOf.get(part.id) ?? []) {
      for (const g of cn.vatBreakdown) billed.set(g.key, (billed.get(g.key) ?? 0) - g.baseCents);
    }
    const list = byQuote.get(part.quoteId!) ?? [];
    list.push({ part, billedByGroup: billed as BilledByGroup });
    byQuote.set(part.quoteId!, list);
  }
  return byQuote;
}

export function sumBilled(parts: readonly { billedByGroup: BilledByGroup }[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const p of parts) for (const [k, v] of p.billedByGroup) total.set(k, (total.get(k) ?? 0) + v);
  return total;
}

/**
 * Drafts an invoice from a quote (issue 5 §3), with the progress-invoicing rules of
 * core/sales/progress-invoicing.ts: a deposit invoice or an intermediate invoice for a share of the quote
 * (never beyond what remains, counting the drafts already made), or the balance invoice, which lists the
 * whole quote and deducts every earlier invoice by number and date — so they must all be issued first.
 * Converting a sent quote records the client's acceptance. The quote row stays locked meanwhile, so two
 * conversions of one quote are taken one after the other.
 */
export async function convertQuote(ctx: AppContext, actor: Actor, quoteId: string, input: unknown) {
  const parsed = ConvertQuoteInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const request = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const today = salesToday(ctx.now());
    const { quote } = await loadQuoteForUpdate(tx, actor, quoteId, today);
    if (quote.status === 'sent') {
      if (quote.validityDate! < today)
        throw new AppError('QUOTE_EXPIRED', { validityDate: quote.validityDate });
      await tx
        .update(quotes)
        .set({ status: 'accepted', decidedAt: ctx.now(), decidedBy: actor.userId, updatedAt: ctx.now() })
        .where(eq(quotes.id, quoteId));
      await recordAudit(tx, actor, {
        action: 'sales.quote.accepted',
        objectType: 'quote',
        objectId: quoteId,
      });
    } else if (quote.status !== 'accepted') {
      throw new AppError('STATUS_TRANSITION_REFUSED', { kind: 'quote', from: quote.status, to: 'invoiced' });
    }
    const client = await requireClientOf(tx, quote.activityId, quote.clientId);
    if (client.archived) throw new AppError('NOT_FOUND', { what: 'client' });
    const parts = await quoteParts(tx, quoteId);
    if (parts.some((p) => p.part.quotePart === 'balance')) throw new AppError('QUOTE_FULLY_INVOICED');
    const source = { body: quote.body, reference: quote.reference! };
    let body: ReturnType<typeof balanceInvoiceBody>;
    if (request.part === 'balance') {
      const pending = parts.filter((p) => p.part.status !== 'issued').map((p) => p.part);
      if (pending.length > 0) throw new AppError('QUOTE_PART_NOT_ISSUED', { count: pending.length });
      // In the order they were issued: the balance lists them as the client received them.
      const earlier = parts
        .map((p) => ({ row: p.part, billedByGroup: p.billedByGroup }))
        .sort((a, b) => a.row.issueDate!.localeCompare(b.row.issueDate!) || a.row.counter! - b.row.counter!)
        .map((p) => ({ number: p.row.number!, issueDate: p.row.issueDate!, billedByGroup: p.billedByGroup }));
      body = balanceInvoiceBody(source, earlier);
    } else {
      const title = request.part === 'deposit' ? 'Acompte' : 'Situation';
      body = partialInvoiceBody(source, sumBilled(parts), request.share, title);
    }
    const totals = computeDocumentTotals(body);
    const [row] = await tx
      .insert(invoices)
      .values({
        activityId: quote.activityId,
        clientId: quote.clientId,
        type: request.part === 'deposit' ? 'deposit' : 'invoice',
        status: 'draft',
        quoteId,
        quotePart: request.part,
        discount: body.discount,
        deliveryAddress: quote.deliveryAddress,
        paymentTerms: quote.paymentTerms,
        ...totalsColumns(totals),
        createdBy: actor.userId,
      })
      .returning({ id: invoices.id });
    await writeInvoiceLines(tx, row!.id, body, totals);
    await recordAudit(tx, actor, {
      action: 'sales.quote.convert',
      objectType: 'invoice',
      objectId: row!.id,
      changes: { quote: quote.reference, part: request.part, totalInclCents: totals.taxInclusiveCents },
    });
    return { id: row!.id, totals };
  });
}
