import { describe, expect, it } from 'vitest';
import { computeDocumentTotals } from './compute-document-totals.ts';
import {
  assertCreditNoteWithinRemaining,
  remainingCreditNoteBody,
  remainingToCredit,
} from './credit-note-limits.ts';
import type { DocumentBody } from './document-line.ts';

const body = (cents: number, rateBp = 2000): DocumentBody => ({
  sections: [
    {
      title: null,
      lines: [
        {
          description: 'Prestation',
          quantity: '1',
          unit: 'C62',
          unitPriceCents: cents,
          vat: { kind: 'rate', rateBp },
          discount: null,
          kind: 'services',
        },
      ],
    },
  ],
  discount: null,
});

describe('credit note limits', () => {
  const invoice = computeDocumentTotals(body(100_000));

  it('accepts credit notes up to what remains, then refuses more', () => {
    const first = computeDocumentTotals(body(60_000));
    assertCreditNoteWithinRemaining(invoice, [], first);
    expect(remainingToCredit(invoice, [first]).byGroup.get('S:2000')).toBe(40_000);
    expect(() =>
      assertCreditNoteWithinRemaining(invoice, [first], computeDocumentTotals(body(40_001))),
    ).toThrowError(expect.objectContaining({ code: 'CREDIT_NOTE_EXCEEDS_REMAINING' }));
    assertCreditNoteWithinRemaining(invoice, [first], computeDocumentTotals(body(40_000)));
  });

  it('refuses a VAT rate the invoice did not charge', () => {
    expect(() =>
      assertCreditNoteWithinRemaining(invoice, [], computeDocumentTotals(body(10, 1000))),
    ).toThrowError(expect.objectContaining({ code: 'CREDIT_NOTE_EXCEEDS_REMAINING' }));
  });

  it('builds the credit note of what remains', () => {
    const first = computeDocumentTotals(body(60_000));
    const rest = remainingCreditNoteBody({ number: 'F2026-00003', totals: invoice, kinds: new Map() }, [
      first,
    ]);
    expect(computeDocumentTotals(rest).taxExclusiveCents).toBe(40_000);
    const all = computeDocumentTotals(rest);
    expect(() =>
      remainingCreditNoteBody({ number: 'F2026-00003', totals: invoice, kinds: new Map() }, [first, all]),
    ).toThrowError(expect.objectContaining({ code: 'CREDIT_NOTE_EXCEEDS_REMAINING' }));
  });
});
