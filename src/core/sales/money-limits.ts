import { z } from 'zod';

/**
 * The largest amount a sales document accepts, in cents: 12 digits of euros. It keeps every total far
 * below Number.MAX_SAFE_INTEGER and within a bigint column.
 */
export const MAX_AMOUNT_CENTS = 99_999_999_999_999;

/** A non-negative amount in integer cents, at most 12 digits of euros. */
export const AmountCents = z
  .number({ error: 'amountCents.invalid' })
  .int({ error: 'amountCents.invalid' })
  .min(0, { error: 'amount.negative' })
  .max(MAX_AMOUNT_CENTS, { error: 'amount.tooLarge' });
