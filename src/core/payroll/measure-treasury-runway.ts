import { formatCents } from '../money/format-cents.ts';

export type TreasuryRunway = {
  /** Months of this salary the treasury pays before going under the buffer; null = indefinitely. */
  months: number | null;
  explanation: string[];
};

/**
 * How long the treasury lasts at a given salary: the number of whole months k for which treasury +
 * k·(revenue − employer cost) stays at or above the safety buffer (revenue arriving before each month's pay).
 */
export function measureTreasuryRunway(
  input: { treasuryCents: number; expectedMonthlyRevenueCents: number; safetyBufferCents: number },
  salary: { grossCents: number; employerCostCents: number },
): TreasuryRunway {
  const { treasuryCents: t, expectedMonthlyRevenueCents: r, safetyBufferCents: buffer } = input;
  const cost = salary.employerCostCents;
  const at = `À ${formatCents(salary.grossCents)} brut par mois (coût employeur ${formatCents(cost)})`;
  if (cost <= r) {
    if (t >= buffer)
      return {
        months: null,
        explanation: [
          `${at}, les recettes attendues (${formatCents(r)} par mois) couvrent le salaire : la trésorerie ne baisse pas.`,
        ],
      };
    return {
      months: 0,
      explanation: [
        `La trésorerie (${formatCents(t)}) est sous le coussin de sécurité (${formatCents(buffer)}) : aucun mois de salaire n'est possible avant qu'elle ne remonte.`,
      ],
    };
  }
  const burn = cost - r;
  const months = t < buffer ? 0 : Math.floor((t - buffer) / burn);
  if (months === 0)
    return {
      months,
      explanation: [
        `${at}, la trésorerie (${formatCents(t)}) ne permet pas un mois de ce salaire sans passer sous le coussin de ${formatCents(buffer)}.`,
      ],
    };
  return {
    months,
    explanation: [
      `${at}, la trésorerie baisse de ${formatCents(burn)} par mois : elle paie ${months} mois de salaire avant de passer sous le coussin de ${formatCents(buffer)} (il resterait alors ${formatCents(t - months * burn)}).`,
    ],
  };
}
