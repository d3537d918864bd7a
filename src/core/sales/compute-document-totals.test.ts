import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { computeDocumentTotals } from './compute-document-totals.ts';
import { parseQuantity } from './decimal-quantity.ts';
import { DocumentBody, type DocumentLine } from './document-line.ts';

const line = (over: Partial<DocumentLine> = {}): DocumentLine => ({
  description: 'Atelier',
  quantity: '1',
  unit: 'C62',
  unitPriceCents: 10_000,
  vat: { kind: 'rate', rateBp: 2000 },
  discount: null,
  kind: 'services',
  ...over,
});
const body = (lines: DocumentLine[], discount: DocumentBody['discount'] = null): DocumentBody => ({
  sections: [{ title: null, lines }],
  discount,
});

describe('computeDocumentTotals', () => {
  it('rounds each line to the cent before summing (BR-CO-10)', () => {
    // 1.5 × 0.01 € = 0.015 → 0.02 per line: three lines make 0.06, not round(0.045) = 0.05.
    const t = computeDocumentTotals(body([1, 2, 3].map(() => line({ quantity: '1.5', unitPriceCents: 1 }))));
    expect(t.lines.map((l) => l.netCents)).toEqual([2, 2, 2]);
    expect(t.lineNetTotalCents).toBe(6);
  });

  it('computes VAT once per rate on the sum of that rate’s bases (BR-CO-17)', () => {
    // Two lines of 0.05 € at 10 %: per line VAT would be 0.005 → 0.01 each (0.02); per group 0.10 → 0.01.
    const t = computeDocumentTotals(
      body([
        line({ unitPriceCents: 5, vat: { kind: 'rate', rateBp: 1000 } }),
        line({ unitPriceCents: 5, vat: { kind: 'rate', rateBp: 1000 } }),
      ]),
    );
    expect(t.vatBreakdown).toHaveLength(1);
    expect(t.vatBreakdown[0]).toMatchObject({ baseCents: 10, vatCents: 1 });
    expect(t.vatTotalCents).toBe(1);
  });

  it('handles several rates, an exempt line, line and overall discounts', () => {
    const t = computeDocumentTotals(
      body(
        [
          line({ quantity: '2.5', unitPriceCents: 12_345, discount: { kind: 'percent', bp: 1000 } }),
          line({ quantity: '3', unitPriceCents: 999, vat: { kind: 'rate', rateBp: 550 }, kind: 'goods' }),
          line({
            quantity: '1',
            unitPriceCents: 50_000,
            vat: { kind: 'exempt', exemption: 'training', reason: null },
            discount: { kind: 'amount', cents: 5_000 },
          }),
        ],
        { kind: 'percent', bp: 500 },
      ),
    );
    // line 1: 2.5 × 123.45 = 308.625 → 308.63; 10 % = 30.863 → 30.86; net 277.77
    expect(t.lines[0]).toMatchObject({ grossCents: 30_863, discountCents: 3_086, netCents: 27_777 });
    expect(t.lines[1]!.netCents).toBe(2_997);
    expect(t.lines[2]!.netCents).toBe(45_000);
    const [s20, s55, e] = t.vatBreakdown;
    // 5 % overall: 277.77 → 13.8885 → 13.89; 29.97 → 1.4985 → 1.50; 450 → 22.50
    expect(s20).toMatchObject({ key: 'S:2000', allowanceCents: 1_389, baseCents: 26_388, vatCents: 5_278 });
    expect(s55).toMatchObject({ key: 'S:550', allowanceCents: 150, baseCents: 2_847, vatCents: 157 });
    expect(e).toMatchObject({
      key: 'E',
      category: 'E',
      allowanceCents: 2_250,
      baseCents: 42_750,
      vatCents: 0,
    });
    expect(t.taxExclusiveCents).toBe(26_388 + 2_847 + 42_750);
    expect(t.taxInclusiveCents).toBe(t.taxExclusiveCents + 5_278 + 157);
    expect(t.category).toBe('both');
  });

  it('splits an overall discount amount across rates so that the parts add up', () => {
    const t = computeDocumentTotals(
      body(
        [line({ unitPriceCents: 100 }), line({ unitPriceCents: 200, vat: { kind: 'rate', rateBp: 1000 } })],
        {
          kind: 'amount',
          cents: 100,
        },
      ),
    );
    expect(t.allowances.map((a) => a.amountCents)).toEqual([33, 67]);
    expect(t.allowanceTotalCents).toBe(100);
  });

  it('refuses a line discount above the line, two exemption reasons, and an empty document', () => {
    const tooMuch = () =>
      computeDocumentTotals(body([line({ discount: { kind: 'amount', cents: 10_001 } })]));
    expect(tooMuch).toThrowError(expect.objectContaining({ code: 'LINE_DISCOUNT_TOO_LARGE' }));
    const mixed = () =>
      computeDocumentTotals(
        body([
          line({ vat: { kind: 'exempt', exemption: 'training', reason: null } }),
          line({ vat: { kind: 'exempt', exemption: 'health', reason: null } }),
        ]),
      );
    expect(mixed).toThrowError(expect.objectContaining({ code: 'VAT_EXEMPTIONS_MIXED' }));
    expect(() => computeDocumentTotals(body([]))).toThrowError(AppError);
  });

  it('refuses totals beyond 12 digits of euros', () => {
    const huge = line({ quantity: '999999999999', unitPriceCents: 99_999_999_999_999 });
    expect(() => computeDocumentTotals(body([huge]))).toThrowError(
      expect.objectContaining({ code: 'AMOUNT_TOO_LARGE' }),
    );
  });

  const arbLine = fc.record({
    description: fc.constant('x'),
    quantity: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
      .filter(([w, f]) => w + f > 0)
      .map(([w, f]) => `${w}.${String(f).padStart(4, '0')}`),
    unit: fc.constant('C62' as const),
    unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
    vat: fc.oneof(
      fc.constantFrom(2000, 1000, 550, 210).map((rateBp) => ({ kind: 'rate' as const, rateBp })),
      fc.constant({ kind: 'exempt' as const, exemption: 'training' as const, reason: null }),
    ),
    discount: fc.oneof(
      fc.constant(null),
      fc.integer({ min: 1, max: 10_000 }).map((bp) => ({ kind: 'percent' as const, bp })),
    ),
    kind: fc.constantFrom('goods' as const, 'services' as const),
  });

  it('keeps every sum of parts equal to its total (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.array(arbLine, { maxLength: 6 }), { minLength: 1, maxLength: 3 })
          .filter((s) => s.flat().length > 0),
        fc.oneof(
          fc.constant(null),
          fc.integer({ min: 1, max: 10_000 }).map((bp) => ({ kind: 'percent' as const, bp })),
        ),
        (sections, discount) => {
          const b: DocumentBody = { sections: sections.map((lines) => ({ title: null, lines })), discount };
          const t = computeDocumentTotals(b);
          const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
          for (const l of t.lines) {
            const src = b.sections[l.sectionIndex]!.lines[l.lineIndex]!;
            // gross is quantity × price rounded half up, to the cent
            const exact = parseQuantity(src.quantity)! * BigInt(src.unitPriceCents);
            expect(BigInt(l.grossCents) * 10_000n - exact <= 5_000n).toBe(true);
            expect(exact - BigInt(l.grossCents) * 10_000n < 5_000n).toBe(true);
            expect(l.netCents).toBe(l.grossCents - l.discountCents);
          }
          expect(t.lineNetTotalCents).toBe(sum(t.lines.map((l) => l.netCents)));
          expect(sum(t.sectionNetCents)).toBe(t.lineNetTotalCents);
          expect(t.allowanceTotalCents).toBe(sum(t.allowances.map((a) => a.amountCents)));
          expect(t.taxExclusiveCents).toBe(sum(t.vatBreakdown.map((g) => g.baseCents)));
          expect(t.taxExclusiveCents).toBe(t.lineNetTotalCents - t.allowanceTotalCents);
          expect(t.vatTotalCents).toBe(sum(t.vatBreakdown.map((g) => g.vatCents)));
          expect(t.taxInclusiveCents).toBe(t.taxExclusiveCents + t.vatTotalCents);
          for (const g of t.vatBreakdown) {
            const exact = g.baseCents * g.rateBp; // in cents × 10^4
            expect(Math.abs(g.vatCents * 10_000 - exact)).toBeLessThanOrEqual(5_000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the schema refuses bad input', () => {
    const parse = (l: unknown) => DocumentBody.safeParse({ sections: [{ lines: [l] }] });
    const ok = {
      description: 'a',
      quantity: '1,5',
      unitPriceCents: 100,
      vat: { kind: 'rate', rateBp: 2000 },
    };
    expect(parse(ok).success).toBe(true);
    expect(parse({ ...ok, quantity: 'abc' }).success).toBe(false);
    expect(parse({ ...ok, quantity: '-1' }).success).toBe(false);
    expect(parse({ ...ok, quantity: '1234567890123' }).success).toBe(false);
    expect(parse({ ...ok, unitPriceCents: -5 }).success).toBe(false);
    expect(parse({ ...ok, unitPriceCents: 1.5 }).success).toBe(false);
    expect(parse({ ...ok, unitPriceCents: 100_000_000_000_000 }).success).toBe(false);
    expect(parse({ ...ok, vat: { kind: 'rate', rateBp: 1960 } }).success).toBe(false);
    expect(parse({ ...ok, vat: { kind: 'exempt' } }).success).toBe(false);
    expect(parse({ ...ok, vat: { kind: 'exempt', exemption: 'other' } }).success).toBe(false);
    expect(
      parse({ ...ok, vat: { kind: 'exempt', exemption: 'other', reason: 'Article 261 D du CGI' } }).success,
    ).toBe(true);
    expect(DocumentBody.safeParse({ sections: [{ lines: [] }] }).success).toBe(false);
  });
});
