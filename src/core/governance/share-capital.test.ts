import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { capitalFloor, checkSubscription, highestCapital, sharesForAmount } from './share-capital.ts';

const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('share capital', () => {
  it('buys whole shares only: 75 € is three 25 € shares, 80 € is refused', () => {
    expect(sharesForAmount(7500n, 2500n)).toBe(3n);
    expect(code(() => sharesForAmount(8000n, 2500n))).toBe('SHARES_NOT_WHOLE');
    expect(code(() => sharesForAmount(0n, 2500n))).toBe('SHARES_NOT_WHOLE');
    expect(code(() => sharesForAmount(-2500n, 2500n))).toBe('SHARES_NOT_WHOLE');
  });

  it('refuses a fraction of a share, none at all, and fewer than the statutes require on admission', () => {
    expect(code(() => checkSubscription({ shares: 1.5, alreadyHeld: 0, minimumShares: 1 }))).toBe(
      'SHARES_NOT_WHOLE',
    );
    expect(code(() => checkSubscription({ shares: 0, alreadyHeld: 4, minimumShares: 1 }))).toBe(
      'SHARES_NOT_WHOLE',
    );
    expect(code(() => checkSubscription({ shares: 3, alreadyHeld: 0, minimumShares: 4 }))).toBe(
      'SHARES_BELOW_MINIMUM',
    );
    expect(code(() => checkSubscription({ shares: 4, alreadyHeld: 0, minimumShares: 4 }))).toBeNull();
    expect(code(() => checkSubscription({ shares: 1, alreadyHeld: 3, minimumShares: 4 }))).toBeNull();
  });

  it('keeps the highest capital ever reached, and a floor of half of it rounded up', () => {
    expect(highestCapital([1000n, 500n, -1200n, 300n])).toBe(1500n);
    expect(capitalFloor(1500n)).toBe(750n);
    expect(capitalFloor(1501n)).toBe(751n);
  });

  it('accepts an amount exactly when it is a positive multiple of the nominal value', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (amount, nominal) => {
          const whole = amount > 0n && amount % nominal === 0n;
          expect(code(() => sharesForAmount(amount, nominal)) === null).toBe(whole);
        },
      ),
    );
  });
});
