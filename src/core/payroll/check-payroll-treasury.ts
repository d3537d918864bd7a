/** One salary to bear, in the order the run takes them. */
export type SalaryToBear = {
  key: string;
  activityId: string;
  employerCostCents: number;
  advanceApproved: boolean;
  /** The mutual fund of the approved advance: it must have the shortfall to lend. */
  advanceFundId?: string | null;
};

export type TreasuryVerdict =
  | { key: string; status: 'ready'; treasuryBeforeCents: number; shortfallCents: 0 }
  | { key: string; status: 'advance'; treasuryBeforeCents: number; shortfallCents: number }
  | {
      key: string;
      status: 'refused';
      treasuryBeforeCents: number;
      shortfallCents: number;
      /** Set when an advance was approved but its fund cannot lend the shortfall: what the fund had left. */
      fundAvailableCents?: number;
    };

/**
 * Whether each activity's available treasury bears the employer cost of its salaries (issue 10, ledger.md:
 * "this is the figure that decides the salary a member can be paid"). Salaries of one activity (a group) are
 * taken in order, each from what the previous ones left. A salary the treasury cannot bear is refused, unless a
 * manager approved an advance for it: then it is paid and the shortfall (the part the treasury lacks) is
 * advanced by a mutual fund — if the fund has it: each fund lends, in order, from what it can lend
 * (`fundCapacityCents`, its cash not already lent), and an advance it cannot cover is refused too. A refused
 * salary takes nothing from the treasury.
 */
export function checkPayrollTreasury(
  salaries: readonly SalaryToBear[],
  treasuryCents: ReadonlyMap<string, number>,
  fundCapacityCents?: ReadonlyMap<string, number>,
): TreasuryVerdict[] {
  const left = new Map(treasuryCents);
  const funds = new Map(fundCapacityCents ?? []);
  return salaries.map((s) => {
    const before = left.get(s.activityId) ?? 0;
    if (before >= s.employerCostCents) {
      left.set(s.activityId, before - s.employerCostCents);
      return { key: s.key, status: 'ready', treasuryBeforeCents: before, shortfallCents: 0 };
    }
    const shortfall = s.employerCostCents - Math.max(0, before);
    if (!s.advanceApproved)
      return { key: s.key, status: 'refused', treasuryBeforeCents: before, shortfallCents: shortfall };
    if (fundCapacityCents && s.advanceFundId) {
      const available = funds.get(s.advanceFundId) ?? 0;
      if (available < shortfall)
        return {
          key: s.key,
          status: 'refused',
          treasuryBeforeCents: before,
          shortfallCents: shortfall,
          fundAvailableCents: available,
        };
      funds.set(s.advanceFundId, available - shortfall);
    }
    // The fund brings the shortfall in: what is left is what the treasury had below zero, if anything.
    left.set(s.activityId, Math.min(0, before));
    return { key: s.key, status: 'advance', treasuryBeforeCents: before, shortfallCents: shortfall };
  });
}
