import { AppError } from '../errors/app-error.ts';
import { allocateCents } from './allocate-cents.ts';
import { parseQuantity, QUANTITY_SCALE } from './decimal-quantity.ts';
import { divideRounded } from './divide-rounded.ts';
import type { Discount, DocumentBody, DocumentLine, LineVat, SupplyKind } from './document-line.ts';
import { MAX_AMOUNT_CENTS } from './money-limits.ts';
import { exemptionText, type VatCategory, type VatExemptionKey, vatExemptions } from './vat-exemptions.ts';

/** One VAT breakdown group (EN 16931 BG-23): a category, and for S a rate. */
export interface VatGroup {
  key: string;
  category: VatCategory;
  rateBp: number;
  exemption: { key: VatExemptionKey; vatexCode: string | null; text: string } | null;
  /** Sum of the group's line nets. */
  lineNetCents: number;
  /** Document-level allowances of the group (BT-92 summed). */
  allowanceCents: number;
  /** BT-116 = lineNet − allowance. */
  baseCents: number;
  /** BT-117 = base × rate, rounded once per group (BR-CO-17). */
  vatCents: number;
}

export interface LineTotals {
  sectionIndex: number;
  lineIndex: number;
  vatKey: string;
  /** quantity × unit price, rounded to the cent. */
  grossCents: number;
  /** The line discount (BT-136), 0 when none. */
  discountCents: number;
  /** BT-131 = gross − discount. */
  netCents: number;
}

/** A document-level allowance (BG-20), one per VAT group: EN 16931 needs a VAT category on each. */
export interface DocumentAllowance {
  vatKey: string;
  /** BT-93, for a percentage discount. */
  baseCents: number | null;
  /** BT-94. */
  percentBp: number | null;
  /** BT-92. */
  amountCents: number;
}

export interface DocumentTotals {
  lines: LineTotals[];
  sectionNetCents: number[];
  allowances: DocumentAllowance[];
  vatBreakdown: VatGroup[];
  /** BT-106 */
  lineNetTotalCents: number;
  /** BT-107 */
  allowanceTotalCents: number;
  /** BT-109 */
  taxExclusiveCents: number;
  /** BT-110 */
  vatTotalCents: number;
  /** BT-112 */
  taxInclusiveCents: number;
  /** Goods, services or both: the operation category printed on the invoice (CGI art. 242 nonies A). */
  category: 'goods' | 'services' | 'both';
}

const categoryOrder: Record<VatCategory, number> = { S: 0, E: 1, AE: 2, K: 3, G: 4 };

export function vatGroupKey(vat: LineVat): string {
  if (vat.kind === 'rate') return `S:${vat.rateBp}`;
  return vatExemptions[vat.exemption].category;
}

function checkAmount(cents: bigint, what: string): number {
  const abs = cents < 0n ? -cents : cents;
  if (abs > BigInt(MAX_AMOUNT_CENTS)) throw new AppError('AMOUNT_TOO_LARGE', { what });
  return Number(cents);
}

/** quantity × unit price, rounded to the cent. */
export function lineGrossCents(line: Pick<DocumentLine, 'quantity' | 'unitPriceCents'>): number {
  const q = parseQuantity(line.quantity);
  if (q === null) throw new AppError('VALIDATION_FAILED', { field: 'quantity' });
  return checkAmount(divideRounded(q * BigInt(line.unitPriceCents), QUANTITY_SCALE), 'line');
}

function discountOf(base: number, discount: Discount): number {
  if (discount.kind === 'percent') return Number(divideRounded(BigInt(base) * BigInt(discount.bp), 10_000n));
  return discount.cents;
}

/**
 * Totals exactly as EN 16931 computes them (cae-domain.md §4.4):
 * - each line's net is rounded to the cent, then line nets are summed (BR-CO-10);
 * - a document discount becomes one allowance per VAT group (BR-32/BR-33 need a category on each);
 *   a percentage applies to each group's line nets, an amount is split pro rata (parts add up exactly);
 * - VAT is computed once per group on the group's base (BR-CO-17), then summed (BR-CO-14);
 * - total excl. VAT = lines − allowances (BR-CO-13), incl. VAT = excl. + VAT (BR-CO-15).
 * Rounding: half away from zero (SALES_ROUNDING_MODE).
 */
export function computeDocumentTotals(body: DocumentBody): DocumentTotals {
  const lines: LineTotals[] = [];
  const sectionNetCents: number[] = [];
  const groups = new Map<string, VatGroup>();
  const kinds = new Set<SupplyKind>();

  body.sections.forEach((section, sectionIndex) => {
    let sectionNet = 0n;
    section.lines.forEach((line, lineIndex) => {
      const gross = lineGrossCents(line);
      const discount = line.discount ? discountOf(Math.abs(gross), line.discount) * Math.sign(gross) : 0;
      if (Math.abs(discount) > Math.abs(gross)) {
        throw new AppError('LINE_DISCOUNT_TOO_LARGE', { line: lineIndex + 1 });
      }
      const net = gross - discount;
      const key = vatGroupKey(line.vat);
      lines.push({
        sectionIndex,
        lineIndex,
        vatKey: key,
        grossCents: gross,
        discountCents: discount,
        netCents: net,
      });
      sectionNet += BigInt(net);
      kinds.add(line.kind);
      let group = groups.get(key);
      if (!group) {
        const exemption =
          line.vat.kind === 'exempt'
            ? {
                key: line.vat.exemption,
                vatexCode: vatExemptions[line.vat.exemption].vatexCode,
                text: exemptionText(line.vat.exemption, line.vat.reason),
              }
            : null;
        group = {
          key,
          category: line.vat.kind === 'rate' ? 'S' : vatExemptions[line.vat.exemption].category,
          rateBp: line.vat.kind === 'rate' ? line.vat.rateBp : 0,
          exemption,
          lineNetCents: 0,
          allowanceCents: 0,
          baseCents: 0,
          vatCents: 0,
        };
        groups.set(key, group);
      }
      if (
        line.vat.kind === 'exempt' &&
        group.exemption?.text !== exemptionText(line.vat.exemption, line.vat.reason)
      ) {
        // EN 16931 allows one breakdown group per exemption category, hence one reason per category
        // (BR-E-01, BR-AE-01…): two different exemption texts cannot share an invoice.
        throw new AppError('VAT_EXEMPTIONS_MIXED', { category: group.category });
      }
      group.lineNetCents = checkAmount(BigInt(group.lineNetCents) + BigInt(net), 'vatGroup');
    });
    sectionNetCents.push(checkAmount(sectionNet, 'section'));
  });
  if (lines.length === 0) throw new AppError('DOCUMENT_HAS_NO_LINES');

  const ordered = [...groups.values()].sort(
    (a, b) => categoryOrder[a.category] - categoryOrder[b.category] || b.rateBp - a.rateBp,
  );
  const allowances: DocumentAllowance[] = [];
  if (body.discount) {
    const discount = body.discount;
    if (discount.kind === 'percent') {
      for (const g of ordered) {
        const amount = discountOf(g.lineNetCents, discount);
        allowances.push({
          vatKey: g.key,
          baseCents: g.lineNetCents,
          percentBp: discount.bp,
          amountCents: amount,
        });
      }
    } else {
      const lineTotal = ordered.reduce((s, g) => s + g.lineNetCents, 0);
      if (discount.cents > lineTotal || ordered.some((g) => g.lineNetCents < 0)) {
        throw new AppError('DOCUMENT_DISCOUNT_TOO_LARGE');
      }
      const parts = allocateCents(
        discount.cents,
        ordered.map((g) => g.lineNetCents),
      );
      ordered.forEach((g, i) => {
        allowances.push({ vatKey: g.key, baseCents: null, percentBp: null, amountCents: parts[i]! });
      });
    }
  }
  for (const a of allowances) {
    const g = groups.get(a.vatKey)!;
    g.allowanceCents += a.amountCents;
  }
  let lineNetTotal = 0n;
  let allowanceTotal = 0n;
  let vatTotal = 0n;
  for (const g of ordered) {
    g.baseCents = g.lineNetCents - g.allowanceCents;
    g.vatCents = Number(divideRounded(BigInt(g.baseCents) * BigInt(g.rateBp), 10_000n));
    lineNetTotal += BigInt(g.lineNetCents);
    allowanceTotal += BigInt(g.allowanceCents);
    vatTotal += BigInt(g.vatCents);
  }
  const taxExclusive = lineNetTotal - allowanceTotal;
  return {
    lines,
    sectionNetCents,
    allowances: allowances.filter((a) => a.amountCents !== 0),
    vatBreakdown: ordered,
    lineNetTotalCents: checkAmount(lineNetTotal, 'total'),
    allowanceTotalCents: checkAmount(allowanceTotal, 'total'),
    taxExclusiveCents: checkAmount(taxExclusive, 'total'),
    vatTotalCents: checkAmount(vatTotal, 'total'),
    taxInclusiveCents: checkAmount(taxExclusive + vatTotal, 'total'),
    category: kinds.size === 2 ? 'both' : kinds.has('goods') ? 'goods' : 'services',
  };
}
