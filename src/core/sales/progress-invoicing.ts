import { AppError } from '../errors/app-error.ts';
import { allocateCents } from './allocate-cents.ts';
import { computeDocumentTotals, type DocumentTotals, type VatGroup } from './compute-document-totals.ts';
import { divideRounded } from './divide-rounded.ts';
import type { DocumentBody, DocumentLine, LineVat, SupplyKind } from './document-line.ts';
import { formatRateBp } from './late-penalty.ts';

/**
 * Invoicing a quote in several times: deposit (acompte), intermediate invoices (situations), then a
 * balance invoice (solde) that lists the whole quote and deducts, per VAT group, what the earlier
 * invoices already billed (net of their credit notes). Every part keeps the quote's VAT split, so the
 * VAT billed over all the invoices equals the quote's VAT group by group.
 */
export type PartRequest = { kind: 'percent'; bp: number } | { kind: 'amount'; cents: number };

/** What earlier invoices of the quote billed, per VAT group key, excl. VAT (credit notes already netted). */
export type BilledByGroup = ReadonlyMap<string, number>;

export function groupVat(group: VatGroup): LineVat {
  if (group.category === 'S') return { kind: 'rate', rateBp: group.rateBp };
  return { kind: 'exempt', exemption: group.exemption!.key, reason: group.exemption!.text };
}

function groupLabel(group: VatGroup): string {
  return group.category === 'S' ? `TVA ${formatRateBp(group.rateBp)}` : 'sans TVA';
}

function groupKind(body: DocumentBody, totals: DocumentTotals, key: string): SupplyKind {
  const kinds = new Set(
    totals.lines
      .filter((l) => l.vatKey === key)
      .map((l) => body.sections[l.sectionIndex]!.lines[l.lineIndex]!.kind),
  );
  return kinds.size === 1 && kinds.has('goods') ? 'goods' : 'services';
}

function lumpLine(
  description: string,
  cents: number,
  vat: LineVat,
  kind: SupplyKind,
  negative = false,
): DocumentLine {
  return {
    description,
    quantity: negative ? '-1' : '1',
    unit: 'LS',
    unitPriceCents: cents,
    vat,
    discount: null,
    kind,
  };
}

/** What remains to bill on each VAT group of the quote; throws when earlier invoices went beyond it. */
export function remainingByGroup(quoteTotals: DocumentTotals, billed: BilledByGroup): Map<string, number> {
  const remaining = new Map<string, number>();
  for (const g of quoteTotals.vatBreakdown) remaining.set(g.key, g.baseCents - (billed.get(g.key) ?? 0));
  for (const [key, cents] of billed) {
    if (!remaining.has(key) && cents !== 0) throw new AppError('QUOTE_OVERINVOICED', { vatKey: key });
  }
  if ([...remaining.values()].some((v) => v < 0)) throw new AppError('QUOTE_OVERINVOICED');
  return remaining;
}

/**
 * A deposit or intermediate invoice: one lump line per VAT group of the quote. A percentage applies to
 * each group's base; an amount excl. VAT is split across the groups in proportion to their bases.
 */
export function partialInvoiceBody(
  quote: { body: DocumentBody; reference: string },
  billed: BilledByGroup,
  request: PartRequest,
  title: string,
): DocumentBody {
  const totals = computeDocumentTotals(quote.body);
  const groups = totals.vatBreakdown.filter((g) => g.baseCents > 0);
  const remaining = remainingByGroup(totals, billed);
  let parts: number[];
  if (request.kind === 'percent') {
    if (request.bp < 1 || request.bp > 10_000) throw new AppError('VALIDATION_FAILED', { field: 'percent' });
    parts = groups.map((g) => Number(divideRounded(BigInt(g.baseCents) * BigInt(request.bp), 10_000n)));
  } else {
    const total = groups.reduce((s, g) => s + g.baseCents, 0);
    if (request.cents <= 0 || request.cents > total) throw new AppError('QUOTE_OVERINVOICED');
    parts = allocateCents(
      request.cents,
      groups.map((g) => g.baseCents),
    );
  }
  groups.forEach((g, i) => {
    if (parts[i]! > remaining.get(g.key)!) throw new AppError('QUOTE_OVERINVOICED', { vatKey: g.key });
  });
  const share = request.kind === 'percent' ? ` de ${formatRateBp(request.bp)}` : '';
  const lines = groups
    .map((g, i) =>
      lumpLine(
        `${title}${share} sur le devis ${quote.reference} (${groupLabel(g)})`,
        parts[i]!,
        groupVat(g),
        groupKind(quote.body, totals, g.key),
      ),
    )
    .filter((l) => l.unitPriceCents > 0);
  if (lines.length === 0) throw new AppError('DOCUMENT_HAS_NO_LINES');
  return { sections: [{ title: null, lines }], discount: null };
}

/**
 * The balance invoice: the quote's sections, its overall discount as one negative line per VAT group,
 * then one negative line per earlier invoice and VAT group for what it billed.
 */
export function balanceInvoiceBody(
  quote: { body: DocumentBody; reference: string },
  earlier: readonly { number: string; issueDate: string; billedByGroup: BilledByGroup }[],
): DocumentBody {
  const totals = computeDocumentTotals(quote.body);
  const billed = new Map<string, number>();
  for (const e of earlier) for (const [k, v] of e.billedByGroup) billed.set(k, (billed.get(k) ?? 0) + v);
  remainingByGroup(totals, billed);
  const groupByKey = new Map(totals.vatBreakdown.map((g) => [g.key, g]));
  const sections = quote.body.sections.map((s) => ({ title: s.title, lines: [...s.lines] }));
  const deductions: DocumentLine[] = [];
  for (const a of totals.allowances) {
    const g = groupByKey.get(a.vatKey)!;
    const label = a.percentBp ? `Remise globale de ${formatRateBp(a.percentBp)}` : 'Remise globale';
    deductions.push(
      lumpLine(
        `${label} (${groupLabel(g)})`,
        a.amountCents,
        groupVat(g),
        groupKind(quote.body, totals, g.key),
        true,
      ),
    );
  }
  for (const e of earlier) {
    const [y, m, d] = e.issueDate.split('-');
    for (const g of totals.vatBreakdown) {
      const cents = e.billedByGroup.get(g.key) ?? 0;
      if (cents === 0) continue;
      deductions.push(
        lumpLine(
          `Déjà facturé : facture n° ${e.number} du ${d}/${m}/${y} (${groupLabel(g)})`,
          cents,
          groupVat(g),
          groupKind(quote.body, totals, g.key),
          true,
        ),
      );
    }
  }
  if (deductions.length > 0) sections.push({ title: 'Déductions', lines: deductions });
  return { sections, discount: null };
}

/** Base excl. VAT per VAT group of a document, for the `billedByGroup` of later documents. */
export function basesByGroup(totals: DocumentTotals): Map<string, number> {
  return new Map(totals.vatBreakdown.map((g) => [g.key, g.baseCents]));
}
