/** An advance a fund lent an activity, not yet repaid in full (oldest first). */
export type OutstandingAdvance = { id: string; activityId: string; outstandingCents: number };

/**
 * What a month's run takes back for the funds (issue 10): after the month's salaries, an activity repays its
 * outstanding advances, oldest first, from the treasury it has left — counted without its debt to the funds,
 * which the available treasury already holds (the advance is a 467 debt): repaying moves cash, and leaves the
 * available treasury as it is. Nothing is taken that would leave the activity unable to meet its other debts.
 * `leftCents`: each activity's available treasury after the month's salaries.
 */
export function planAdvanceRepayments(
  advances: readonly OutstandingAdvance[],
  leftCents: ReadonlyMap<string, number>,
): { id: string; amountCents: number }[] {
  const owed = new Map<string, number>();
  for (const a of advances) owed.set(a.activityId, (owed.get(a.activityId) ?? 0) + a.outstandingCents);
  const free = new Map(
    [...owed].map(([activity, debt]) => [activity, (leftCents.get(activity) ?? 0) + debt]),
  );
  const plan: { id: string; amountCents: number }[] = [];
  for (const a of advances) {
    const can = Math.max(0, free.get(a.activityId) ?? 0);
    const amount = Math.min(a.outstandingCents, can);
    if (amount <= 0) continue;
    free.set(a.activityId, can - amount);
    plan.push({ id: a.id, amountCents: amount });
  }
  return plan;
}
