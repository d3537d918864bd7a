import { z } from 'zod';
import { monthBounds } from './payroll-basis-for-month.ts';
import { PayrollMonthSchema } from './payroll-month.ts';
import { PayrollSettings } from './payroll-settings.ts';

/** Above €1,000,000 a month the simulator refuses: no member of a CAE is paid that, and typos are caught. */
export const maxSalaryCents = 100_000_000;

/** What the member types: a gross salary, a net salary (before income tax) or an employer cost. */
export const salaryBases = ['gross', 'net', 'employerCost'] as const;
export type SalaryBasis = (typeof salaryBases)[number];

export const SalarySimulationRequest = z
  .object({
    from: z.enum(salaryBases),
    amountCents: z.number().int({ error: 'ledger.cents' }).min(0).max(maxSalaryCents),
    /** The month whose rules apply (rates and thresholds change every year, sometimes mid-year). */
    month: PayrollMonthSchema,
    /** The cooperative's settings; the recorded ones (or the documented defaults) when left out. */
    settings: PayrollSettings.optional(),
    /**
     * An incomplete month (entry or exit during it): the calendar days of the contract in the month, as the payroll
     * run pays them. The gross asked is then the monthly gross of a whole month, which the month pays for its days
     * (calendar-days method); a net or an employer cost is the month's. Left out, or all the month's days: a whole
     * month.
     */
    daysPaid: z.number().int().min(1).max(31).optional(),
  })
  .refine((v) => v.daysPaid === undefined || v.daysPaid <= Number(monthBounds(v.month).last.slice(8, 10)), {
    error: 'payroll.daysPaidInMonth',
    path: ['daysPaid'],
  });
export type SalarySimulationRequest = z.infer<typeof SalarySimulationRequest>;

/** One contribution of the payslip, as the rules engine names it; a reduction (RGDU…) is negative. */
export const ContributionLine = z.object({
  /** The rule of modele-social, e.g. "salarié . cotisations . maladie . employeur": stable, and the engine's proof. */
  rule: z.string(),
  /** The engine's own French title of the contribution. */
  label: z.string(),
  side: z.enum(['employee', 'employer']),
  amountCents: z.number().int(),
});
export type ContributionLine = z.infer<typeof ContributionLine>;

/**
 * The figures of one monthly salary, every one the rules engine's value rounded to the cent on its own (so the
 * lines may differ from their total by a few cents of rounding, as on a payslip before adjustment).
 */
export const SalaryFigures = z.object({
  grossCents: z.number().int(),
  /** Montant net social: gross minus every mandatory employee contribution (shown on payslips since 2023). */
  netSocialCents: z.number().int(),
  /** Net à payer avant impôt: what is paid before the income-tax withholding. */
  netBeforeIncomeTaxCents: z.number().int(),
  /** Net imposable: the base of the income-tax withholding. */
  netTaxableCents: z.number().int(),
  employerCostCents: z.number().int(),
  employeeContributionsCents: z.number().int(),
  employerContributionsCents: z.number().int(),
  lines: z.array(ContributionLine),
});
export type SalaryFigures = z.infer<typeof SalaryFigures>;

export const SalarySimulation = SalaryFigures.extend({
  month: PayrollMonthSchema,
  settings: PayrollSettings,
  /** What was asked, and what the answer matches: a net or cost target is met to the cent when it can be. */
  request: z.object({ from: z.enum(salaryBases), amountCents: z.number().int() }),
  /** The incomplete month priced (days paid, the month's days, the whole month's gross); null = a whole month. */
  period: z
    .object({
      daysPaid: z.number().int(),
      monthDays: z.number().int(),
      fullMonthGrossCents: z.number().int(),
    })
    .nullable(),
  /** The rules: which package and version computed the figures. */
  rules: z.object({ package: z.string(), version: z.string() }),
});
export type SalarySimulation = z.infer<typeof SalarySimulation>;
