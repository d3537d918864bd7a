import { z } from 'zod';

/**
 * Integer cents as they travel in JSON: a safe integer, or a string of digits (for amounts that a JSON
 * number cannot carry exactly). Parsed to bigint; fractions, exponents and non-numbers are refused.
 */
export const CentsSchema = z
  .union([
    z.bigint(),
    z.number().int({ error: 'ledger.cents' }),
    z.string().regex(/^-?\d{1,18}$/, { error: 'ledger.cents' }),
  ])
  .transform((v, ctx) => {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) {
      ctx.addIssue({ code: 'custom', message: 'ledger.cents' });
      return z.NEVER;
    }
    return BigInt(v);
  });

/** Cents for a JSON answer: a number, or an error when it would lose precision (never in real books). */
export function centsToJson(cents: bigint): number {
  const n = Number(cents);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${cents} is too large for JSON`);
  return n;
}
