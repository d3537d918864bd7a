import { z } from 'zod';
import { CalendarDate } from './calendar-date.ts';
import { DocumentBody } from './document-line.ts';
import { AmountCents } from './money-limits.ts';
import { PaymentTerms } from './payment-terms.ts';
import { SalesAddress } from './sales-schemas.ts';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().default(null));

/**
 * A draft quote (devis) as the editor sends it (issue 5 §3): sections and lines like an invoice, an
 * overall discount, a validity date (the settings' default when left empty, counted from the day it is
 * sent), notes.
 */
export const QuoteDraftInput = z.strictObject({
  activityId: z.uuid(),
  clientId: z.uuid(),
  body: DocumentBody,
  validityDate: optional(CalendarDate),
  deliveryAddress: optional(SalesAddress),
  notes: optional(z.string().trim().max(2000)),
  /** The client's terms when left empty; invoices made from the quote take them. */
  paymentTerms: optional(PaymentTerms),
});
export type QuoteDraftInput = z.infer<typeof QuoteDraftInput>;

/** How much of the quote a deposit or intermediate invoice bills: a percentage or an amount excl. VAT. */
export const QuoteShare = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), bp: z.number().int().min(1).max(10_000) }),
  z.strictObject({
    kind: z.literal('amount'),
    cents: AmountCents.refine((v) => v > 0, { error: 'amount.positive' }),
  }),
]);
export type QuoteShare = z.infer<typeof QuoteShare>;

/**
 * Turning a quote into an invoice: a deposit invoice (acompte), an intermediate invoice (situation), or
 * the balance invoice (solde: the whole quote minus what the earlier invoices billed; with no earlier
 * invoice, simply the whole quote).
 */
export const ConvertQuoteInput = z.discriminatedUnion('part', [
  z.strictObject({ part: z.literal('deposit'), share: QuoteShare }),
  z.strictObject({ part: z.literal('intermediate'), share: QuoteShare }),
  z.strictObject({ part: z.literal('balance') }),
]);
export type ConvertQuoteInput = z.infer<typeof ConvertQuoteInput>;

export const QuoteDecisionInput = z.strictObject({
  status: z.enum(['accepted', 'refused', 'expired']),
});

/** A quote as the API answers it. */
export const QuoteView = z.object({
  id: z.string(),
  activityId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  reference: z.string().nullable(),
  status: z.enum(['draft', 'sent', 'accepted', 'refused', 'expired']),
  issueDate: z.string().nullable(),
  validityDate: z.string().nullable(),
  notes: z.string().nullable(),
  paymentTerms: z.unknown(),
  deliveryAddress: z.unknown(),
  totalExclCents: z.number(),
  totalVatCents: z.number(),
  totalInclCents: z.number(),
  vatBreakdown: z.array(
    z.object({ key: z.string(), baseCents: z.number(), vatCents: z.number(), rateBp: z.number() }),
  ),
  body: z.unknown(),
  pdfUrl: z.string().nullable(),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Each e-mail that carried the quote's PDF, oldest first. */
  emails: z.array(z.object({ toAddress: z.string(), sentAt: z.string(), emailStatus: z.string() })),
  /** Invoices made from the quote, and what remains to invoice excl. VAT (issued and draft parts count). */
  invoices: z.array(
    z.object({
      id: z.string(),
      part: z.enum(['deposit', 'intermediate', 'balance']),
      status: z.enum(['draft', 'submitted', 'issued']),
      number: z.string().nullable(),
      totalExclCents: z.number(),
      totalInclCents: z.number(),
    }),
  ),
  remainingExclCents: z.number(),
});
export type QuoteView = z.infer<typeof QuoteView>;
