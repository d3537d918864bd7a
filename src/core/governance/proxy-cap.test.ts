import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyCap } from './proxy-cap.ts';

describe('proxyCap', () => {
  it('allows one proxy below 20 associates, then one per twenty associates', () => {
    expect(proxyCap(0)).toBe(1);
    expect(proxyCap(19)).toBe(1);
    expect(proxyCap(20)).toBe(1);
    expect(proxyCap(39)).toBe(1);
    expect(proxyCap(40)).toBe(2);
    expect(proxyCap(41)).toBe(2);
    expect(proxyCap(650)).toBe(32);
    expect(proxyCap(659)).toBe(32);
    expect(proxyCap(660)).toBe(33);
  });

  it('lets the statutes lower the cap, never raise it nor take it below one', () => {
    expect(proxyCap(650, 5)).toBe(5);
    expect(proxyCap(650, 100)).toBe(32);
    expect(proxyCap(10, 3)).toBe(1);
    expect(proxyCap(650, 0)).toBe(1);
  });

  it('never lets one holder gather more than about a twentieth of the votes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 1_000_000 }), (n) => {
        const cap = proxyCap(n);
        expect(cap * 20).toBeLessThanOrEqual(n);
        expect((cap + 1) * 20).toBeGreaterThan(n);
      }),
    );
  });

  it('refuses a negative or fractional count', () => {
    expect(() => proxyCap(-1)).toThrow(RangeError);
    expect(() => proxyCap(2.5)).toThrow(RangeError);
  });
});
