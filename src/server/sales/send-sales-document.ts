import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { formatDateFr, formatEuros } from '../../core/sales/format-fr.ts';
import { documentTypeTitles } from '../../core/sales/sales-document-view.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { loadInvoiceForUpdate } from './load-invoice-for-update.ts';
import { salesToday } from './sales-access.ts';
import { clients, invoiceSendings } from './sales-tables.ts';

/** Sending an issued document: to the client's address unless another is given, with an optional word. */
export const SendDocumentInput = z.strictObject({
  to: z
    .email({ error: 'email.invalid' })
    .max(200)
    .transform((v) => v.toLowerCase())
    .nullable()
    .default(null),
  message: z.string().trim().max(2000).nullable().default(null),
});

/** The file name a client receives: the number, made safe. */
export function documentFilename(number: string) {
  return `${number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

/**
 * E-mails an issued invoice, deposit invoice or credit note to the client (issue 5 §9): the PDF stored
 * when it was issued (never regenerated) is attached; the mail is queued in this transaction and sent by
 * the job queue (SMTP, or the outbox without SMTP_URL). The trace keeps when, to whom, which file (its
 * hash) and who sent it; the invoice view lists it.
 */
export async function sendSalesDocument(ctx: AppContext, actor: Actor, invoiceId: string, input: unknown) {
  const parsed = SendDocumentInput.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  return ctx.db.transaction(async (tx) => {
    const { invoice, activity } = await loadInvoiceForUpdate(tx, actor, invoiceId, salesToday(ctx.now()));
    if (invoice.status !== 'issued') throw new AppError('INVOICE_NOT_ISSUED');
    const [client] = await tx.select().from(clients).where(eq(clients.id, invoice.clientId));
    const to = parsed.data.to ?? client!.email;
    if (!to) throw new AppError('CLIENT_EMAIL_MISSING');
    const view = invoice.issuedView!;
    const emailId = await enqueueEmail(tx, {
      to,
      toName: client!.name,
      locale: 'fr',
      template: 'salesDocument',
      vars: {
        cooperativeName: view.seller.legalName,
        brandName: activity.brand || activity.name,
        title: `${documentTypeTitles[invoice.type]} n° ${invoice.number}`,
        total: formatEuros(invoice.totalInclCents),
        dueDate: invoice.type === 'creditNote' ? null : formatDateFr(invoice.dueDate!),
        message: parsed.data.message,
      },
      now: ctx.now(),
      attachments: [{ filename: documentFilename(invoice.number!), sha256: invoice.pdfSha256! }],
    });
    const [row] = await tx
      .insert(invoiceSendings)
      .values({
        invoiceId,
        kind: 'document',
        toAddress: to,
        fileSha256: invoice.pdfSha256!,
        emailId,
        sentBy: actor.userId,
        sentAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'sales.invoice.send',
      objectType: 'invoice',
      objectId: invoiceId,
      changes: { to, fileSha256: invoice.pdfSha256 },
    });
    return row!;
  });
}
