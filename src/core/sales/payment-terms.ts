import { z } from 'zod';
import { addDays, type CalendarDate, endOfMonth } from './calendar-date.ts';

/**
 * Payment terms between businesses (C. com. L441-10): 30 days by default; at most 60 days from the
 * invoice date, or by exception 45 days end of month. "Days" counts from the issue date; "days end of
 * month" adds the days then goes to the end of that month (one of the two readings the DGCCRF accepts).
 */
export const PaymentTerms = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('days'),
    days: z.number().int().min(0).max(60, { error: 'paymentTerms.tooLong' }),
  }),
  z.strictObject({
    kind: z.literal('daysEndOfMonth'),
    days: z.number().int().min(0).max(45, { error: 'paymentTerms.tooLong' }),
  }),
]);
export type PaymentTerms = z.infer<typeof PaymentTerms>;

export const DEFAULT_PAYMENT_TERMS: PaymentTerms = { kind: 'days', days: 30 };
export const MAX_PAYMENT_DAYS = 60;
export const MAX_PAYMENT_DAYS_END_OF_MONTH = 45;

export function isLawfulPaymentTerms(terms: PaymentTerms): boolean {
  return PaymentTerms.safeParse(terms).success;
}

export function computeDueDate(issueDate: CalendarDate, terms: PaymentTerms): CalendarDate {
  const plus = addDays(issueDate, terms.days);
  return terms.kind === 'days' ? plus : endOfMonth(plus);
}

/** "30 jours date de facture", "45 jours fin de mois", "à réception". */
export function describePaymentTerms(terms: PaymentTerms): string {
  if (terms.days === 0 && terms.kind === 'days') return 'à réception de facture';
  return terms.kind === 'days' ? `${terms.days} jours date de facture` : `${terms.days} jours fin de mois`;
}
