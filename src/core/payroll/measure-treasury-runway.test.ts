import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureTreasuryRunway } from './measure-treasury-runway.ts';

/** French money without its no-break spaces, to read the expected texts. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('how long the treasury lasts', () => {
  it('counts the whole months paid before the treasury would go under the buffer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (t, r, buffer, cost) => {
          const input = { treasuryCents: t, expectedMonthlyRevenueCents: r, safetyBufferCents: buffer };
          const { months } = measureTreasuryRunway(input, { grossCents: cost, employerCostCents: cost });
          const treasuryAfter = (k: number) => t + k * (r - cost);
          if (months === null) {
            expect(cost).toBeLessThanOrEqual(r);
            expect(t).toBeGreaterThanOrEqual(buffer);
            return;
          }
          if (months > 0) expect(treasuryAfter(months)).toBeGreaterThanOrEqual(buffer);
          expect(treasuryAfter(months + 1) < buffer || t < buffer).toBe(true);
        },
      ),
    );
  });

  it('explains it in plain French', () => {
    const input = {
      treasuryCents: 1_000_000,
      expectedMonthlyRevenueCents: 100_000,
      safetyBufferCents: 200_000,
    };
    const runway = measureTreasuryRunway(input, { grossCents: 250_000, employerCostCents: 310_000 });
    expect({ ...runway, explanation: runway.explanation.map(plain) }).toEqual({
      months: 3,
      explanation: [
        'À 2 500,00 € brut par mois (coût employeur 3 100,00 €), la trésorerie baisse de 2 100,00 € par mois : elle paie 3 mois de salaire avant de passer sous le coussin de 2 000,00 € (il resterait alors 3 700,00 €).',
      ],
    });
    expect(measureTreasuryRunway(input, { grossCents: 70_000, employerCostCents: 90_000 }).months).toBeNull();
    expect(
      measureTreasuryRunway(
        { ...input, treasuryCents: 250_000 },
        { grossCents: 250_000, employerCostCents: 310_000 },
      ),
    ).toMatchObject({ months: 0 });
  });
});
