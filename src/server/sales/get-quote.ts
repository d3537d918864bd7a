import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { QuoteStatus } from '../../core/sales/document-statuses.ts';
import type { QuoteView } from '../../core/sales/quote-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { emails } from '../mail/mail-tables.ts';
import { type QuotePart, quotePartsOf, sumBilled } from './convert-quote.ts';
import { listableSalesActivities, requireSalesActivity, salesToday } from './sales-access.ts';
import { clients, quoteSendings, quotes } from './sales-tables.ts';

type QuoteEmail = QuoteView['emails'][number];

/**
 * What the view adds to a quote row, for many quotes at once: the invoices made from each (with their credit
 * notes) and the e-mails that sent it. Three queries whatever the number of quotes, not three per quote.
 */
async function loadQuoteDetails(db: Db, quoteIds: readonly string[]) {
  const parts = await quotePartsOf(db, quoteIds);
  const emailsOf = new Map<string, QuoteEmail[]>();
  if (quoteIds.length > 0) {
    const sent = await db
      .select({
        quoteId: quoteSendings.quoteId,
        toAddress: quoteSendings.toAddress,
        sentAt: quoteSendings.sentAt,
        emailStatus: emails.status,
      })
      .from(quoteSendings)
      .innerJoin(emails, eq(emails.id, quoteSendings.emailId))
      .where(inArray(quoteSendings.quoteId, [...quoteIds]))
      .orderBy(asc(quoteSendings.sentAt));
    for (const e of sent) {
      const list = emailsOf.get(e.quoteId) ?? [];
      list.push({ toAddress: e.toAddress, sentAt: e.sentAt.toISOString(), emailStatus: e.emailStatus });
      emailsOf.set(e.quoteId, list);
    }
  }
  return { partsOf: (id: string) => parts.get(id) ?? [], emailsOf: (id: string) => emailsOf.get(id) ?? [] };
}

function toView(
  q: typeof quotes.$inferSelect,
  clientName: string,
  parts: readonly QuotePart[],
  sent: QuoteEmail[],
): QuoteView {
  const billed = sumBilled(parts);
  const billedExcl = [...billed.values()].reduce((s, v) => s + v, 0);
  return {
    id: q.id,
    activityId: q.activityId,
    clientId: q.clientId,
    clientName,
    reference: q.reference,
    status: q.status,
    issueDate: q.issueDate,
    validityDate: q.validityDate,
    notes: q.notes,
    paymentTerms: q.paymentTerms,
    deliveryAddress: q.deliveryAddress,
    totalExclCents: q.totalExclCents,
    totalVatCents: q.totalVatCents,
    totalInclCents: q.totalInclCents,
    vatBreakdown: q.vatBreakdown.map((g) => ({
      key: g.key,
      baseCents: g.baseCents,
      vatCents: g.vatCents,
      rateBp: g.rateBp,
    })),
    body: q.body,
    pdfUrl: q.pdfSha256 ? `/api/sales/quotes/${q.id}/pdf` : null,
    sentAt: q.sentAt?.toISOString() ?? null,
    decidedAt: q.decidedAt?.toISOString() ?? null,
    emails: sent,
    invoices: parts.map(({ part }) => ({
      id: part.id,
      part: part.quotePart!,
      status: part.status,
      number: part.number,
      totalExclCents: part.totalExclCents,
      totalInclCents: part.totalInclCents,
    })),
    remainingExclCents: parts.some((p) => p.part.quotePart === 'balance') ? 0 : q.totalExclCents - billedExcl,
  };
}

export async function getQuote(ctx: AppContext, actor: Actor, quoteId: string): Promise<QuoteView> {
  const [found] = await ctx.db
    .select({ quote: quotes, clientName: clients.name })
    .from(quotes)
    .innerJoin(clients, eq(clients.id, quotes.clientId))
    .where(eq(quotes.id, quoteId));
  if (!found) throw new AppError('NOT_FOUND');
  await requireSalesActivity(ctx.db, actor, found.quote.activityId, salesToday(ctx.now()));
  const details = await loadQuoteDetails(ctx.db, [quoteId]);
  return toView(found.quote, found.clientName, details.partsOf(quoteId), details.emailsOf(quoteId));
}

/** Quotes the actor may see: every activity's with sales.all, else those of their current activities. */
export async function listQuotes(
  ctx: AppContext,
  actor: Actor,
  filter: { activityId?: string; clientId?: string; status?: QuoteStatus },
) {
  const today = salesToday(ctx.now());
  const where: SQL[] = [];
  const visible = await listableSalesActivities(ctx.db, actor, filter.activityId, today);
  if (visible !== 'all') {
    if (visible.length === 0) return [];
    where.push(inArray(quotes.activityId, visible));
  }
  if (filter.clientId) where.push(eq(quotes.clientId, filter.clientId));
  if (filter.status) where.push(eq(quotes.status, filter.status));
  const rows = await ctx.db
    .select({ quote: quotes, clientName: clients.name })
    .from(quotes)
    .innerJoin(clients, eq(clients.id, quotes.clientId))
    .where(and(...where))
    .orderBy(desc(quotes.createdAt))
    .limit(500);
  const details = await loadQuoteDetails(
    ctx.db,
    rows.map((r) => r.quote.id),
  );
  return rows.map((r) =>
    toView(r.quote, r.clientName, details.partsOf(r.quote.id), details.emailsOf(r.quote.id)),
  );
}

/** The PDF stored when the quote was sent. */
export async function getQuotePdf(ctx: AppContext, actor: Actor, quoteId: string) {
  const [row] = await ctx.db.select().from(quotes).where(eq(quotes.id, quoteId));
  if (!row) throw new AppError('NOT_FOUND');
  await requireSalesActivity(ctx.db, actor, row.activityId, salesToday(ctx.now()));
  if (!row.pdfSha256) throw new AppError('NOT_FOUND');
  return { sha256: row.pdfSha256, reference: row.reference! };
}
