/**
 * The rounding mode of every sales amount: half away from zero ("arrondi commercial"), to the cent.
 * EN 16931 fixes two decimals for amounts (BR-DEC) but no rounding mode; French practice rounds half up,
 * and rounding away from zero keeps a credit note the exact mirror of its invoice.
 */
export const SALES_ROUNDING_MODE = 'half-away-from-zero' as const;

/** numerator / denominator rounded half away from zero, in exact integer arithmetic. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  let n = numerator;
  let d = denominator;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const quotient = n / d; // truncates toward zero
  const remainder = n % d;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice >= d) return n < 0n ? quotient - 1n : quotient + 1n;
  return quotient;
}
