import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSustainableSalary, monthlyCostBudget } from './find-sustainable-salary.ts';
import type { SalaryCapacityInput } from './salary-capacity-input.ts';

/**
 * Monotone employer-cost functions shaped like the real one (the engine-backed checks live in the server):
 * a rate rising with the salary, as the 2026 general reduction fades out, with flat cents from rounding.
 */
const costFunctions = {
  flat: (g: number) => g + Math.floor(g * 0.42),
  rising: (g: number) =>
    g + Math.floor(g * Math.min(0.45, 0.04 + (0.41 * Math.max(0, g - 182_303)) / 364_606)),
  steps: (g: number) => 100 * Math.ceil((g * 1.3) / 100),
};
const costFunction = fc.constantFrom(...(Object.keys(costFunctions) as (keyof typeof costFunctions)[]));

const capacityInput = fc.record({
  treasuryCents: fc.integer({ min: -500_000, max: 10_000_000 }),
  expectedMonthlyRevenueCents: fc.integer({ min: 0, max: 1_500_000 }),
  safetyBufferCents: fc.integer({ min: 0, max: 1_000_000 }),
  months: fc.integer({ min: 1, max: 36 }),
});

/** The treasury month by month, revenue first, then the pay: the lowest point over the horizon. */
function lowestTreasury(input: SalaryCapacityInput, cost: number): number {
  let t = input.treasuryCents;
  let lowest = Number.POSITIVE_INFINITY;
  for (let k = 1; k <= input.months; k++) {
    t += input.expectedMonthlyRevenueCents - cost;
    lowest = Math.min(lowest, t);
  }
  return lowest;
}
/** French money without its no-break spaces, to read the expected texts. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const bearable = (input: SalaryCapacityInput, cost: number) =>
  lowestTreasury(input, cost) >= input.safetyBufferCents;

describe('how much can I pay myself?', () => {
  it('never proposes a salary the treasury cannot bear, and is the highest it can (so within one euro of it)', async () => {
    await fc.assert(
      fc.asyncProperty(capacityInput, costFunction, async (input, name) => {
        const cost = costFunctions[name];
        const found = await findSustainableSalary(input, cost);
        if (found.grossCents === null) {
          expect(bearable(input, cost(0))).toBe(false);
          return;
        }
        expect(found.employerCostCents).toBe(cost(found.grossCents));
        expect(bearable(input, cost(found.grossCents))).toBe(true);
        expect(bearable(input, cost(found.grossCents + 1))).toBe(false);
        expect(bearable(input, cost(found.grossCents + 100))).toBe(false);
        expect(found.lowestTreasuryCents).toBe(lowestTreasury(input, cost(found.grossCents)));
        expect(found.treasuryAtEndCents).toBe(
          input.treasuryCents + input.months * (input.expectedMonthlyRevenueCents - cost(found.grossCents)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('has a budget that one more cent of cost would break', () => {
    fc.assert(
      fc.property(capacityInput, (input) => {
        const { budgetCents } = monthlyCostBudget(input);
        expect(bearable(input, budgetCents) || budgetCents < 0).toBe(true);
        expect(bearable(input, budgetCents + 1)).toBe(false);
      }),
    );
  });

  it('explains the answer in plain French', async () => {
    const found = await findSustainableSalary(
      {
        treasuryCents: 1_200_000,
        expectedMonthlyRevenueCents: 300_000,
        safetyBufferCents: 200_000,
        months: 6,
      },
      costFunctions.flat,
      { referenceMinimumGrossCents: 182_303 },
    );
    // Budget: (12,000 − 2,000 + 6 × 3,000) / 6 = 4,666.66 €; 4,666.66 / 1.42 → 3,286.38 € gross.
    expect(found.monthlyCostBudgetCents).toBe(466_666);
    expect(found.grossCents).toBe(328_638);
    expect(found.employerCostCents).toBe(466_665);
    expect(plain(found.explanation.join('\n'))).toMatchInlineSnapshot(`
      "Trésorerie disponible de l'activité : 12 000,00 € ; coussin de sécurité : 2 000,00 € ; recettes attendues : 3 000,00 € par mois.
      Pour que la trésorerie ne passe jamais sous le coussin pendant 6 mois, le coût employeur mensuel ne peut dépasser 4 666,66 € : ce qui dépasse le coussin, réparti sur 6 mois, plus les recettes d'un mois.
      Le salaire brut mensuel le plus élevé qui tient dans ce budget est de 3 286,38 €, pour un coût employeur de 4 666,65 € ; un centime de plus le dépasserait.
      À ce salaire, la trésorerie serait de 2 000,10 € dans 6 mois, sans jamais descendre sous 2 000,10 €.
      Hypothèses : les recettes de chaque mois arrivent avant la paie du mois, et les cotisations restent celles du mois simulé."
    `);
  });

  it('says so when not even a zero salary keeps the treasury above the buffer, and warns below the SMIC', async () => {
    const none = await findSustainableSalary(
      { treasuryCents: 50_000, expectedMonthlyRevenueCents: 0, safetyBufferCents: 100_000, months: 3 },
      costFunctions.flat,
    );
    expect(none.grossCents).toBeNull();
    expect(none.explanation.join(' ')).toContain('aucun salaire');
    const low = await findSustainableSalary(
      { treasuryCents: 300_000, expectedMonthlyRevenueCents: 0, safetyBufferCents: 0, months: 3 },
      costFunctions.flat,
      { referenceMinimumGrossCents: 182_303 },
    );
    expect(low.grossCents).toBe(70_423);
    expect(plain(low.explanation.join(' '))).toContain('inférieur au SMIC mensuel à temps plein (1 823,03');
  });
});
