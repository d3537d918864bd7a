import { z } from 'zod';
import { InvoiceView } from './invoice-view.ts';

/** A client as the API answers it. */
export const ClientView = z.object({
  id: z.string(),
  activityId: z.string(),
  kind: z.enum(['company', 'individual', 'publicBody']),
  name: z.string(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  billingAddress: z.unknown(),
  deliveryAddress: z.unknown(),
  paymentTerms: z.unknown(),
  archived: z.boolean(),
});
export type ClientView = z.infer<typeof ClientView>;

export const ClientBalanceView = z.object({
  invoicedCents: z.number(),
  creditedCents: z.number(),
  paidCents: z.number(),
  dueCents: z.number(),
  overdueCents: z.number(),
});

/** A quote in a list: enough to find it and see where it stands. */
export const QuoteSummary = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  status: z.enum(['draft', 'sent', 'accepted', 'refused', 'expired']),
  issueDate: z.string().nullable(),
  validityDate: z.string().nullable(),
  totalExclCents: z.number(),
  totalInclCents: z.number(),
});
export type QuoteSummary = z.infer<typeof QuoteSummary>;

/** The client page: the client, its documents and what it owes. */
export const ClientDetailView = z.object({
  client: ClientView,
  /** Whether it can be deleted: only a client without any document can. */
  deletable: z.boolean(),
  invoices: z.array(InvoiceView),
  quotes: z.array(QuoteSummary),
  balance: ClientBalanceView,
});
export type ClientDetailView = z.infer<typeof ClientDetailView>;
