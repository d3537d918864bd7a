import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { formatDateFr, formatEuros } from '../../core/sales/format-fr.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { salesToday } from './sales-access.ts';
import { clients, quoteSendings } from './sales-tables.ts';
import { loadQuoteForUpdate } from './save-quote-draft.ts';
import { documentFilename, SendDocumentInput } from './send-sales-document.ts';

/**
 * E-mails a quote that was sent (it has its reference and stored PDF) to the client, or to another
 * address: the stored file is attached, never redrawn; the trace keeps when, to whom, which file and who.
 */
export async function emailQuote(ctx: AppContext, actor: Actor, quoteId: string, input: unknown) {
  const parsed = SendDocumentInput.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  return ctx.db.transaction(async (tx) => {
    const { quote, activity } = await loadQuoteForUpdate(tx, actor, quoteId, salesToday(ctx.now()));
    // A draft has no reference nor PDF yet: it must be sent (numbered) first.
    if (!quote.pdfSha256 || !quote.reference) throw new AppError('QUOTE_NOT_SENT');
    const [client] = await tx.select().from(clients).where(eq(clients.id, quote.clientId));
    const to = parsed.data.to ?? client!.email;
    if (!to) throw new AppError('CLIENT_EMAIL_MISSING');
    const seller = await getCooperative(tx);
    const emailId = await enqueueEmail(tx, {
      to,
      toName: client!.name,
      locale: 'fr',
      template: 'salesQuote',
      vars: {
        cooperativeName: seller?.legalName ?? 'Mutua',
        brandName: activity.brand || activity.name,
        reference: quote.reference,
        total: formatEuros(quote.totalInclCents),
        validUntil: formatDateFr(quote.validityDate!),
        message: parsed.data.message,
      },
      now: ctx.now(),
      attachments: [{ filename: documentFilename(quote.reference), sha256: quote.pdfSha256 }],
    });
    const [row] = await tx
      .insert(quoteSendings)
      .values({
        quoteId,
        toAddress: to,
        fileSha256: quote.pdfSha256,
        emailId,
        sentBy: actor.userId,
        sentAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'sales.quote.email',
      objectType: 'quote',
      objectId: quoteId,
      changes: { to, fileSha256: quote.pdfSha256 },
    });
    return row!;
  });
}
