import { z } from 'zod';
import { PayrollMonthSchema } from './payroll-month.ts';
import { PayrollSettings } from './payroll-settings.ts';
import { maxSalaryCents } from './salary-simulation-schemas.ts';

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

/** The question as the API takes it: the horizon starts at `month`, whose rules price every salary. */
export const SalaryCapacityRequest = SalaryCapacityInput.extend({
  /**
   * A buffer of one's own; never below the one the cooperative sets in its payroll settings (the higher of the
   * two is kept), which applies when none is given.
   */
  safetyBufferCents: cents.min(0).optional(),
  month: PayrollMonthSchema,
  settings: PayrollSettings.optional(),
  /** Also say how long the treasury lasts at this gross salary. */
  atGrossCents: z.number().int({ error: 'ledger.cents' }).min(0).max(maxSalaryCents).optional(),
});
export type SalaryCapacityRequest = z.infer<typeof SalaryCapacityRequest>;

export const SalaryCapacityAnswer = z.object({
  month: PayrollMonthSchema,
  settings: PayrollSettings,
  /** The safety buffer kept aside: the cooperative's, or a higher one asked for. */
  safetyBufferCents: z.number().int(),
  sustainable: z.object({
    grossCents: z.number().int().nullable(),
    employerCostCents: z.number().int().nullable(),
    monthlyCostBudgetCents: z.number().int(),
    treasuryAtEndCents: z.number().int().nullable(),
    lowestTreasuryCents: z.number().int().nullable(),
    explanation: z.array(z.string()),
  }),
  runway: z
    .object({
      grossCents: z.number().int(),
      employerCostCents: z.number().int(),
      months: z.number().int().nullable(),
      explanation: z.array(z.string()),
    })
    .nullable(),
});
export type SalaryCapacityAnswer = z.infer<typeof SalaryCapacityAnswer>;
