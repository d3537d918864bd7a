import { describe, expect, it } from 'vitest';
import {
  computeDueDate,
  DEFAULT_PAYMENT_TERMS,
  isLawfulPaymentTerms,
  PaymentTerms,
} from './payment-terms.ts';

describe('payment terms (C. com. L441-10)', () => {
  it('defaults to 30 days from the invoice date', () => {
    expect(DEFAULT_PAYMENT_TERMS).toEqual({ kind: 'days', days: 30 });
    expect(computeDueDate('2026-01-15', DEFAULT_PAYMENT_TERMS)).toBe('2026-02-14');
  });

  it('allows up to 60 days, or 45 days end of month, and nothing longer', () => {
    expect(isLawfulPaymentTerms({ kind: 'days', days: 60 })).toBe(true);
    expect(isLawfulPaymentTerms({ kind: 'days', days: 61 })).toBe(false);
    expect(isLawfulPaymentTerms({ kind: 'daysEndOfMonth', days: 45 })).toBe(true);
    expect(isLawfulPaymentTerms({ kind: 'daysEndOfMonth', days: 46 })).toBe(false);
    expect(isLawfulPaymentTerms({ kind: 'days', days: -1 })).toBe(false);
    const parsed = PaymentTerms.safeParse({ kind: 'days', days: 90 });
    expect(parsed.success ? null : parsed.error.issues[0]?.message).toBe('paymentTerms.tooLong');
  });

  it('computes 45 days end of month as issue date + 45 days, then the end of that month', () => {
    expect(computeDueDate('2026-01-20', { kind: 'daysEndOfMonth', days: 45 })).toBe('2026-03-31');
    expect(computeDueDate('2026-01-10', { kind: 'daysEndOfMonth', days: 45 })).toBe('2026-02-28');
    expect(computeDueDate('2028-01-10', { kind: 'daysEndOfMonth', days: 45 })).toBe('2028-02-29');
    expect(computeDueDate('2025-12-31', { kind: 'days', days: 60 })).toBe('2026-03-01');
  });
});
