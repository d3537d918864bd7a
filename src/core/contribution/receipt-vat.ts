import { divideRounded } from '../sales/divide-rounded.ts';

/**
 * The VAT inside a client's receipt that the books do not show beside it (issue 6: the "collected" base is
 * revenue received excluding VAT). For services, VAT is due on receipt: the payment entry itself moves it
 * (D 44574 · C 44571) and the base subtracts that line. For goods (but not a deposit) or under the
 * "débits" option, VAT was due at invoicing (C 44571 on the invoice, ledger.md posting rules; CGI art. 269-2 a): the
 * receipt settles it without a VAT line, so its share is taken pro rata of the invoice, VAT collected at
 * invoicing over the invoice's total including VAT.
 *
 * Cumulative rounding: the share of a payment is round(paid after × V / T) − round(paid before × V / T), so
 * the shares of the payments that settle an invoice add up to exactly V, to the cent.
 */
export function vatCollectedAtInvoicingInReceipt(input: {
  /** What the client had paid on the invoice before this payment. */
  paidBeforeCents: bigint;
  amountCents: bigint;
  /** The invoice's VAT posted to 44571 when issued (its total VAT minus the part awaiting receipt). */
  vatAtInvoicingCents: bigint;
  invoiceInclCents: bigint;
}): bigint {
  const { paidBeforeCents, amountCents, vatAtInvoicingCents, invoiceInclCents } = input;
  if (invoiceInclCents <= 0n || vatAtInvoicingCents === 0n) return 0n;
  const share = (paid: bigint) => divideRounded(paid * vatAtInvoicingCents, invoiceInclCents);
  return share(paidBeforeCents + amountCents) - share(paidBeforeCents);
}
