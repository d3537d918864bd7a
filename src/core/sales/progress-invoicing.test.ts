import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDocumentTotals } from './compute-document-totals.ts';
import type { DocumentBody, DocumentLine } from './document-line.ts';
import { balanceInvoiceBody, basesByGroup, partialInvoiceBody } from './progress-invoicing.ts';

const line = (
  unitPriceCents: number,
  rateBp: number | null,
  kind: DocumentLine['kind'] = 'services',
): DocumentLine => ({
  description: 'Travaux',
  quantity: '1',
  unit: 'C62',
  unitPriceCents,
  vat: rateBp === null ? { kind: 'exempt', exemption: 'training', reason: null } : { kind: 'rate', rateBp },
  discount: null,
  kind,
});
const quote = (lines: DocumentLine[], discount: DocumentBody['discount'] = null) => ({
  reference: 'D2026-0007',
  body: { sections: [{ title: 'Lot 1', lines }], discount } satisfies DocumentBody,
});

describe('deposit, intermediate and balance invoices', () => {
  it('bills a 30 % deposit per VAT group of the quote', () => {
    const q = quote([line(100_000, 2000), line(20_001, 550, 'goods'), line(50_000, null)]);
    const deposit = partialInvoiceBody(q, new Map(), { kind: 'percent', bp: 3000 }, 'Acompte');
    const t = computeDocumentTotals(deposit);
    expect(t.vatBreakdown.map((g) => [g.key, g.baseCents])).toEqual([
      ['S:2000', 30_000],
      ['S:550', 6_000],
      ['E', 15_000],
    ]);
    expect(deposit.sections[0]!.lines[0]!.description).toBe(
      'Acompte de 30 % sur le devis D2026-0007 (TVA 20 %)',
    );
    expect(deposit.sections[0]!.lines[1]!.kind).toBe('goods');
  });

  it('refuses a part beyond what remains of the quote', () => {
    const q = quote([line(100_000, 2000)]);
    const billed = new Map([['S:2000', 80_000]]);
    expect(() => partialInvoiceBody(q, billed, { kind: 'percent', bp: 3000 }, 'Situation')).toThrowError(
      expect.objectContaining({ code: 'QUOTE_OVERINVOICED' }),
    );
    expect(() =>
      partialInvoiceBody(q, new Map(), { kind: 'amount', cents: 100_001 }, 'Acompte'),
    ).toThrowError(expect.objectContaining({ code: 'QUOTE_OVERINVOICED' }));
  });

  it('deducts what earlier invoices billed on the balance invoice', () => {
    const q = quote([line(100_000, 2000), line(40_000, 1000)], { kind: 'percent', bp: 1000 });
    const deposit = computeDocumentTotals(
      partialInvoiceBody(q, new Map(), { kind: 'amount', cents: 50_000 }, 'Acompte'),
    );
    const balance = balanceInvoiceBody(q, [
      { number: 'F2026-00001', issueDate: '2026-02-01', billedByGroup: basesByGroup(deposit) },
    ]);
    const t = computeDocumentTotals(balance);
    const quoteTotals = computeDocumentTotals(q.body);
    for (const g of quoteTotals.vatBreakdown) {
      const got = t.vatBreakdown.find((x) => x.key === g.key)!;
      expect(got.baseCents + deposit.vatBreakdown.find((x) => x.key === g.key)!.baseCents).toBe(g.baseCents);
    }
    expect(
      balance.sections
        .at(-1)!
        .lines.some((l) => l.description.startsWith('Déjà facturé : facture n° F2026-00001 du 01/02/2026')),
    ).toBe(true);
  });

  it('bills exactly the quote over deposit + intermediates + balance (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom(2000, 1000, 550, 210, null)),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.array(fc.integer({ min: 1, max: 4000 }), { maxLength: 3 }),
        (lines, percents) => {
          const q = quote(lines.map(([p, r]) => line(p, r)));
          const earlier: { number: string; issueDate: string; billedByGroup: Map<string, number> }[] = [];
          const billed = new Map<string, number>();
          for (const [i, bp] of percents.entries()) {
            let body: DocumentBody;
            try {
              body = partialInvoiceBody(q, billed, { kind: 'percent', bp }, 'Situation');
            } catch {
              continue; // beyond the quote, or nothing to bill: refused
            }
            const bases = basesByGroup(computeDocumentTotals(body));
            for (const [k, v] of bases) billed.set(k, (billed.get(k) ?? 0) + v);
            earlier.push({ number: `F${i}`, issueDate: '2026-01-01', billedByGroup: bases });
          }
          const balance = computeDocumentTotals(balanceInvoiceBody(q, earlier));
          const total = computeDocumentTotals(q.body);
          for (const g of total.vatBreakdown) {
            const b = balance.vatBreakdown.find((x) => x.key === g.key)!;
            expect(b.baseCents + (billed.get(g.key) ?? 0)).toBe(g.baseCents);
            expect(b.baseCents).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
