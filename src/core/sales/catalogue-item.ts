import { z } from 'zod';
import { LineVat, SalesAccount, SupplyKind } from './document-line.ts';
import { AmountCents } from './money-limits.ts';
import { UnitCode } from './unit-codes.ts';

/** The sales account a catalogue item credits by default: 706 services, 707 goods (PCG). */
export function defaultSalesAccount(kind: SupplyKind): string {
  return kind === 'goods' ? '707000' : '706000';
}

/**
 * A product or service of an activity's catalogue (issue 5 §2): what a quote or invoice line starts
 * from. Lines copy it, so changing or archiving an item never changes a document.
 */
export const CatalogueItemInput = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'name.required' }).max(200),
    description: z.string().trim().max(2000).default(''),
    unit: UnitCode.default('C62'),
    /** Unit price excl. VAT, in cents. */
    unitPriceCents: AmountCents,
    vat: LineVat,
    kind: SupplyKind,
    /** A class 70 account (sales of goods and services, PCG); 706000 or 707000 by kind when left empty. */
    salesAccount: SalesAccount.nullable().default(null),
  })
  .transform((i) => ({ ...i, salesAccount: i.salesAccount ?? defaultSalesAccount(i.kind) }));
export type CatalogueItemInput = z.infer<typeof CatalogueItemInput>;

export const CatalogueItemView = z.object({
  id: z.string(),
  activityId: z.string(),
  name: z.string(),
  description: z.string(),
  unit: UnitCode,
  unitPriceCents: z.number(),
  vat: z.unknown(),
  kind: SupplyKind,
  salesAccount: z.string(),
  archived: z.boolean(),
});
export type CatalogueItemView = z.infer<typeof CatalogueItemView>;
