import { AppError } from '../errors/app-error.ts';

/**
 * Invoice and credit note: draft → submitted (for validation by support, when the member's rights
 * require it) → issued; support can send a submitted draft back. A draft that needs no validation is
 * issued directly. Issued is final: corrections go through a credit note (cae-domain.md §4.2).
 */
export const invoiceStatuses = ['draft', 'submitted', 'issued'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** Quote: draft → sent → accepted, refused or expired (the validity date passed). */
export const quoteStatuses = ['draft', 'sent', 'accepted', 'refused', 'expired'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export const invoiceTransitions: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['submitted', 'issued'],
  submitted: ['draft', 'issued'],
  issued: [],
};

export const quoteTransitions: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'refused', 'expired'],
  accepted: [],
  refused: [],
  expired: [],
};

export function canTransition(kind: 'invoice', from: InvoiceStatus, to: InvoiceStatus): boolean;
export function canTransition(kind: 'quote', from: QuoteStatus, to: QuoteStatus): boolean;
export function canTransition(kind: 'invoice' | 'quote', from: string, to: string): boolean {
  const table: Record<string, readonly string[]> = kind === 'invoice' ? invoiceTransitions : quoteTransitions;
  return table[from]?.includes(to) ?? false;
}

/** Throws STATUS_TRANSITION_REFUSED (409) unless the table allows the move. */
export function assertCanTransition(kind: 'invoice', from: InvoiceStatus, to: InvoiceStatus): void;
export function assertCanTransition(kind: 'quote', from: QuoteStatus, to: QuoteStatus): void;
export function assertCanTransition(kind: 'invoice' | 'quote', from: string, to: string): void {
  const table: Record<string, readonly string[]> = kind === 'invoice' ? invoiceTransitions : quoteTransitions;
  if (!(table[from]?.includes(to) ?? false)) {
    throw new AppError(from === 'issued' ? 'INVOICE_ALREADY_ISSUED' : 'STATUS_TRANSITION_REFUSED', {
      kind,
      from,
      to,
    });
  }
}

/** Derived, never stored: what the client still owes and whether it is late. */
export type PaymentStatus = 'unpaid' | 'partlyPaid' | 'paid' | 'overdue';

export function paymentStatus(
  input: { dueCents: number; paidCents: number; dueDate: string },
  today: string,
): PaymentStatus {
  if (input.paidCents >= input.dueCents) return 'paid';
  if (today > input.dueDate) return 'overdue';
  return input.paidCents > 0 ? 'partlyPaid' : 'unpaid';
}
