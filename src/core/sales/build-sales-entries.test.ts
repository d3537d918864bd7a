import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildInvoiceEntryLines,
  buildPaymentEntryLines,
  vatCollectedByPayment,
} from './build-sales-entries.ts';
import { computeDocumentTotals } from './compute-document-totals.ts';
import type { DocumentBody, DocumentLine } from './document-line.ts';
import { requiresValidation } from './requires-validation.ts';

const sum = (lines: { accountNumber: string; debitCents: bigint; creditCents: bigint }[], account?: string) =>
  lines
    .filter((l) => account === undefined || l.accountNumber === account)
    .reduce((s, l) => s + Number(l.debitCents - l.creditCents), 0);

const arbLine: fc.Arbitrary<DocumentLine> = fc.record({
  description: fc.constant('x'),
  quantity: fc.integer({ min: 1, max: 999 }).map(String),
  unit: fc.constant('C62' as const),
  unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
  vat: fc.oneof(
    fc.constantFrom(2000, 1000, 550, 210).map((rateBp) => ({ kind: 'rate' as const, rateBp })),
    fc.constant({ kind: 'exempt' as const, exemption: 'training' as const, reason: null }),
  ),
  discount: fc.constant(null),
  kind: fc.constantFrom('goods' as const, 'services' as const),
});

describe('sales entries', () => {
  it('balances and matches the document totals, for invoices and their mirror credit notes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbLine, { minLength: 1, maxLength: 8 }),
        fc.oneof(
          fc.constant(null),
          fc.integer({ min: 1, max: 3000 }).map((bp) => ({ kind: 'percent' as const, bp })),
        ),
        fc.boolean(),
        (lines, discount, vatOnDebits) => {
          const body: DocumentBody = { sections: [{ title: null, lines }], discount };
          const totals = computeDocumentTotals(body);
          const invoice = buildInvoiceEntryLines({
            type: 'invoice',
            body,
            totals,
            vatOnDebits,
            label: 'F1',
          }).lines;
          expect(sum(invoice)).toBe(0);
          expect(sum(invoice, '411000')).toBe(totals.taxInclusiveCents);
          expect(sum(invoice, '706000') + sum(invoice, '707000')).toBe(0 - totals.taxExclusiveCents);
          expect(sum(invoice, '445740') + sum(invoice, '445710')).toBe(0 - totals.vatTotalCents);
          if (vatOnDebits) expect(sum(invoice, '445740')).toBe(0);
          const credit = buildInvoiceEntryLines({
            type: 'creditNote',
            body,
            totals,
            vatOnDebits,
            label: 'A1',
          }).lines;
          for (const account of ['411000', '706000', '707000', '445740', '445710']) {
            expect(sum(credit, account) + sum(invoice, account)).toBe(0);
          }
        },
      ),
    );
  });

  it('puts goods’ VAT in 44571 and services’ VAT in 44574, deposits’ VAT in 44574', () => {
    const body: DocumentBody = {
      sections: [
        {
          title: null,
          lines: [
            {
              description: 'a',
              quantity: '1',
              unit: 'C62',
              unitPriceCents: 10_000,
              vat: { kind: 'rate', rateBp: 2000 },
              discount: null,
              kind: 'goods',
            },
            {
              description: 'b',
              quantity: '1',
              unit: 'C62',
              unitPriceCents: 5_000,
              vat: { kind: 'rate', rateBp: 2000 },
              discount: null,
              kind: 'services',
            },
          ],
        },
      ],
      discount: null,
    };
    const totals = computeDocumentTotals(body);
    const { lines, vatPendingCents } = buildInvoiceEntryLines({
      type: 'invoice',
      body,
      totals,
      vatOnDebits: false,
      label: 'F',
    });
    expect(sum(lines, '445710')).toBe(-2_000);
    expect(sum(lines, '445740')).toBe(-1_000);
    expect(vatPendingCents).toBe(1_000);
    expect(
      buildInvoiceEntryLines({ type: 'deposit', body, totals, vatOnDebits: false, label: 'F' })
        .vatPendingCents,
    ).toBe(3_000);
  });

  it('moves the VAT received pro rata, and all that is left with the last payment', () => {
    expect(vatCollectedByPayment({ pendingVatCents: 2_000, dueCents: 12_000, amountCents: 6_000 })).toBe(
      1_000,
    );
    expect(vatCollectedByPayment({ pendingVatCents: 1_001, dueCents: 6_000, amountCents: 6_000 })).toBe(
      1_001,
    );
    const lines = buildPaymentEntryLines({ amountCents: 6_000, vatCollectedCents: 1_000, label: 'R' });
    expect(sum(lines)).toBe(0);
    expect(sum(lines, '512000')).toBe(6_000);
    expect(sum(lines, '445740')).toBe(1_000);
  });

  it('requires validation under CAPE or above the ceiling, unless the actor validates', () => {
    const base = {
      actorValidates: false,
      memberStage: 'cesa',
      ceilingCents: 100_000,
      totalInclCents: 50_000,
    };
    expect(requiresValidation(base)).toBe(false);
    expect(requiresValidation({ ...base, memberStage: 'cape' })).toBe(true);
    expect(requiresValidation({ ...base, totalInclCents: 100_001 })).toBe(true);
    expect(requiresValidation({ ...base, ceilingCents: null, totalInclCents: 10 ** 9 })).toBe(false);
    expect(requiresValidation({ ...base, memberStage: 'cape', actorValidates: true })).toBe(false);
  });
});
