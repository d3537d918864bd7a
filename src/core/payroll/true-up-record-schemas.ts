import { z } from 'zod';
import { CalendarDateSchema } from '../members/calendar-date.ts';

/** Paying the fiscal year's accrued true-up, on a day (C. trav. R7331-12: by one month after the assembly). */
export const TrueUpPaymentRequest = z.strictObject({
  fiscalYearId: z.number().int().positive(),
  paidOn: CalendarDateSchema,
});
export type TrueUpPaymentRequest = z.infer<typeof TrueUpPaymentRequest>;

/** One member's true-up as posted: accrued at the year's end (4286), then paid. */
export const TrueUpRecordView = z.object({
  id: z.string(),
  fiscalYearId: z.number().int(),
  memberId: z.string(),
  memberName: z.string(),
  activityCode: z.string(),
  grossCents: z.number().int(),
  employerCostCents: z.number().int(),
  netBeforeIncomeTaxCents: z.number().int(),
  pricingMonth: z.string(),
  assemblyDate: z.string(),
  payBy: z.string(),
  accruedAt: z.string(),
  paidOn: z.string().nullable(),
  /** Paid after the legal date (or still unpaid past it). */
  late: z.boolean(),
});
export type TrueUpRecordView = z.infer<typeof TrueUpRecordView>;
