import { z } from 'zod';

/**
 * An exact fraction of integers, for quorums and majorities ("1/5", "2/3"). Never a float: "at least two
 * thirds" must hold for 2 of 3 and fail for 66 of 100, which 0.6667 cannot both do.
 */
export type Fraction = { num: number; den: number };

export const FractionSchema = z
  .strictObject({
    num: z.number().int().min(0).max(1000),
    den: z.number().int().min(1).max(1000),
  })
  .refine((f) => f.num <= f.den, { error: 'fraction.invalid' });

/** Sign of a/b − c/d, for non-negative a, c and positive b, d (exact, in bigint). */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Whether `part` out of `whole` reaches `fraction`: at least (part/whole ≥ f) or, when `strict`, more
 * than (part/whole > f, "more than half"). Works on exact integers; a zero whole reaches only a zero
 * fraction that is not strict.
 */
export function reaches(
  part: bigint | number,
  whole: bigint | number,
  fraction: Fraction,
  strict = false,
): boolean {
  const left = BigInt(part) * BigInt(fraction.den);
  const right = BigInt(fraction.num) * BigInt(whole);
  return strict ? left > right : left >= right;
}

/** The smallest whole count that reaches the fraction of `whole` (the number of votes needed). */
export function smallestReaching(whole: number, fraction: Fraction, strict = false): number {
  // part ≥ num·whole/den, or part > num·whole/den.
  const product = fraction.num * whole;
  const floor = Math.floor(product / fraction.den);
  const exact = floor * fraction.den === product;
  if (strict) return floor + 1;
  return exact ? floor : floor + 1;
}

/** Basis points of part/whole, rounded down (for display; decisions use `reaches`). */
export function basisPoints(part: bigint | number, whole: bigint | number): number | null {
  if (BigInt(whole) === 0n) return null;
  return Number((BigInt(part) * 10_000n) / BigInt(whole));
}

export function formatFraction(f: Fraction): string {
  return `${f.num}/${f.den}`;
}
