import { z } from 'zod';

const cents = z.number().int({ error: 'ledger.cents' }).min(-100_000_000_000).max(100_000_000_000);

/**
 * What the "how much can I pay myself?" question starts from (cae-domain.md §2.2): the activity's available
 * treasury (negative after losses), the revenue expected to reach it each month (after the cooperative's
 * contribution and the activity's costs), the safety buffer the cooperative requires, and the horizon.
 */
export const SalaryCapacityInput = z.object({
  treasuryCents: cents,
  expectedMonthlyRevenueCents: cents.min(0),
  safetyBufferCents: cents.min(0),
  months: z.number().int().min(1).max(60),
});
export type SalaryCapacityInput = z.infer<typeof SalaryCapacityInput>;

/** A gross salary's employer cost in cents; in core, any non-decreasing function (the server passes the engine). */
export type EmployerCostFunction = (grossCents: number) => number | Promise<number>;
