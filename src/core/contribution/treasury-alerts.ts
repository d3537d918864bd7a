import type { ContributionSettings } from './contribution-policy.ts';

/** Defaults of migrations/0015_contribution_revocation.sql: down 20 % and 1 000 € over 3 months. */
export const defaultContributionSettings: ContributionSettings = {
  fallingMonths: 3,
  fallingPercentBp: 2_000,
  fallingMinCents: 100_000,
};

/**
 * Whether an activity's available treasury is "falling" (issue 6, support dashboard): it fell by more than
 * the cooperative's amount and by more than its share of what it was. From zero or below, any fall beyond
 * the amount is one (no percentage of a non-positive treasury makes sense).
 */
export function isTreasuryFalling(
  input: { nowCents: number; beforeCents: number },
  settings: Pick<ContributionSettings, 'fallingPercentBp' | 'fallingMinCents'>,
): boolean {
  const drop = input.beforeCents - input.nowCents;
  if (drop <= 0 || drop <= settings.fallingMinCents) return false;
  if (input.beforeCents <= 0) return true;
  // Integers only: drop / before > percentBp / 10 000.
  return BigInt(drop) * 10_000n > BigInt(settings.fallingPercentBp) * BigInt(input.beforeCents);
}
