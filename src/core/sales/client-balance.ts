import type { InvoiceView } from './invoice-view.ts';

/** What a client owes across its issued documents, as the client page shows it. */
export interface ClientBalance {
  /** Issued invoices and deposit invoices, incl. VAT. */
  invoicedCents: number;
  /** Issued credit notes, incl. VAT. */
  creditedCents: number;
  paidCents: number;
  /** invoiced − credited − paid. */
  dueCents: number;
  /** The part of `dueCents` whose due date has passed. */
  overdueCents: number;
}

/**
 * Sums the views of one client's documents. Each issued invoice's view already nets its own credit
 * notes and payments (dueCents), so the balance is the sum of the invoices' dues: a credit note is
 * never counted twice.
 */
export function clientBalance(documents: readonly InvoiceView[]): ClientBalance {
  const balance: ClientBalance = {
    invoicedCents: 0,
    creditedCents: 0,
    paidCents: 0,
    dueCents: 0,
    overdueCents: 0,
  };
  for (const d of documents) {
    if (d.status !== 'issued' || d.type === 'creditNote') continue;
    balance.invoicedCents += d.totalInclCents;
    balance.creditedCents += d.creditedCents;
    balance.paidCents += d.paidCents;
    balance.dueCents += d.dueCents;
    if (d.paymentStatus === 'overdue') balance.overdueCents += d.dueCents;
  }
  return balance;
}
