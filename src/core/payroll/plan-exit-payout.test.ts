import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExitPlanInput, planExitPayout } from './plan-exit-payout.ts';

/** French money without its no-break spaces, to read the expected texts. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const cost = (g: number) =>
  g + Math.floor(g * Math.min(0.45, 0.04 + (0.41 * Math.max(0, g - 182_303)) / 364_606));

describe('exit plan', () => {
  it('pays out the treasury by the exit month, never under the reserve, as level as it can', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 8_000_000 }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 0, max: 14 }),
        async (treasury, revenue, reserve, extraMonths) => {
          const exitMonth = 1 + extraMonths; // from 2026-01
          const exitDate = `${2026 + Math.floor((exitMonth - 1) / 12)}-${String(((exitMonth - 1) % 12) + 1).padStart(2, '0')}-15`;
          const plan = await planExitPayout(
            {
              treasuryCents: treasury,
              expectedMonthlyRevenueCents: revenue,
              reserveCents: reserve,
              firstMonth: '2026-01',
              exitDate,
            },
            cost,
          );
          expect(plan.months).toHaveLength(exitMonth);
          expect(plan.months.at(-1)!.month).toBe(exitDate.slice(0, 7));
          let t = treasury;
          for (const m of plan.months) {
            expect(m.employerCostCents).toBe(cost(m.grossCents));
            t += revenue - m.employerCostCents;
            expect(m.treasuryAfterCents).toBe(t);
            if (treasury >= reserve) expect(t).toBeGreaterThanOrEqual(reserve);
          }
          const grosses = plan.months.map((m) => m.grossCents);
          for (let i = 1; i < grosses.length; i++) expect(grosses[i]).toBeGreaterThanOrEqual(grosses[i - 1]!);
          expect(plan.remainderCents).toBe(t - reserve);
          const last = plan.months.at(-1)!;
          // Paid out: one more cent of gross in the last month would dip under the reserve.
          if (treasury + exitMonth * revenue >= reserve)
            expect(t - (cost(last.grossCents + 1) - last.employerCostCents)).toBeLessThan(reserve);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('explains the schedule in plain French', async () => {
    const plan = await planExitPayout(
      { treasuryCents: 1_500_000, firstMonth: '2026-07', exitDate: '2026-09-30', reserveCents: 50_000 },
      (g) => g + Math.floor(g * 0.42),
    );
    // (15,000 − 500) / 3 = 4,833.33 € of cost a month: 3,403.76 € gross costs exactly 4,833.33 €.
    expect(plan.months.map((m) => m.grossCents)).toEqual([340_376, 340_376, 340_376]);
    expect(plan.explanation.map(plain)).toEqual([
      "Sortie prévue le 30 septembre 2026 : 3 paies, de juillet 2026 à septembre 2026, pour verser la trésorerie de l'activité (15 000,00 €) avant le départ.",
      '500,00 € restent en réserve pour les frais de sortie.',
      'De juillet 2026 à septembre 2026 : 3 403,76 € brut par mois (coût employeur 4 833,33 €).',
      "Après la dernière paie, il reste 0,01 € au-dessus de la réserve : moins que le coût d'un centime de salaire brut en plus.",
    ]);
  });

  it('refuses an exit before the first month or beyond five years', () => {
    const base = { treasuryCents: 100, firstMonth: '2026-07' };
    expect(ExitPlanInput.safeParse({ ...base, exitDate: '2026-06-30' }).error?.issues[0]?.message).toBe(
      'payroll.exitBeforeStart',
    );
    expect(ExitPlanInput.safeParse({ ...base, exitDate: '2031-07-01' }).error?.issues[0]?.message).toBe(
      'payroll.exitTooFar',
    );
    expect(ExitPlanInput.safeParse({ ...base, exitDate: '2026-07-01' }).success).toBe(true);
  });
});
