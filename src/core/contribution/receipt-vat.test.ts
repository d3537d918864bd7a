import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatCollectedAtInvoicingInReceipt } from './receipt-vat.ts';

describe('the VAT collected at invoicing inside a receipt', () => {
  it('is the invoice’s share of VAT, pro rata of what is paid', () => {
    // Goods: 1 000 € excl. VAT + 200 € VAT collected at invoicing; 600 € paid: 100 € of it is VAT.
    expect(
      vatCollectedAtInvoicingInReceipt({
        paidBeforeCents: 0n,
        amountCents: 60_000n,
        vatAtInvoicingCents: 20_000n,
        invoiceInclCents: 120_000n,
      }),
    ).toBe(10_000n);
    // Services with VAT on receipts: nothing here (the payment entry moves it from 44574).
    expect(
      vatCollectedAtInvoicingInReceipt({
        paidBeforeCents: 0n,
        amountCents: 60_000n,
        vatAtInvoicingCents: 0n,
        invoiceInclCents: 120_000n,
      }),
    ).toBe(0n);
  });

  it('adds up to the invoice’s VAT to the cent over the payments that settle it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 8 }),
        (excl, rateTenths, weights) => {
          const vat = BigInt(Math.round((excl * rateTenths) / 10_000));
          const incl = BigInt(excl) + vat;
          // Split the total into payments of the given weights (the last one settles the rest).
          const total = weights.reduce((s, w) => s + w, 0);
          let paid = 0n;
          let shares = 0n;
          weights.forEach((w, i) => {
            const amount = i === weights.length - 1 ? incl - paid : (incl * BigInt(w)) / BigInt(total);
            if (amount <= 0n) return;
            const share = vatCollectedAtInvoicingInReceipt({
              paidBeforeCents: paid,
              amountCents: amount,
              vatAtInvoicingCents: vat,
              invoiceInclCents: incl,
            });
            expect(share >= 0n && share <= amount).toBe(true);
            shares += share;
            paid += amount;
          });
          expect(shares).toBe(vat);
        },
      ),
    );
  });
});
