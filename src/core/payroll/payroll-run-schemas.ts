import { z } from 'zod';
import { CalendarDateSchema } from '../members/calendar-date.ts';
import { PayrollMonthSchema } from './payroll-month.ts';
import { PayrollSettings } from './payroll-settings.ts';
import { ContributionLine } from './salary-simulation-schemas.ts';

export const PayrollRunRequest = z.strictObject({ month: PayrollMonthSchema });

/** The days a salary pays when the contract runs part of the month (calendar-days method); null = whole month. */
export const PayrollPeriod = z
  .object({
    from: z.string(),
    to: z.string(),
    daysPaid: z.number().int(),
    monthDays: z.number().int(),
    fullMonthGrossCents: z.number().int(),
  })
  .nullable();
export type PayrollRunRequest = z.infer<typeof PayrollRunRequest>;

/**
 * What happens to one member in a month's run: paid (salary posted), paid on an advance approved by a manager,
 * a zero record (CAPE), refused (the treasury cannot bear the employer cost, or no activity to charge), or
 * already recorded by an earlier run of the month.
 */
export const payrollLineStatuses = ['ready', 'advance', 'zero', 'refused', 'done'] as const;
export type PayrollLineStatus = (typeof payrollLineStatuses)[number];

export const PayrollRunLine = z.object({
  memberId: z.string(),
  memberName: z.string(),
  activityId: z.string().nullable(),
  activityCode: z.string().nullable(),
  kind: z.enum(['salary', 'cape_zero']),
  basis: z.enum(['plan', 'fixed_part', 'none']),
  status: z.enum(payrollLineStatuses),
  grossCents: z.number().int(),
  netSocialCents: z.number().int(),
  netBeforeIncomeTaxCents: z.number().int(),
  employerCostCents: z.number().int(),
  employeeContributionsCents: z.number().int(),
  employerContributionsCents: z.number().int(),
  /** The activity's available treasury before this salary (after the salaries before it in the run). */
  treasuryBeforeCents: z.number().int().nullable(),
  /** What the treasury lacks to bear the employer cost (refused, or covered by the advance). */
  shortfallCents: z.number().int(),
  /** Why a line is refused: an error code of the catalogue, its details, and the message in the caller's language. */
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
  slipId: z.string().nullable(),
  period: PayrollPeriod,
});
export type PayrollRunLine = z.infer<typeof PayrollRunLine>;

export const PayrollRunPreview = z.object({
  month: PayrollMonthSchema,
  settings: PayrollSettings,
  rules: z.object({ package: z.string(), version: z.string() }),
  lines: z.array(PayrollRunLine),
  /** Advances of earlier months the run takes back for their funds, from the treasury left after the salaries. */
  repayments: z.array(
    z.object({
      advanceId: z.string(),
      month: PayrollMonthSchema,
      activityId: z.string(),
      activityCode: z.string(),
      fundActivityId: z.string(),
      fundCode: z.string(),
      outstandingCents: z.number().int(),
      amountCents: z.number().int(),
    }),
  ),
  totals: z.object({
    paidCount: z.number().int(),
    zeroCount: z.number().int(),
    refusedCount: z.number().int(),
    doneCount: z.number().int(),
    grossCents: z.number().int(),
    employerCostCents: z.number().int(),
    netBeforeIncomeTaxCents: z.number().int(),
  }),
  /** Whether running now would record anything (false: the month is fully run). */
  runnable: z.boolean(),
});
export type PayrollRunPreview = z.infer<typeof PayrollRunPreview>;

export const PayrollRunResult = PayrollRunPreview.extend({ runId: z.string() });
export type PayrollRunResult = z.infer<typeof PayrollRunResult>;

/** A manager lets a salary the treasury cannot bear be paid, the shortfall advanced by a mutual fund. */
export const PayrollAdvanceRequest = z.strictObject({
  memberId: z.uuid(),
  month: PayrollMonthSchema,
  fundActivityId: z.uuid(),
  note: z.string().trim().max(500).default(''),
});
export type PayrollAdvanceRequest = z.input<typeof PayrollAdvanceRequest>;

export const PayrollAdvanceView = z.object({
  id: z.string(),
  memberId: z.string(),
  month: PayrollMonthSchema,
  fundActivityId: z.string(),
  note: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string(),
});

/** A record of one member's month, as the member and the accountant see it. */
export const PayrollSlipView = z.object({
  id: z.string(),
  runId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  month: PayrollMonthSchema,
  kind: z.enum(['salary', 'cape_zero']),
  basis: z.enum(['plan', 'fixed_part', 'none']),
  activityId: z.string().nullable(),
  activityCode: z.string().nullable(),
  grossCents: z.number().int(),
  netSocialCents: z.number().int(),
  netBeforeIncomeTaxCents: z.number().int(),
  netTaxableCents: z.number().int(),
  employerCostCents: z.number().int(),
  employeeContributionsCents: z.number().int(),
  employerContributionsCents: z.number().int(),
  lines: z.array(ContributionLine),
  advanceCents: z.number().int(),
  entryId: z.string().nullable(),
  paidOn: CalendarDateSchema.nullable(),
  /** The days paid, when the record pays part of the month (dates only: recorded before, whole months). */
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  createdAt: z.string(),
});
export type PayrollSlipView = z.infer<typeof PayrollSlipView>;

/** The accountant prepares the transfer of a month's net salaries, to be executed on a date. */
export const SalaryPaymentRequest = z.strictObject({
  month: PayrollMonthSchema,
  executionDate: CalendarDateSchema,
});
export type SalaryPaymentRequest = z.infer<typeof SalaryPaymentRequest>;

export const SalaryPaymentView = z.object({
  id: z.string(),
  month: PayrollMonthSchema,
  messageId: z.string(),
  executionDate: z.string(),
  totalCents: z.number().int(),
  transferCount: z.number().int(),
  status: z.enum(['prepared', 'confirmed']),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type SalaryPaymentView = z.infer<typeof SalaryPaymentView>;

export const PreparedSalaryPayment = z.object({
  payment: SalaryPaymentView,
  /** Salaries left out of the file, with the reason (no IBAN, or one whose checksum fails). */
  excluded: z.array(z.object({ memberId: z.string(), memberName: z.string(), reason: z.string() })),
});
