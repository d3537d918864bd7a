import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { buildPaymentEntryLines, vatCollectedByPayment } from '../../core/sales/build-sales-entries.ts';
import { PaymentInput } from '../../core/sales/sales-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { loadInvoiceForUpdate } from './load-invoice-for-update.ts';
import { salesToday } from './sales-access.ts';
import { clients, invoices, payments } from './sales-tables.ts';

/** What the client still owes and the VAT still awaiting receipt, for an issued invoice (row locked). */
export async function invoiceBalance(db: Db, invoice: typeof invoices.$inferSelect) {
  const [credits] = await db
    .select({
      incl: sql<string>`coalesce(sum(${invoices.totalInclCents}), 0)`,
      pending: sql<string>`coalesce(sum(${invoices.vatPendingCents}), 0)`,
    })
    .from(invoices)
    .where(and(eq(invoices.correctsInvoiceId, invoice.id), eq(invoices.status, 'issued')));
  const [paid] = await db
    .select({
      amount: sql<string>`coalesce(sum(${payments.amountCents}), 0)`,
      vat: sql<string>`coalesce(sum(${payments.vatCollectedCents}), 0)`,
    })
    .from(payments)
    .where(eq(payments.invoiceId, invoice.id));
  const creditedCents = Number(credits!.incl);
  const paidCents = Number(paid!.amount);
  return {
    creditedCents,
    paidCents,
    dueCents: invoice.totalInclCents - creditedCents - paidCents,
    pendingVatCents: Math.max(0, invoice.vatPendingCents - Number(credits!.pending) - Number(paid!.vat)),
  };
}

/**
 * Records a client's payment by hand (issue 5 §8): partial payments, several per invoice, never more than
 * what is due. Posts D 512 · C 411, and for VAT on receipts moves the VAT received from 44574 to 44571,
 * pro rata, all of what remains with the payment that settles the invoice.
 */
export async function recordPayment(
  ctx: AppContext,
  actor: Actor,
  invoiceId: string,
  input: unknown,
  /** A statement line matched to the invoice posts on its bank account's journal and 512x (issue 9). */
  bank: { journalCode: string; accountNumber: string } | null = null,
) {
  const parsed = PaymentInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const p = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const { invoice } = await loadInvoiceForUpdate(tx, actor, invoiceId, salesToday(ctx.now()));
    if (invoice.status !== 'issued' || invoice.type === 'creditNote')
      throw new AppError('INVOICE_NOT_ISSUED');
    const balance = await invoiceBalance(tx, invoice);
    if (p.amountCents > balance.dueCents)
      throw new AppError('PAYMENT_EXCEEDS_DUE', { dueCents: balance.dueCents });
    const [client] = await tx.select().from(clients).where(eq(clients.id, invoice.clientId));
    const vatCollectedCents = vatCollectedByPayment({
      pendingVatCents: balance.pendingVatCents,
      dueCents: balance.dueCents,
      amountCents: p.amountCents,
    });
    const id = crypto.randomUUID();
    const label = `Règlement ${invoice.number} ${client!.name}`.replace(/[\t\r\n]/g, ' ').slice(0, 200);
    const posted = await postEntry({ db: tx, now: ctx.now }, actor, {
      journalCode: bank?.journalCode ?? 'BQ',
      entryDate: p.paidOn,
      pieceRef: p.reference || invoice.number!,
      pieceDate: p.paidOn,
      label,
      source: { type: 'payment', id },
      idempotencyKey: `sales.payment.${id}`,
      lines: buildPaymentEntryLines({
        amountCents: p.amountCents,
        vatCollectedCents,
        label,
        ...(bank ? { bankAccountNumber: bank.accountNumber } : {}),
      }).map((l) => ({
        accountNumber: l.accountNumber,
        activityId: invoice.activityId,
        thirdParty: l.thirdParty ? { code: client!.id, name: client!.name.replace(/[\t\r\n]/g, ' ') } : null,
        debitCents: l.debitCents,
        creditCents: l.creditCents,
        label,
      })),
    });
    const [row] = await tx
      .insert(payments)
      .values({
        id,
        invoiceId,
        paidOn: p.paidOn,
        amountCents: p.amountCents,
        method: p.method,
        reference: p.reference,
        vatCollectedCents,
        ledgerEntryId: posted.id,
        recordedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'sales.payment.record',
      objectType: 'invoice',
      objectId: invoiceId,
      changes: { amountCents: p.amountCents, paidOn: p.paidOn },
    });
    return row!;
  });
}
