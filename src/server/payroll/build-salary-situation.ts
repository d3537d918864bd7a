import { basisPointsToPercentText, centsToEuroText } from '../../core/payroll/euros-to-cents.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { HeadcountClass, PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { IncompleteMonth } from '../../core/payroll/prorate-monthly-salary.ts';

/** Our headcount classes → modele-social's "entreprise . salariés . effectif . seuil". */
const headcountThreshold: Record<HeadcountClass, string> = {
  '1-4': 'moins de 5',
  '5-10': 'moins de 11',
  '11-19': 'moins de 20',
  '20-49': 'moins de 50',
  '50-149': 'moins de 150',
  '150-249': 'moins de 250',
  '250+': 'plus de 250',
};

/**
 * The incomplete month a computation is priced for, or null for a whole month: every day of the month paid (or
 * no whole-month gross to compare with, or no day at all, where nothing is paid) is priced as a whole month.
 */
export function incompleteMonthOf(period: IncompleteMonth | null | undefined): IncompleteMonth | null {
  if (!period) return null;
  const { daysPaid, monthDays, fullMonthCents } = period;
  return daysPaid > 0 && daysPaid < monthDays && fullMonthCents > 0
    ? { daysPaid, monthDays, fullMonthCents }
    : null;
}

/**
 * The rules engine's situation for one monthly salary: the month (its rules), the gross salary and the
 * cooperative's settings, written as exact decimals (the engine reads "1823.03 €/mois", never a float).
 * Everything else keeps modele-social's defaults: a non-executive employee on a full-time open-ended contract,
 * which is how a CESA is paid (cae-domain.md §1.2). An incomplete month also says its days and the gross of a
 * whole month, from which the engine prorates the ceiling and the SMIC.
 */
export function buildSalarySituation(
  settings: PayrollSettings,
  month: PayrollMonth,
  grossCents: number,
  period?: IncompleteMonth | null,
): Record<string, string> {
  const situation: Record<string, string> = {
    date: `01/${month.slice(5, 7)}/${month.slice(0, 4)}`,
    'salarié . contrat . salaire brut': `${centsToEuroText(grossCents)} €/mois`,
    'entreprise . salariés . effectif . seuil': `'${headcountThreshold[settings.headcountClass]}'`,
    'établissement . commune . taux versement mobilité': `${basisPointsToPercentText(settings.transportLevyRateBp)}%`,
    'salarié . cotisations . prévoyances . santé . montant': `${centsToEuroText(settings.healthPlan.monthlyPremiumCents)} €/mois`,
    'salarié . cotisations . prévoyances . santé . taux employeur': `${basisPointsToPercentText(settings.healthPlan.employerShareBp)}%`,
    'coopérative . prévoyance . taux employeur': `${basisPointsToPercentText(settings.providentPlan.employerRateBp)}%`,
    'coopérative . prévoyance . taux salarié': `${basisPointsToPercentText(settings.providentPlan.employeeRateBp)}%`,
  };
  if (settings.workAccidentRateBp !== null)
    situation['établissement . taux ATMP'] = `${basisPointsToPercentText(settings.workAccidentRateBp)}%`;
  const incomplete = incompleteMonthOf(period);
  if (incomplete) {
    // The prorated ceiling and SMIC of an incomplete month (salary-rules.ts, incompleteMonthRules).
    situation['coopérative . mois incomplet'] = 'oui';
    situation['coopérative . mois incomplet . jours payés'] = `${incomplete.daysPaid} jour`;
    situation['coopérative . mois incomplet . jours du mois'] = `${incomplete.monthDays} jour`;
    situation['salarié . mois incomplet . rémunération équivalente mois complet'] =
      `${centsToEuroText(incomplete.fullMonthCents)} €/mois`;
  }
  return situation;
}

/** One string per distinct (settings, month, gross, incomplete month): the memo key of a computation. */
export function salaryComputationKey(
  settings: PayrollSettings,
  month: PayrollMonth,
  grossCents: number,
  period?: IncompleteMonth | null,
): string {
  const s = settings;
  const incomplete = incompleteMonthOf(period);
  return [
    incomplete ? `${incomplete.daysPaid}/${incomplete.monthDays}/${incomplete.fullMonthCents}` : 'whole',
    month,
    grossCents,
    s.headcountClass,
    s.workAccidentRateBp ?? '',
    s.transportLevyRateBp,
    s.healthPlan.monthlyPremiumCents,
    s.healthPlan.employerShareBp,
    s.providentPlan.employerRateBp,
    s.providentPlan.employeeRateBp,
  ].join('|');
}
