import { formatCents } from '../money/format-cents.ts';
import { findHighestAtMost } from './find-highest-at-most.ts';
import type { EmployerCostFunction, SalaryCapacityInput } from './salary-capacity-input.ts';
import { maxSalaryCents } from './salary-simulation-schemas.ts';

export type SustainableSalary = {
  /** The highest steady monthly gross salary the treasury can bear; null when even no salary cannot. */
  grossCents: number | null;
  employerCostCents: number | null;
  /** The most the activity can spend each month on the employer cost without going under the buffer. */
  monthlyCostBudgetCents: number;
  /** The treasury after the last month at that salary, and its lowest point over the horizon. */
  treasuryAtEndCents: number | null;
  lowestTreasuryCents: number | null;
  /** Plain French, for the member. */
  explanation: string[];
};

/**
 * The monthly employer-cost budget over the horizon: month k ends with treasury + k·(revenue − cost), which
 * must stay at or above the buffer for every k from 1 to N. The condition is linear in k, so only the first
 * and the last month can bind: cost ≤ margin + revenue, and N·cost ≤ margin + N·revenue (margin = treasury −
 * buffer). Integer arithmetic, rounded down: the budget never lets the treasury dip by a cent.
 */
export function monthlyCostBudget(input: SalaryCapacityInput): {
  budgetCents: number;
  binding: 'first' | 'last';
} {
  const margin = input.treasuryCents - input.safetyBufferCents;
  const first = margin + input.expectedMonthlyRevenueCents;
  const last = Math.floor((margin + input.months * input.expectedMonthlyRevenueCents) / input.months);
  return last < first ? { budgetCents: last, binding: 'last' } : { budgetCents: first, binding: 'first' };
}

/**
 * "How much can I pay myself?": the highest steady monthly gross salary whose employer cost the treasury can
 * bear for N months without going under the safety buffer, assuming each month's revenue arrives before that
 * month's pay. Exact to the cent for any non-decreasing cost function: the salary found fits the budget, and one
 * cent more would not. `referenceMinimumGrossCents` (the full-time monthly SMIC) only adds a warning.
 */
export async function findSustainableSalary(
  input: SalaryCapacityInput,
  employerCost: EmployerCostFunction,
  options: { maxGrossCents?: number; guessGrossCents?: number; referenceMinimumGrossCents?: number } = {},
): Promise<SustainableSalary> {
  const { treasuryCents: t, expectedMonthlyRevenueCents: r, safetyBufferCents: buffer, months: n } = input;
  const { budgetCents, binding } = monthlyCostBudget(input);
  const maxGross = options.maxGrossCents ?? maxSalaryCents;
  const explanation = [
    `Trésorerie disponible de l'activité : ${formatCents(t)} ; coussin de sécurité : ${formatCents(buffer)} ; recettes attendues : ${formatCents(r)} par mois.`,
  ];
  if (t < buffer)
    explanation.push(`La trésorerie est déjà sous le coussin de sécurité, de ${formatCents(buffer - t)}.`);
  explanation.push(
    binding === 'last' && n > 1
      ? `Pour que la trésorerie ne passe jamais sous le coussin pendant ${n} mois, le coût employeur mensuel ne peut dépasser ${formatCents(budgetCents)} : ce qui dépasse le coussin, réparti sur ${n} mois, plus les recettes d'un mois.`
      : `Pour que la trésorerie ne passe pas sous le coussin dès le premier mois, le coût employeur mensuel ne peut dépasser ${formatCents(budgetCents)} : ce qui dépasse le coussin plus les recettes du mois.`,
  );
  const guess = options.guessGrossCents ?? (budgetCents > 0 ? Math.floor(budgetCents / 1.3) : undefined);
  const found =
    budgetCents < 0
      ? { x: null, value: null }
      : await findHighestAtMost(employerCost, budgetCents, { lo: 0, hi: maxGross, guess });
  if (found.x === null || found.value === null) {
    explanation.push(
      "Même sans salaire, la trésorerie passerait sous le coussin : aucun salaire n'est possible pour l'instant.",
    );
    return {
      grossCents: null,
      employerCostCents: null,
      monthlyCostBudgetCents: budgetCents,
      treasuryAtEndCents: null,
      lowestTreasuryCents: null,
      explanation,
    };
  }
  const gross = found.x;
  const cost = found.value;
  const atEnd = t + n * (r - cost);
  const lowest = Math.min(t + r - cost, atEnd);
  explanation.push(
    gross < maxGross
      ? `Le salaire brut mensuel le plus élevé qui tient dans ce budget est de ${formatCents(gross)}, pour un coût employeur de ${formatCents(cost)} ; un centime de plus le dépasserait.`
      : `Le budget permet le salaire brut le plus élevé que le simulateur accepte, ${formatCents(gross)} (coût employeur ${formatCents(cost)}).`,
  );
  explanation.push(
    n > 1
      ? `À ce salaire, la trésorerie serait de ${formatCents(atEnd)} dans ${n} mois, sans jamais descendre sous ${formatCents(lowest)}.`
      : `À ce salaire, la trésorerie serait de ${formatCents(atEnd)} à la fin du mois.`,
  );
  const minimum = options.referenceMinimumGrossCents;
  if (minimum !== undefined && gross < minimum)
    explanation.push(`Ce salaire est inférieur au SMIC mensuel à temps plein (${formatCents(minimum)}).`);
  explanation.push(
    'Hypothèses : les recettes de chaque mois arrivent avant la paie du mois, et les cotisations restent celles du mois simulé.',
  );
  return {
    grossCents: gross,
    employerCostCents: cost,
    monthlyCostBudgetCents: budgetCents,
    treasuryAtEndCents: atEnd,
    lowestTreasuryCents: lowest,
    explanation,
  };
}
