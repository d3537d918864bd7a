/** A non-decreasing function on integers (a salary's employer cost or net); it may answer asynchronously. */
export type MonotoneFunction = (x: number) => number | Promise<number>;

export type HighestAtMost = {
  /** The highest integer x in [lo, hi] with f(x) ≤ target; null when even f(lo) exceeds the target. */
  x: number | null;
  /** f(x), or null. */
  value: number | null;
  /** How many times f was called (each distinct x once). */
  evaluations: number;
};

export type SearchBounds = {
  lo: number;
  hi: number;
  /** A first estimate of the answer (e.g. a target divided by a typical rate): saves evaluations when close. */
  guess?: number;
};

/**
 * The highest integer x in [lo, hi] whose f(x) does not exceed `target`, for a non-decreasing f. Exact: the
 * answer is never above (f(x) ≤ target) and x + 1 is either beyond hi or above the target — so a salary found
 * this way is the highest to the cent. Interpolation first (a salary's cost is nearly linear, so a few
 * evaluations are enough), then a probe next to the interpolated point, then bisection as a safeguard: any
 * non-decreasing f is solved in at most about 3·log2(hi − lo) evaluations.
 */
export async function findHighestAtMost(
  f: MonotoneFunction,
  target: number,
  bounds: SearchBounds,
): Promise<HighestAtMost> {
  const { lo, hi } = bounds;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi)
    throw new RangeError(`bad search bounds [${lo}, ${hi}]`);
  const seen = new Map<number, number>();
  const at = async (x: number): Promise<number> => {
    let v = seen.get(x);
    if (v === undefined) {
      v = await f(x);
      if (!Number.isFinite(v)) throw new RangeError(`f(${x}) is not a finite number`);
      seen.set(x, v);
    }
    return v;
  };
  const done = (x: number | null) => ({
    x,
    value: x === null ? null : seen.get(x)!,
    evaluations: seen.size,
  });

  // Bracket: a is feasible (f(a) ≤ target), b is not (f(b) > target).
  let a: number;
  let fa: number;
  let b: number;
  let fb: number;
  const guess = bounds.guess === undefined ? undefined : Math.min(hi, Math.max(lo, Math.round(bounds.guess)));
  if (guess !== undefined && guess > lo && guess < hi) {
    const fg = await at(guess);
    // First step: the distance a straight line through the origin and (guess, f(guess)) predicts, with a
    // margin, so that one probe usually brackets the answer; then steps grow fourfold.
    const slope = guess !== 0 && fg !== 0 ? Math.abs(fg / guess) : 1;
    let step = Math.max(1, Math.ceil((Math.abs(target - fg) / slope) * 1.1) + 2);
    if (fg <= target) {
      a = guess;
      fa = fg;
      for (;;) {
        const x = Math.min(hi, a + step);
        const fx = await at(x);
        if (fx > target) {
          b = x;
          fb = fx;
          break;
        }
        a = x;
        fa = fx;
        if (x === hi) return done(hi);
        step *= 4;
      }
    } else {
      b = guess;
      fb = fg;
      for (;;) {
        const x = Math.max(lo, b - step);
        const fx = await at(x);
        if (fx <= target) {
          a = x;
          fa = fx;
          break;
        }
        b = x;
        fb = fx;
        if (x === lo) return done(null);
        step *= 4;
      }
    }
  } else {
    fa = await at(lo);
    if (fa > target) return done(null);
    a = lo;
    fb = await at(hi);
    if (fb <= target) return done(hi);
    b = hi;
  }

  while (b - a > 1) {
    const width = b - a;
    // 1. Interpolate: the highest x that a straight line through (a, fa) and (b, fb) keeps within the target.
    const predicted = a + Math.floor(((target - fa) / (fb - fa)) * (b - a));
    let x = Math.min(b - 1, Math.max(a + 1, predicted));
    let fx = await at(x);
    if (fx <= target) [a, fa] = [x, fx];
    else [b, fb] = [x, fx];
    if (b - a <= 1 || (b - a) * 2 <= width) continue;
    // 2. The interpolation was close but not proven: probe its neighbour on the other side.
    x = fx <= target ? a + 1 : b - 1;
    fx = await at(x);
    if (fx <= target) [a, fa] = [x, fx];
    else [b, fb] = [x, fx];
    if (b - a <= 1 || (b - a) * 2 <= width) continue;
    // 3. Still not halved: bisect, so that every round at least halves the bracket.
    x = a + Math.floor((b - a) / 2);
    fx = await at(x);
    if (fx <= target) [a, fa] = [x, fx];
    else [b, fb] = [x, fx];
  }
  return done(a);
}
