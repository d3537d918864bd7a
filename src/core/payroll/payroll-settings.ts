import { z } from 'zod';
import { CalendarDateSchema } from '../members/calendar-date.ts';

/**
 * Headcount classes of the rules engine (modele-social: "entreprise . salariés . effectif . seuil"). Many
 * employer contributions depend on them: FNAL 0.10 % under 50 / 0.50 % from 50, the transport levy and the
 * forfait social from 11, the general reduction's maximum (Tdelta) from 50 (cae-domain.md §2.3).
 */
export const headcountClasses = ['1-4', '5-10', '11-19', '20-49', '50-149', '150-249', '250+'] as const;
export type HeadcountClass = (typeof headcountClasses)[number];

/**
 * The cooperative's payroll settings [CONF] (cae-domain.md §2.3): everything the rules engine needs about the
 * employer, besides the year. Rates in basis points (100 bp = 1 %), money in integer cents.
 */
export const PayrollSettings = z.object({
  headcountClass: z.enum(headcountClasses),
  /**
   * The work-accident (AT/MP) rate notified to the establishment by the CARSAT; null = the engine's national
   * average rate for the year (2.08 % in 2026). The engine never goes below the legal minimum rate.
   */
  workAccidentRateBp: z.number().int().min(0).max(10_000).nullable(),
  /** Versement mobilité of the establishment's commune (0 where there is none); due from 11 employees. */
  transportLevyRateBp: z.number().int().min(0).max(1_000),
  /** Compulsory company health plan (mutuelle): the monthly premium, employer and employee shares together. */
  healthPlan: z.object({
    monthlyPremiumCents: z.number().int().min(0).max(100_000),
    /** The employer pays at least half (Code de la sécurité sociale L911-7). */
    employerShareBp: z.number().int().min(5_000, { error: 'payroll.healthEmployerShare' }).max(10_000),
  }),
  /**
   * Provident plan (prévoyance: incapacity, invalidity, death) of the cooperative's collective agreement:
   * rates on the gross salary up to the social-security ceiling (tranche A).
   */
  providentPlan: z.object({
    employerRateBp: z.number().int().min(0).max(1_000),
    employeeRateBp: z.number().int().min(0).max(1_000),
  }),
});
export type PayrollSettings = z.infer<typeof PayrollSettings>;

/** One version of the settings, in force from `validFrom` until the next version [YEAR/CONF: dated]. */
export const DatedPayrollSettings = PayrollSettings.extend({ validFrom: CalendarDateSchema });
export type DatedPayrollSettings = z.infer<typeof DatedPayrollSettings>;

/** The version in force on `date` ('YYYY-MM-DD'): the latest one starting on or before it; null before the first. */
export function payrollSettingsOn(
  versions: readonly DatedPayrollSettings[],
  date: string,
): DatedPayrollSettings | null {
  let found: DatedPayrollSettings | null = null;
  for (const v of versions) {
    if (v.validFrom <= date && (!found || v.validFrom > found.validFrom)) found = v;
  }
  return found;
}

/**
 * The settings the simulator uses when the cooperative has recorded none: the rules engine's own defaults
 * (national average AT/MP rate, no transport levy, a €40 health plan half paid by the employer) and no provident
 * plan, for a cooperative of 50 to 149 people. Every answer echoes the settings it used.
 */
export const defaultPayrollSettings: PayrollSettings = {
  headcountClass: '50-149',
  workAccidentRateBp: null,
  transportLevyRateBp: 0,
  healthPlan: { monthlyPremiumCents: 4_000, employerShareBp: 5_000 },
  providentPlan: { employerRateBp: 0, employeeRateBp: 0 },
};

/** The cooperative's own floor under "how much can I pay myself?": what an activity keeps aside [CONF]. */
export const defaultSafetyBufferCents = 100_000;

/**
 * One version of the cooperative's payroll settings as a manager records it (issue 10): the employer settings
 * the rules engine needs, the safety buffer the salary capacity keeps aside, from the first day of a month
 * (the rates change every year, sometimes mid-year: a version per change, never edited once a run used it).
 */
export const PayrollSettingsVersionInput = PayrollSettings.extend({
  validFrom: CalendarDateSchema.refine((d) => d.endsWith('-01'), { error: 'payroll.settingsFirstOfMonth' }),
  safetyBufferCents: z.number().int({ error: 'ledger.cents' }).min(0).max(100_000_000),
  /** The establishment's SIRET and APE code, and the collective agreement: printed on payslips (R3243-1). */
  establishmentSiret: z
    .string()
    .trim()
    .regex(/^(\d{14})?$/, { error: 'payroll.siret' })
    .default(''),
  apeCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{2}\.?\d{2}[A-Z])?$/, { error: 'payroll.ape' })
    .default(''),
  collectiveAgreement: z.string().trim().max(200).default(''),
  note: z.string().trim().max(500).default(''),
});
export type PayrollSettingsVersionInput = z.input<typeof PayrollSettingsVersionInput>;

export const PayrollSettingsVersion = PayrollSettingsVersionInput.extend({
  id: z.uuid(),
  note: z.string(),
  establishmentSiret: z.string(),
  apeCode: z.string(),
  collectiveAgreement: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type PayrollSettingsVersion = z.infer<typeof PayrollSettingsVersion>;

/** What the cooperative applies on a date: the version in force, else the documented defaults. */
export const PayrollSettingsInForce = z.object({
  settings: PayrollSettings,
  safetyBufferCents: z.number().int(),
  employer: z.object({
    establishmentSiret: z.string(),
    apeCode: z.string(),
    collectiveAgreement: z.string(),
  }),
  /** The version applied; null = no version yet, the defaults. */
  versionId: z.uuid().nullable(),
  validFrom: z.string().nullable(),
});
export type PayrollSettingsInForce = z.infer<typeof PayrollSettingsInForce>;

/** Only the rules engine's part of a version (the safety buffer and the note are not the engine's). */
export function engineSettingsOf(v: PayrollSettings): PayrollSettings {
  return {
    headcountClass: v.headcountClass,
    workAccidentRateBp: v.workAccidentRateBp,
    transportLevyRateBp: v.transportLevyRateBp,
    healthPlan: { ...v.healthPlan },
    providentPlan: { ...v.providentPlan },
  };
}

/** The settings in force on `date` among recorded versions, else the documented defaults. */
export function payrollSettingsInForce<V extends PayrollSettingsVersion>(
  versions: readonly V[],
  date: string,
): PayrollSettingsInForce {
  const v = payrollSettingsOn(versions, date) as V | null;
  if (!v)
    return {
      settings: defaultPayrollSettings,
      safetyBufferCents: defaultSafetyBufferCents,
      employer: { establishmentSiret: '', apeCode: '', collectiveAgreement: '' },
      versionId: null,
      validFrom: null,
    };
  return {
    settings: engineSettingsOf(v),
    safetyBufferCents: v.safetyBufferCents,
    employer: {
      establishmentSiret: v.establishmentSiret,
      apeCode: v.apeCode,
      collectiveAgreement: v.collectiveAgreement,
    },
    versionId: v.id,
    validFrom: v.validFrom,
  };
}
