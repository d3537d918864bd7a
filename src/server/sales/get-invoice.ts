import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { paymentStatus } from '../../core/sales/document-statuses.ts';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { emails } from '../mail/mail-tables.ts';
import { readInvoiceBodies } from './invoice-lines-io.ts';
import { listableSalesActivities, requireSalesActivity, salesToday } from './sales-access.ts';
import { clients, invoiceSendings, invoices, payments } from './sales-tables.ts';

type Row = { invoice: typeof invoices.$inferSelect; clientName: string };

/**
 * The API views of invoices, with what the client owes on each, their sendings and, for drafts, their
 * lines — in a fixed number of queries whatever the number of invoices (lists show hundreds).
 */
async function toViews(db: Db, rows: readonly Row[], today: string): Promise<InvoiceView[]> {
  const issuedIds = rows.filter((r) => r.invoice.status === 'issued').map((r) => r.invoice.id);
  const sumBy = async (query: Promise<{ id: string | null; cents: string | number }[]>) =>
    new Map((await query).map((r) => [r.id!, Number(r.cents)]));
  const credited =
    issuedIds.length === 0
      ? new Map<string, number>()
      : await sumBy(
          db
            .select({
              id: invoices.correctsInvoiceId,
              cents: sql<string>`sum(${invoices.totalInclCents})`,
            })
            .from(invoices)
            .where(and(inArray(invoices.correctsInvoiceId, issuedIds), eq(invoices.status, 'issued')))
            .groupBy(invoices.correctsInvoiceId),
        );
  const paymentRows =
    issuedIds.length === 0
      ? []
      : await db
          .select({
            id: payments.id,
            invoiceId: payments.invoiceId,
            paidOn: payments.paidOn,
            amountCents: payments.amountCents,
            method: payments.method,
            reference: payments.reference,
          })
          .from(payments)
          .where(inArray(payments.invoiceId, issuedIds))
          .orderBy(asc(payments.paidOn), asc(payments.createdAt));
  const paid = new Map<string, number>();
  for (const p of paymentRows) paid.set(p.invoiceId, (paid.get(p.invoiceId) ?? 0) + Number(p.amountCents));
  const sendings =
    issuedIds.length === 0
      ? []
      : await db
          .select({ sending: invoiceSendings, emailStatus: emails.status })
          .from(invoiceSendings)
          .innerJoin(emails, eq(emails.id, invoiceSendings.emailId))
          .where(inArray(invoiceSendings.invoiceId, issuedIds))
          .orderBy(asc(invoiceSendings.sentAt));
  const bodies = await readInvoiceBodies(
    db,
    rows
      .filter((r) => !r.invoice.issuedView)
      .map((r) => ({ id: r.invoice.id, discount: r.invoice.discount })),
  );
  return rows.map(({ invoice: row, clientName }) => {
    const issued = row.status === 'issued' && row.type !== 'creditNote';
    const creditedCents = issued ? (credited.get(row.id) ?? 0) : 0;
    const paidCents = issued ? (paid.get(row.id) ?? 0) : 0;
    const dueCents = issued ? row.totalInclCents - creditedCents - paidCents : 0;
    return {
      id: row.id,
      activityId: row.activityId,
      clientId: row.clientId,
      clientName,
      type: row.type,
      status: row.status,
      number: row.number,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      deliveryDate: row.deliveryDate,
      correctsInvoiceId: row.correctsInvoiceId,
      purchaseOrderReference: row.purchaseOrderReference,
      notes: row.notes,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      approvedAt: row.approvedAt?.toISOString() ?? null,
      returnReason: row.returnReason,
      totalExclCents: row.totalExclCents,
      totalVatCents: row.totalVatCents,
      totalInclCents: row.totalInclCents,
      vatBreakdown: row.vatBreakdown.map((g) => ({
        key: g.key,
        baseCents: g.baseCents,
        vatCents: g.vatCents,
        rateBp: g.rateBp,
      })),
      creditedCents,
      paidCents,
      dueCents,
      payments: paymentRows
        .filter((p) => p.invoiceId === row.id)
        .map((p) => ({
          id: p.id,
          paidOn: p.paidOn,
          amountCents: Number(p.amountCents),
          method: p.method,
          reference: p.reference,
        })),
      paymentStatus: issued
        ? paymentStatus(
            { dueCents: row.totalInclCents - creditedCents, paidCents, dueDate: row.dueDate! },
            today,
          )
        : null,
      pdfUrl: row.pdfSha256 ? `/api/sales/invoices/${row.id}/pdf` : null,
      body: row.issuedView?.body ?? bodies.get(row.id)!,
      sendings: sendings
        .filter((x) => x.sending.invoiceId === row.id)
        .map(({ sending: x, emailStatus }) => ({
          kind: x.kind,
          reminderDays: x.reminderDays,
          toAddress: x.toAddress,
          sentAt: x.sentAt.toISOString(),
          fileSha256: x.fileSha256,
          emailStatus,
          dueCents: x.dueCents,
          penaltyCents: x.penaltyCents,
          penaltyRateBp: x.penaltyRateBp,
          indemnityCents: x.indemnityCents,
        })),
      quoteId: row.quoteId,
      quotePart: row.quotePart,
    };
  });
}

export async function getInvoice(ctx: AppContext, actor: Actor, invoiceId: string): Promise<InvoiceView> {
  const today = salesToday(ctx.now());
  const [found] = await ctx.db
    .select({ invoice: invoices, clientName: clients.name })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(eq(invoices.id, invoiceId));
  if (!found) throw new AppError('NOT_FOUND');
  await requireSalesActivity(ctx.db, actor, found.invoice.activityId, today);
  return (await toViews(ctx.db, [found], today))[0]!;
}

/** What the invoice list filters on, in the database (so that the 500 answered are the right ones). */
export type InvoiceListFilter = {
  activityId?: string;
  clientId?: string;
  status?: 'draft' | 'submitted' | 'approved' | 'issued';
  type?: 'invoice' | 'deposit' | 'creditNote';
  payment?: 'unpaid' | 'partlyPaid' | 'paid' | 'overdue';
  /** Part of the client's name, any case. */
  client?: string;
  /** Issue dates, inclusive. */
  from?: string;
  to?: string;
};

/** The payment status of issued invoices in SQL, as paymentStatus (core) computes it for one. */
function paymentStatusIs(status: NonNullable<InvoiceListFilter['payment']>, today: string): SQL {
  const paid = sql`(SELECT coalesce(sum(p.amount_cents), 0) FROM payments p WHERE p.invoice_id = ${invoices.id})`;
  const due = sql`(${invoices.totalInclCents} - (SELECT coalesce(sum(c.total_incl_cents), 0) FROM invoices c
    WHERE c.corrects_invoice_id = ${invoices.id} AND c.status = 'issued'))`;
  const base = sql`${invoices.status} = 'issued' AND ${invoices.type} <> 'creditNote'`;
  switch (status) {
    case 'paid':
      return sql`${base} AND ${paid} >= ${due}`;
    case 'overdue':
      return sql`${base} AND ${paid} < ${due} AND ${invoices.dueDate} < ${today}`;
    case 'partlyPaid':
      return sql`${base} AND ${paid} < ${due} AND ${invoices.dueDate} >= ${today} AND ${paid} > 0`;
    case 'unpaid':
      return sql`${base} AND ${paid} < ${due} AND ${invoices.dueDate} >= ${today} AND ${paid} = 0`;
  }
}

/** Invoices the actor may see: every activity's with sales.all, else those of the activities they are a member of today. */
export async function listInvoices(ctx: AppContext, actor: Actor, filter: InvoiceListFilter) {
  const today = salesToday(ctx.now());
  const where: SQL[] = [];
  const visible = await listableSalesActivities(ctx.db, actor, filter.activityId, today);
  if (visible !== 'all') {
    if (visible.length === 0) return [];
    where.push(inArray(invoices.activityId, visible));
  }
  if (filter.clientId) where.push(eq(invoices.clientId, filter.clientId));
  // "approved" is a submitted invoice support has validated, not yet issued.
  if (filter.status === 'approved')
    where.push(eq(invoices.status, 'submitted'), sql`${invoices.approvedAt} IS NOT NULL`);
  else if (filter.status === 'submitted')
    where.push(eq(invoices.status, 'submitted'), sql`${invoices.approvedAt} IS NULL`);
  else if (filter.status) where.push(eq(invoices.status, filter.status));
  if (filter.type) where.push(eq(invoices.type, filter.type));
  if (filter.payment) where.push(paymentStatusIs(filter.payment, today));
  if (filter.client) {
    const pattern = `%${filter.client.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`${clients.name} ILIKE ${pattern}`);
  }
  if (filter.from) where.push(sql`${invoices.issueDate} >= ${filter.from}`);
  if (filter.to) where.push(sql`${invoices.issueDate} <= ${filter.to}`);
  const rows = await ctx.db
    .select({ invoice: invoices, clientName: clients.name })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(...where))
    .orderBy(desc(invoices.createdAt))
    .limit(500);
  return toViews(ctx.db, rows, today);
}

/** The stored PDF of an issued document, for download. */
export async function getInvoicePdf(ctx: AppContext, actor: Actor, invoiceId: string) {
  const [row] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!row) throw new AppError('NOT_FOUND');
  await requireSalesActivity(ctx.db, actor, row.activityId, salesToday(ctx.now()));
  if (!row.pdfSha256) throw new AppError('NOT_FOUND');
  return { sha256: row.pdfSha256, number: row.number! };
}
