/**
 * Splits `total` cents into parts proportional to `weights`, so that the parts always add up to the total
 * exactly (largest remainder method). Each part is the exact share rounded down or up by less than one
 * cent; the leftover cents go to the largest fractional remainders, ties to the earliest weight.
 * A negative total is split like its opposite, then negated. Weights are non-negative integers, not all 0.
 *
 * allocate(1000n, [1, 1, 1]) → [334n, 333n, 333n]
 */
export function allocate(total: bigint, weights: readonly (bigint | number)[]): bigint[] {
  const w = weights.map((x) => {
    if (typeof x === 'number' && !Number.isSafeInteger(x))
      throw new RangeError(`weight ${x} is not an integer`);
    const b = BigInt(x);
    if (b < 0n) throw new RangeError(`weight ${x} is negative`);
    return b;
  });
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('allocate needs at least one positive weight');
  const negative = total < 0n;
  const amount = negative ? -total : total;
  const parts = w.map((x) => (amount * x) / sum);
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  // Remainders (amount * x mod sum) decide who gets the leftover cents; left < number of weights.
  const order = w
    .map((x, i) => ({ i, r: (amount * x) % sum }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}
