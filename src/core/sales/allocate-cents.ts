/**
 * Splits `total` cents in proportion to `weights` so that the parts add up exactly to `total`
 * (largest-remainder method; ties go to the earliest weight). Weights must be non-negative, not all zero.
 */
export function allocateCents(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (weights.some((w) => w < 0) || sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('allocateCents needs non-negative weights that are not all zero');
  }
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((s, p) => s + p, 0n);
  const step = left < 0n ? -1n : 1n;
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left !== 0n; k = (k + 1) % remainders.length) {
    parts[remainders[k]!.i]! += step;
    left -= step;
  }
  return parts.map(Number);
}
