import { AppError } from '../errors/app-error.ts';
import type { DocumentTotals } from './compute-document-totals.ts';
import type { DocumentBody, DocumentLine } from './document-line.ts';
import { groupVat } from './progress-invoicing.ts';

/**
 * A credit note corrects an issued invoice (cae-domain.md §4.2) and can never credit more than what
 * remains of it, VAT group by VAT group (so no VAT is refunded on a base that was not charged).
 */
/** The figures the limits need, as stored on an issued document. */
export type CreditTotals = Pick<DocumentTotals, 'vatBreakdown' | 'taxInclusiveCents' | 'taxExclusiveCents'>;

export interface Remaining {
  byGroup: Map<string, number>;
  taxInclusiveCents: number;
}

export function remainingToCredit(invoice: CreditTotals, earlierCredits: readonly CreditTotals[]): Remaining {
  const byGroup = new Map(invoice.vatBreakdown.map((g) => [g.key, g.baseCents]));
  let taxInclusive = invoice.taxInclusiveCents;
  for (const c of earlierCredits) {
    for (const g of c.vatBreakdown) byGroup.set(g.key, (byGroup.get(g.key) ?? 0) - g.baseCents);
    taxInclusive -= c.taxInclusiveCents;
  }
  return { byGroup, taxInclusiveCents: taxInclusive };
}

export function assertCreditNoteWithinRemaining(
  invoice: CreditTotals,
  earlierCredits: readonly CreditTotals[],
  creditNote: CreditTotals,
): void {
  const remaining = remainingToCredit(invoice, earlierCredits);
  for (const g of creditNote.vatBreakdown) {
    const left = remaining.byGroup.get(g.key);
    if (left === undefined || g.baseCents > left || g.baseCents < 0) {
      throw new AppError('CREDIT_NOTE_EXCEEDS_REMAINING', { remainingCents: remaining.taxInclusiveCents });
    }
  }
  // The limit is on the bases: the VAT of each document is rounded on its own base (BR-CO-17), so two
  // partial credit notes may round their VAT one cent above the invoice's without crediting more.
  if (creditNote.taxExclusiveCents <= 0) {
    throw new AppError('CREDIT_NOTE_EXCEEDS_REMAINING', { remainingCents: remaining.taxInclusiveCents });
  }
}

/** A credit note for everything that remains: one line per VAT group. */
export function remainingCreditNoteBody(
  invoice: { number: string; totals: CreditTotals; kinds: ReadonlyMap<string, DocumentLine['kind']> },
  earlierCredits: readonly CreditTotals[],
): DocumentBody {
  const remaining = remainingToCredit(invoice.totals, earlierCredits);
  const lines: DocumentLine[] = invoice.totals.vatBreakdown
    .filter((g) => (remaining.byGroup.get(g.key) ?? 0) > 0)
    .map((g) => ({
      description: `Annulation de la facture n° ${invoice.number}`,
      quantity: '1',
      unit: 'LS',
      unitPriceCents: remaining.byGroup.get(g.key)!,
      vat: groupVat(g),
      discount: null,
      kind: invoice.kinds.get(g.key) ?? 'services',
    }));
  if (lines.length === 0) throw new AppError('CREDIT_NOTE_EXCEEDS_REMAINING', { remainingCents: 0 });
  return { sections: [{ title: null, lines }], discount: null };
}
