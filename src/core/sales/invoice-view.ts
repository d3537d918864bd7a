import { z } from 'zod';

/** An invoice, deposit invoice or credit note as the API answers it. */
export const InvoiceView = z.object({
  id: z.string(),
  activityId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  type: z.enum(['invoice', 'deposit', 'creditNote']),
  status: z.enum(['draft', 'submitted', 'issued']),
  number: z.string().nullable(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  deliveryDate: z.string().nullable(),
  correctsInvoiceId: z.string().nullable(),
  purchaseOrderReference: z.string().nullable(),
  notes: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Drafts sent back by support: why, until the author submits again. */
  returnReason: z.string().nullable(),
  totalExclCents: z.number(),
  totalVatCents: z.number(),
  totalInclCents: z.number(),
  vatBreakdown: z.array(
    z.object({ key: z.string(), baseCents: z.number(), vatCents: z.number(), rateBp: z.number() }),
  ),
  /** Issued invoices only: what credit notes and payments took off, and what remains. */
  creditedCents: z.number(),
  paidCents: z.number(),
  dueCents: z.number(),
  /** Issued invoices: each payment received, oldest first. */
  payments: z.array(
    z.object({
      id: z.string(),
      paidOn: z.string(),
      amountCents: z.number(),
      method: z.string(),
      reference: z.string(),
    }),
  ),
  paymentStatus: z.enum(['unpaid', 'partlyPaid', 'paid', 'overdue']).nullable(),
  pdfUrl: z.string().nullable(),
  body: z.unknown(),
  /** Issued documents: every e-mail that carried the PDF (sending or reminder), oldest first. */
  sendings: z.array(
    z.object({
      kind: z.enum(['document', 'reminder']),
      /** Reminders: the step of the schedule (days after the due date). */
      reminderDays: z.number().nullable(),
      toAddress: z.string(),
      sentAt: z.string(),
      /** SHA-256 of the file sent (the PDF stored when the document was issued). */
      fileSha256: z.string(),
      /** queued, sent (SMTP), outbox (no SMTP configured) or failed. */
      emailStatus: z.string(),
      dueCents: z.number().nullable(),
      penaltyCents: z.number().nullable(),
      penaltyRateBp: z.number().nullable(),
      indemnityCents: z.number().nullable(),
    }),
  ),
  /** Which part of a quote it bills, when made from a quote. */
  quoteId: z.string().nullable(),
  quotePart: z.enum(['deposit', 'intermediate', 'balance']).nullable(),
});
export type InvoiceView = z.infer<typeof InvoiceView>;
