import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents } from './allocate-cents.ts';
import { formatQuantity, parseQuantity } from './decimal-quantity.ts';
import { divideRounded } from './divide-rounded.ts';
import { formatEuros, formatQuantityFr } from './format-fr.ts';

describe('quantities, rounding and allocation', () => {
  it('parses decimal strings without floats', () => {
    expect(parseQuantity('2.5')).toBe(25_000n);
    expect(parseQuantity('0,0001')).toBe(1n);
    expect(parseQuantity('-1')).toBe(-10_000n);
    expect(parseQuantity('1.23456')).toBeNull();
    expect(parseQuantity('1e3')).toBeNull();
    expect(parseQuantity('1234567890123')).toBeNull();
    expect(formatQuantity(25_000n)).toBe('2.5');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n - 1n), max: 10n ** 16n - 1n }), (q) => {
        expect(parseQuantity(formatQuantity(q))).toBe(q);
      }),
    );
  });

  it('rounds half away from zero', () => {
    expect(divideRounded(15n, 10n)).toBe(2n);
    expect(divideRounded(-15n, 10n)).toBe(-2n);
    expect(divideRounded(14n, 10n)).toBe(1n);
    expect(divideRounded(-14n, 10n)).toBe(-1n);
    expect(divideRounded(25n, -10n)).toBe(-3n);
  });

  it('allocates cents so that the parts add up (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc
          .array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateCents(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          for (const [i, p] of parts.entries()) {
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1.0001);
          }
        },
      ),
    );
  });

  it('formats in French', () => {
    expect(formatEuros(123_456_789)).toBe('1\u00a0234\u00a0567,89\u00a0€');
    expect(formatEuros(-5)).toBe('-0,05\u00a0€');
    expect(formatQuantityFr('12345.5')).toBe('12\u00a0345,5');
  });
});
