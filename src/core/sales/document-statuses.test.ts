import { describe, expect, it } from 'vitest';
import {
  assertCanTransition,
  canTransition,
  invoiceStatuses,
  paymentStatus,
  quoteStatuses,
} from './document-statuses.ts';

describe('document statuses', () => {
  it('moves an invoice draft → submitted → issued, or draft → issued, and never out of issued', () => {
    expect(canTransition('invoice', 'draft', 'submitted')).toBe(true);
    expect(canTransition('invoice', 'submitted', 'issued')).toBe(true);
    expect(canTransition('invoice', 'submitted', 'draft')).toBe(true);
    expect(canTransition('invoice', 'draft', 'issued')).toBe(true);
    for (const to of invoiceStatuses) expect(canTransition('invoice', 'issued', to)).toBe(false);
    expect(() => assertCanTransition('invoice', 'issued', 'issued')).toThrowError(
      expect.objectContaining({ code: 'INVOICE_ALREADY_ISSUED' }),
    );
  });

  it('moves a quote draft → sent → accepted, refused or expired, all final', () => {
    expect(canTransition('quote', 'draft', 'sent')).toBe(true);
    for (const end of ['accepted', 'refused', 'expired'] as const) {
      expect(canTransition('quote', 'sent', end)).toBe(true);
      for (const to of quoteStatuses) expect(canTransition('quote', end, to)).toBe(false);
    }
    expect(() => assertCanTransition('quote', 'draft', 'accepted')).toThrowError(
      expect.objectContaining({ code: 'STATUS_TRANSITION_REFUSED' }),
    );
  });

  it('derives the payment status', () => {
    const due = { dueCents: 1000, dueDate: '2026-03-31' };
    expect(paymentStatus({ ...due, paidCents: 0 }, '2026-03-31')).toBe('unpaid');
    expect(paymentStatus({ ...due, paidCents: 400 }, '2026-03-01')).toBe('partlyPaid');
    expect(paymentStatus({ ...due, paidCents: 400 }, '2026-04-01')).toBe('overdue');
    expect(paymentStatus({ ...due, paidCents: 1000 }, '2026-05-01')).toBe('paid');
  });
});
