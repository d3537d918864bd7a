import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPoints, compareFractions, reaches, smallestReaching } from './fraction.ts';

const fraction = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }))
  .filter(([n, d]) => n <= d)
  .map(([num, den]) => ({ num, den }));

describe('fractions', () => {
  it('tells two thirds from 66 %', () => {
    expect(reaches(2, 3, { num: 2, den: 3 })).toBe(true);
    expect(reaches(66, 100, { num: 2, den: 3 })).toBe(false);
    expect(reaches(67, 100, { num: 2, den: 3 })).toBe(true);
  });

  it('counts "more than half" strictly and "at least half" loosely', () => {
    expect(reaches(5, 10, { num: 1, den: 2 }, true)).toBe(false);
    expect(reaches(6, 10, { num: 1, den: 2 }, true)).toBe(true);
    expect(reaches(5, 10, { num: 1, den: 2 })).toBe(true);
    expect(reaches(4, 10, { num: 1, den: 2 })).toBe(false);
  });

  it('compares fractions exactly', () => {
    expect(compareFractions({ num: 1, den: 3 }, { num: 2, den: 6 })).toBe(0);
    expect(compareFractions({ num: 1, den: 4 }, { num: 1, den: 5 })).toBe(1);
    expect(compareFractions({ num: 0, den: 1 }, { num: 1, den: 1000 })).toBe(-1);
  });

  it('finds the smallest count that reaches a fraction: it reaches, one less does not', () => {
    fc.assert(
      fc.property(fraction, fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (f, whole, strict) => {
        const n = smallestReaching(whole, f, strict);
        expect(reaches(n, whole, f, strict)).toBe(true);
        if (n > 0) expect(reaches(n - 1, whole, f, strict)).toBe(false);
      }),
    );
  });

  it('gives basis points rounded down, none of an empty whole', () => {
    expect(basisPoints(2, 3)).toBe(6666);
    expect(basisPoints(0, 0)).toBeNull();
    expect(basisPoints(5n, 5n)).toBe(10_000);
  });
});
