import { z } from 'zod';
import { isValidFrenchVatNumber } from '../identity/is-valid-french-vat-number.ts';
import { isValidSiren, isValidSiret } from '../identity/is-valid-siren.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';
import { CalendarDate } from './calendar-date.ts';
import { DocumentBody } from './document-line.ts';
import { AmountCents } from './money-limits.ts';
import { PaymentTerms } from './payment-terms.ts';

/** An address anywhere (a client may be abroad); French postal codes have 5 digits. */
export const SalesAddress = z
  .strictObject({
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).default(''),
    postalCode: z.string().trim().min(1).max(20),
    city: z.string().trim().min(1).max(100),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .default('FR'),
  })
  .refine((a) => a.country !== 'FR' || /^\d{5}$/.test(a.postalCode), {
    error: 'postalCode.invalid',
    path: ['postalCode'],
  });

const identifier = z.string().transform(normalizeIdentifier);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? null : v), schema.nullable().default(null));

export const ClientInput = z
  .strictObject({
    kind: z.enum(['company', 'individual', 'publicBody']),
    name: z.string().trim().min(1, { error: 'name.required' }).max(200),
    siren: optional(identifier.refine(isValidSiren, { error: 'siren.invalid' })),
    siret: optional(identifier.refine(isValidSiret, { error: 'siret.invalid' })),
    vatNumber: optional(
      identifier.refine(
        (v) => (v.startsWith('FR') ? isValidFrenchVatNumber(v) : /^[A-Z]{2}[A-Z0-9]{2,13}$/.test(v)),
        {
          error: 'vatNumber.invalid',
        },
      ),
    ),
    billingAddress: SalesAddress,
    deliveryAddress: optional(SalesAddress),
    email: optional(z.email({ error: 'email.invalid' }).max(200)),
    paymentTerms: PaymentTerms.default({ kind: 'days', days: 30 }),
  })
  // The 2026 reform prints the client's SIREN: a French company or public body has one.
  .refine((c) => c.kind === 'individual' || c.billingAddress.country !== 'FR' || c.siren !== null, {
    error: 'siren.required',
    path: ['siren'],
  })
  .refine((c) => c.kind !== 'individual' || (c.siren === null && c.siret === null), {
    error: 'siren.individual',
    path: ['siren'],
  })
  .refine((c) => c.siret === null || c.siren === null || c.siret.startsWith(c.siren), {
    error: 'siret.sirenMismatch',
    path: ['siret'],
  });
export type ClientInput = z.infer<typeof ClientInput>;

/** A draft invoice or deposit invoice, as the editor sends it (credit notes come from createCreditNote). */
export const InvoiceDraftInput = z.strictObject({
  activityId: z.uuid(),
  clientId: z.uuid(),
  type: z.enum(['invoice', 'deposit']).default('invoice'),
  body: DocumentBody,
  /** Date of delivery or of the end of the service; the issue date when left empty. */
  deliveryDate: optional(CalendarDate),
  deliveryAddress: optional(SalesAddress),
  purchaseOrderReference: optional(z.string().trim().min(1).max(60)),
  notes: optional(z.string().trim().max(2000)),
  /** The client's terms when left empty. */
  paymentTerms: optional(PaymentTerms),
});
export type InvoiceDraftInput = z.infer<typeof InvoiceDraftInput>;

/** A credit note of an issued invoice: given lines, or, without a body, everything that remains. */
export const CreditNoteInput = z.strictObject({
  body: optional(DocumentBody),
  notes: optional(z.string().trim().max(2000)),
});
export type CreditNoteInput = z.infer<typeof CreditNoteInput>;

export const paymentMethods = ['transfer', 'cheque', 'card', 'cash', 'directDebit', 'other'] as const;

export const PaymentInput = z.strictObject({
  amountCents: AmountCents.refine((v) => v > 0, { error: 'amount.positive' }),
  paidOn: CalendarDate,
  method: z.enum(paymentMethods).default('transfer'),
  reference: z.string().trim().max(100).default(''),
});
export type PaymentInput = z.infer<typeof PaymentInput>;

/** Support sends a submitted invoice back: the author reads why on their draft. */
export const ReturnInvoiceInput = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});
export type ReturnInvoiceInput = z.infer<typeof ReturnInvoiceInput>;
