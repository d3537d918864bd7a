import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { QuoteStatus } from '../../core/sales/document-statuses.ts';
import type { QuoteView } from '../../core/sales/quote-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { emails } from '../mail/mail-tables.ts';
import { quoteParts, sumBilled } from './convert-quote.ts';
import { listableSalesActivities, requireSalesActivity, salesToday } from './sales-access.ts';
import { clients, quoteSendings, quotes } from './sales-tables.ts';

async function toView(db: Db, q: typeof quotes.$inferSelect, clientName: string): Promise<QuoteView> {
  const parts = await quoteParts(db, q.id);
  const billed = sumBilled(parts);
  const billedExcl = [...billed.values()].reduce((s, v) => s + v, 0);
  const sent = await db
    .select({ toAddress: quoteSendings.toAddress, sentAt: quoteSendings.sentAt, emailStatus: emails.status })
    .from(quoteSendings)
    .innerJoin(emails, eq(emails.id, quoteSendings.emailId))
    .where(eq(quoteSendings.quoteId, q.id))
    .orderBy(asc(quoteSendings.sentAt));
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
    emails: sent.map((e) => ({
      toAddress: e.toAddress,
      sentAt: e.sentAt.toISOString(),
      emailStatus: e.emailStatus,
    })),
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
  return toView(ctx.db, found.quote, found.clientName);
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
  const out: QuoteView[] = [];
  for (const r of rows) out.push(await toView(ctx.db, r.quote, r.clientName));
  return out;
}

/** The PDF stored when the quote was sent. */
export async function getQuotePdf(ctx: AppContext, actor: Actor, quoteId: string) {
  const [row] = await ctx.db.select().from(quotes).where(eq(quotes.id, quoteId));
  if (!row) throw new AppError('NOT_FOUND');
  await requireSalesActivity(ctx.db, actor, row.activityId, salesToday(ctx.now()));
  if (!row.pdfSha256) throw new AppError('NOT_FOUND');
  return { sha256: row.pdfSha256, reference: row.reference! };
}
