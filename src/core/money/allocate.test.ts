import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';

const weights = fc
  .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
  .filter((w) => w.some((x) => x > 0));
const total = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

describe('allocate', () => {
  it('splits 10,00 € in three as 3,34 + 3,33 + 3,33', () => {
    expect(allocate(1000n, [1, 1, 1])).toEqual([334n, 333n, 333n]);
  });

  it('gives the leftover cent to the largest remainder', () => {
    // exact shares 0.5, 1.5 → floors 0, 1; one cent left, tie → first
    expect(allocate(2n, [1, 3])).toEqual([1n, 1n]);
    expect(allocate(100n, [2000, 550])).toEqual([78n, 22n]);
  });

  it('splits a negative total like its opposite', () => {
    expect(allocate(-1000n, [1, 1, 1])).toEqual([-334n, -333n, -333n]);
  });

  it('refuses negative, fractional or all-zero weights', () => {
    expect(() => allocate(10n, [0, 0])).toThrow(RangeError);
    expect(() => allocate(10n, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(10n, [1.5])).toThrow(RangeError);
    expect(() => allocate(10n, [])).toThrow(RangeError);
  });

  it('always returns parts that add up to the total', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = allocate(t, w);
        expect(parts).toHaveLength(w.length);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(t);
      }),
    );
  });

  it('keeps every part within one cent of its exact share, and zero weights at zero', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = allocate(t, w);
        const sum = BigInt(w.reduce((a, b) => a + b, 0));
        parts.forEach((p, i) => {
          const exactTimesSum = t * BigInt(w[i]!); // exact share × sum
          const diff = p * sum - exactTimesSum;
          expect(diff < 0n ? -diff : diff).toBeLessThan(sum);
          if (w[i] === 0) expect(p).toBe(0n);
        });
      }),
    );
  });
});
