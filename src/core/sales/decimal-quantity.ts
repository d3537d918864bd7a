import { z } from 'zod';

/**
 * Quantities are decimal strings ("1", "2.5", "0,75"), never floats: at most 12 digits before the decimal
 * point and 4 after. Computations use them as integers scaled by 10^4.
 */
export const QUANTITY_DECIMALS = 4;
export const QUANTITY_SCALE = 10_000n;
const pattern = /^(-?)(\d{1,12})(?:[.,](\d{1,4}))?$/;

/** The quantity scaled by 10^4 ("2.5" → 25000n), or null when it is not a decimal of the allowed size. */
export function parseQuantity(value: string): bigint | null {
  const m = pattern.exec(value.trim());
  if (!m) return null;
  const [, sign, whole, fraction = ''] = m;
  const scaled = BigInt(whole!) * QUANTITY_SCALE + BigInt(fraction.padEnd(QUANTITY_DECIMALS, '0'));
  return sign === '-' ? -scaled : scaled;
}

/** A scaled quantity back to its shortest decimal string (25000n → "2.5"). */
export function formatQuantity(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / QUANTITY_SCALE;
  const fraction = (abs % QUANTITY_SCALE).toString().padStart(QUANTITY_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A quantity typed by a person: a non-negative decimal, normalised to "1234.5". */
export const Quantity = z
  .string()
  .trim()
  .refine(
    (v) => {
      const q = parseQuantity(v);
      return q !== null && q > 0n;
    },
    { error: 'quantity.invalid' },
  )
  .transform((v) => formatQuantity(parseQuantity(v)!));
