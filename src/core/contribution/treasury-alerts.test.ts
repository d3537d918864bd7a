import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultContributionSettings, isTreasuryFalling } from './treasury-alerts.ts';

describe('the "treasury falling" alert', () => {
  it('needs both the amount and the share of the cooperative', () => {
    const s = defaultContributionSettings; // 20 % and 1 000 €
    // 10 000 € → 7 000 €: 3 000 € and 30 %.
    expect(isTreasuryFalling({ beforeCents: 1_000_000, nowCents: 700_000 }, s)).toBe(true);
    // 100 000 € → 90 000 €: 10 000 € but only 10 %.
    expect(isTreasuryFalling({ beforeCents: 10_000_000, nowCents: 9_000_000 }, s)).toBe(false);
    // 1 000 € → 100 €: 90 % but only 900 €.
    expect(isTreasuryFalling({ beforeCents: 100_000, nowCents: 10_000 }, s)).toBe(false);
    // Exactly at the thresholds: not beyond them.
    expect(isTreasuryFalling({ beforeCents: 500_000, nowCents: 400_000 }, s)).toBe(false);
    // From nothing, going negative beyond the amount.
    expect(isTreasuryFalling({ beforeCents: 0, nowCents: -150_000 }, s)).toBe(true);
    // Rising is never falling.
    expect(isTreasuryFalling({ beforeCents: -500_000, nowCents: 0 }, s)).toBe(false);
  });

  it('with no threshold, is any fall', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (b, n) => {
        expect(
          isTreasuryFalling({ beforeCents: b, nowCents: n }, { fallingPercentBp: 0, fallingMinCents: 0 }),
        ).toBe(n < b);
      }),
    );
  });
});
