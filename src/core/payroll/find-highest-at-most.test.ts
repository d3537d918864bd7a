import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHighestAtMost } from './find-highest-at-most.ts';

/** A non-decreasing function on [0, n]: prefix sums of non-negative steps (flat stretches included). */
const monotoneTable = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000 })), { minLength: 1, maxLength: 400 })
  .map((steps) => {
    const values = [0];
    for (const s of steps) values.push(values.at(-1)! + s);
    return values;
  });

describe('findHighestAtMost', () => {
  it('finds the highest integer within the target, and only that, for any non-decreasing function', async () => {
    await fc.assert(
      fc.asyncProperty(
        monotoneTable,
        fc.integer({ min: -10, max: 400_000 }),
        fc.option(fc.integer({ min: -50, max: 500 })),
        async (table, target, guess) => {
          const hi = table.length - 1;
          const found = await findHighestAtMost((x) => table[x]!, target, {
            lo: 0,
            hi,
            guess: guess ?? undefined,
          });
          let expected: number | null = null;
          for (let x = 0; x <= hi; x++) if (table[x]! <= target) expected = x;
          expect(found.x).toBe(expected);
          expect(found.value).toBe(expected === null ? null : table[expected]);
          expect(found.evaluations).toBeLessThanOrEqual(3 * Math.ceil(Math.log2(hi + 2)) + 8);
        },
      ),
    );
  });

  it('needs only a handful of evaluations for a nearly linear cost, as a salary has', async () => {
    const cost = (g: number) => g + Math.floor(g * Math.min(0.45, 0.04 + g / 2_000_000));
    for (const budget of [190_000, 261_234, 400_000, 733_333]) {
      const found = await findHighestAtMost(cost, budget, { lo: 0, hi: 100_000_000, guess: budget / 1.3 });
      expect(cost(found.x!)).toBeLessThanOrEqual(budget);
      expect(cost(found.x! + 1)).toBeGreaterThan(budget);
      expect(found.evaluations).toBeLessThanOrEqual(10);
    }
  });

  it('answers null when even the lowest value is above the target, and the top when everything fits', async () => {
    expect((await findHighestAtMost((x) => x + 10, 5, { lo: 0, hi: 100 })).x).toBeNull();
    expect((await findHighestAtMost((x) => x + 10, 5, { lo: 0, hi: 100, guess: 50 })).x).toBeNull();
    expect((await findHighestAtMost((x) => x, 1_000, { lo: 0, hi: 100 })).x).toBe(100);
    expect((await findHighestAtMost((x) => x, 1_000, { lo: 0, hi: 100, guess: 50 })).x).toBe(100);
    expect((await findHighestAtMost(async (x) => 2 * x, 7, { lo: 0, hi: 100 })).x).toBe(3);
  });

  it('refuses bad bounds and non-numbers', async () => {
    await expect(findHighestAtMost((x) => x, 1, { lo: 5, hi: 1 })).rejects.toThrow(RangeError);
    await expect(findHighestAtMost(() => Number.NaN, 1, { lo: 0, hi: 9 })).rejects.toThrow(RangeError);
  });
});
