import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPointsToPercentText, centsToEuroText, eurosToCents } from './euros-to-cents.ts';

describe('eurosToCents', () => {
  it('rounds the engine figure half away from zero on its decimal writing', () => {
    expect(eurosToCents(1443.105990425)).toBe(144311);
    expect(eurosToCents(1.005)).toBe(101); // 1.005 * 100 is 100.49999… in binary
    expect(eurosToCents(0.005)).toBe(1);
    expect(eurosToCents(-0.005)).toBe(-1);
    expect(eurosToCents(-0.004)).toBe(0);
    expect(Object.is(eurosToCents(-0.001), 0)).toBe(true);
    expect(eurosToCents(1e-7)).toBe(0);
    expect(eurosToCents(733.040363)).toBe(73304);
  });

  it('refuses what is not an amount', () => {
    expect(() => eurosToCents(Number.NaN)).toThrow(RangeError);
    expect(() => eurosToCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('gives back any whole number of cents written as euros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        expect(eurosToCents(c / 100)).toBe(c);
        expect(eurosToCents(Number(centsToEuroText(c)))).toBe(c);
      }),
    );
  });
});

describe('texts for the rules engine', () => {
  it('writes cents and basis points as exact decimals', () => {
    expect(centsToEuroText(182303)).toBe('1823.03');
    expect(centsToEuroText(5)).toBe('0.05');
    expect(centsToEuroText(-5)).toBe('-0.05');
    expect(centsToEuroText(0)).toBe('0.00');
    expect(basisPointsToPercentText(295)).toBe('2.95');
    expect(basisPointsToPercentText(5000)).toBe('50');
    expect(basisPointsToPercentText(5)).toBe('0.05');
    expect(basisPointsToPercentText(0)).toBe('0');
    expect(() => centsToEuroText(1.5)).toThrow(RangeError);
    expect(() => basisPointsToPercentText(-1)).toThrow(RangeError);
  });
});
