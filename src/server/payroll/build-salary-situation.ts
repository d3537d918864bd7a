import { basisPointsToPercentText, centsToEuroText } from '../../core/payroll/euros-to-cents.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { HeadcountClass, PayrollSettings } from '../../core/payroll/payroll-settings.ts';

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
 * The rules engine's situation for one monthly salary: the month (its rules), the gross salary and the
 * cooperative's settings, written as exact decimals (the engine reads "1823.03 €/mois", never a float).
 * Everything else keeps modele-social's defaults: a non-executive employee on a full-time open-ended contract,
 * which is how a CESA is paid (cae-domain.md §1.2).
 */
export function buildSalarySituation(
  settings: PayrollSettings,
  month: PayrollMonth,
  grossCents: number,
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
  return situation;
}

/** One string per distinct (settings, month, gross): the memo key of a computation. */
export function salaryComputationKey(
  settings: PayrollSettings,
  month: PayrollMonth,
  grossCents: number,
): string {
  const s = settings;
  return [
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
