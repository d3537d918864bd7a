import { z } from 'zod';
import { Quantity } from './decimal-quantity.ts';
import { knownVatRatesBp } from './french-vat-rates.ts';
import { AmountCents } from './money-limits.ts';
import { UnitCode } from './unit-codes.ts';
import { VatExemptionKey } from './vat-exemptions.ts';

/** A line's VAT: a French rate in basis points, or an exemption with its legal reason. */
export const LineVat = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('rate'),
    rateBp: z
      .number()
      .int()
      .refine((v) => knownVatRatesBp.includes(v), { error: 'vatRate.unknown' }),
  }),
  z
    .strictObject({
      kind: z.literal('exempt'),
      exemption: VatExemptionKey,
      reason: z.string().trim().max(300).nullable().default(null),
    })
    // "other" has no standard text: the reason is what the invoice prints (CGI ann. II art. 242 nonies A, 13°).
    .refine((v) => v.exemption !== 'other' || (v.reason !== null && v.reason.length >= 5), {
      error: 'exemption.reasonRequired',
      path: ['reason'],
    }),
]);
export type LineVat = z.infer<typeof LineVat>;

/** A discount (remise): a percentage in basis points, or an amount in cents excl. VAT. */
export const Discount = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), bp: z.number().int().min(1).max(10_000) }),
  z.strictObject({ kind: z.literal('amount'), cents: AmountCents.refine((v) => v > 0) }),
]);
export type Discount = z.infer<typeof Discount>;

export const SupplyKind = z.enum(['goods', 'services']);

/** A sales account: class 70 of the PCG (sales of goods and services), 6 to 10 digits. */
export const SalesAccount = z
  .string()
  .trim()
  .regex(/^70\d{4,8}$/, { error: 'salesAccount.invalid' });
export type SupplyKind = z.infer<typeof SupplyKind>;

export const DocumentLine = z.strictObject({
  description: z.string().trim().min(1, { error: 'description.required' }).max(2000),
  quantity: Quantity,
  unit: UnitCode.default('C62'),
  /** Unit price excl. VAT, in cents. */
  unitPriceCents: AmountCents,
  vat: LineVat,
  discount: Discount.nullable().default(null),
  kind: SupplyKind.default('services'),
  /**
   * The class 70 account the line's sales credit (PCG), copied from the catalogue item; none for a line
   * typed by hand: 706000 (services) or 707000 (goods) then. Documents issued before it existed lack it.
   */
  salesAccount: SalesAccount.nullish(),
});
export type DocumentLine = z.infer<typeof DocumentLine>;

export const DocumentSection = z.strictObject({
  title: z.string().trim().max(200).nullable().default(null),
  lines: z.array(DocumentLine).max(500),
});
export type DocumentSection = z.infer<typeof DocumentSection>;

/** What a quote, invoice or credit note bills: sections of lines and an overall discount. */
export const DocumentBody = z
  .strictObject({
    sections: z.array(DocumentSection).min(1).max(50),
    discount: Discount.nullable().default(null),
  })
  .refine((b) => b.sections.some((s) => s.lines.length > 0), { error: 'lines.required', path: ['sections'] });
export type DocumentBody = z.infer<typeof DocumentBody>;
