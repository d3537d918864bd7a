import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents } from './format-cents.ts';
import { parseCents } from './parse-cents.ts';

describe('formatCents', () => {
  it('writes French money with a comma and grouped thousands', () => {
    expect(formatCents(123456n)).toBe('1\u202f234,56\u00a0€');
    expect(formatCents(5n)).toBe('0,05\u00a0€');
    expect(formatCents(-100n, { currency: false })).toBe('-1,00');
    expect(formatCents(123456789012345678n, { currency: false })).toBe(
      '1\u202f234\u202f567\u202f890\u202f123\u202f456,78',
    );
  });

  it('agrees with Intl fr-FR wherever a number is exact', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (cents) => {
        expect(formatCents(BigInt(cents))).toBe(intl.format(cents / 100).replace('\u2212', '-'));
      }),
    );
  });
});

describe('parseCents', () => {
  it('reads amounts typed the French or the English way', () => {
    expect(parseCents('1 234,56')).toBe(123456n);
    expect(parseCents('1234.5')).toBe(123450n);
    expect(parseCents('-12')).toBe(-1200n);
    expect(parseCents('12,345')).toBeNull();
    expect(parseCents('abc')).toBeNull();
    expect(parseCents('')).toBeNull();
  });

  it('reads back what formatCents writes', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }), (c) => {
        expect(parseCents(formatCents(c))).toBe(c);
      }),
    );
  });
});
