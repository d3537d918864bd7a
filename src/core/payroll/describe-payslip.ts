import { formatDateFr, formatEuros } from '../sales/format-fr.ts';
import type { ContributionLine } from './salary-simulation-schemas.ts';

/** What a payslip is drawn from: the record of the month, the employer and the employee. */
export type PayslipFacts = {
  employer: {
    legalName: string;
    legalFormLabel: string;
    address: string;
    siren: string;
    /** From the payroll settings in force in the month: '' when not recorded. */
    establishmentSiret: string;
    apeCode: string;
    collectiveAgreement: string;
  };
  employee: { name: string; address: string; memberId: string };
  slip: {
    month: string;
    kind: 'salary' | 'cape_zero';
    periodFrom: string;
    periodTo: string;
    /** The monthly gross the days are a part of; null for a whole month. */
    fullMonthGrossCents: number | null;
    daysPaid: number;
    monthDays: number;
    grossCents: number;
    netSocialCents: number;
    netBeforeIncomeTaxCents: number;
    netTaxableCents: number;
    employerCostCents: number;
    employeeContributionsCents: number;
    employerContributionsCents: number;
    lines: readonly ContributionLine[];
    paidOn: string | null;
  };
};

export type PayslipRow = {
  label: string;
  base: string;
  rate: string;
  employee: string;
  employer: string;
};

export type PayslipLayout = {
  title: string;
  employer: string[];
  employee: string[];
  period: string[];
  earnings: { label: string; amount: string }[];
  contributions: PayslipRow[];
  totals: { label: string; amount: string; strong?: boolean }[];
  mentions: string[];
};

/** "43,21 %": amount ÷ base, to the hundredth of a percent (negative for a reduction); "—" without a side. */
function effectiveRate(amountCents: number | null, baseCents: number): string {
  if (amountCents === null || baseCents <= 0) return '—';
  const hundredths = Math.round((Math.abs(amountCents) * 10_000) / baseCents);
  const sign = amountCents < 0 ? '-' : '';
  return `${sign}${Math.trunc(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')} %`;
}

/** The rule a contribution's two sides share: "… . maladie . salarié" and "… . maladie . employeur" → "… . maladie". */
const parentRule = (rule: string) => rule.replace(/ \. (salarié|employeur)$/, '');

/**
 * The contents of a payslip (bulletin de paie), in the order and with the mentions of C. trav. R3243-1 as far as
 * the records hold them: the employer (name, address, SIREN, establishment SIRET, APE code, collective
 * agreement), the employee and their job, the period and the days paid, the gross, each contribution with its
 * base, rate and the employee's and employer's amounts, the total of contributions, the net social amount
 * (montant net social, R3243-1 since 2023), the net before income tax, the net taxable, the net paid and the
 * date of payment, the total cost to the employer, and the mention to keep it without time limit (R3243-5).
 *
 * The rules engine gives each contribution's amount, not its own base: the base printed is the gross salary and
 * the rate the amount over it (an effective rate, said so in a note) — for most contributions the very base and
 * rate; for the CSG-CRDS (98.25 % of the gross) and the capped contributions it is their rate on the gross.
 * No income tax is withheld yet (PAS): the net paid is the net before income tax, and the slip says so.
 */
export function describePayslip(f: PayslipFacts): PayslipLayout {
  const s = f.slip;
  const e = f.employer;
  const employer = [
    `${e.legalName} — ${e.legalFormLabel}`,
    e.address,
    `SIREN ${e.siren}${e.establishmentSiret ? ` · SIRET ${e.establishmentSiret}` : ''}`,
    `Code APE : ${e.apeCode || 'non renseigné'}`,
    `Convention collective : ${e.collectiveAgreement || 'non renseignée'}`,
  ];
  const employee = [
    f.employee.name,
    ...(f.employee.address ? [f.employee.address] : []),
    `Matricule : ${f.employee.memberId.slice(0, 8).toUpperCase()}`,
    s.kind === 'salary'
      ? 'Emploi : entrepreneur·e salarié·e (CESA, C. trav. L7331-2)'
      : 'Contrat d’appui au projet d’entreprise (CAPE, C. com. L127-1) — sans rémunération',
  ];
  const period = [
    `Période du ${formatDateFr(s.periodFrom)} au ${formatDateFr(s.periodTo)}`,
    s.paidOn ? `Payé le ${formatDateFr(s.paidOn)} par virement` : 'Paiement par virement, non encore exécuté',
  ];
  const earnings =
    s.kind === 'salary'
      ? s.fullMonthGrossCents !== null && s.daysPaid < s.monthDays
        ? [
            { label: 'Salaire mensuel de base', amount: formatEuros(s.fullMonthGrossCents) },
            {
              label: `Entrée ou sortie en cours de mois : ${s.daysPaid} jours calendaires sur ${s.monthDays}`,
              amount: formatEuros(s.grossCents - s.fullMonthGrossCents),
            },
            { label: 'Salaire brut', amount: formatEuros(s.grossCents) },
          ]
        : [{ label: 'Salaire brut', amount: formatEuros(s.grossCents) }]
      : [{ label: 'Aucune rémunération sous CAPE (attestation d’activité)', amount: formatEuros(0) }];

  // One row per contribution: its employee and employer sides side by side, in the engine's order.
  const rows = new Map<string, { label: string; employee: number | null; employer: number | null }>();
  for (const l of s.lines) {
    const key = parentRule(l.rule);
    const row = rows.get(key) ?? { label: l.label, employee: null, employer: null };
    row[l.side] = (row[l.side] ?? 0) + l.amountCents;
    rows.set(key, row);
  }
  const contributions: PayslipRow[] = [...rows.values()].map((r) => ({
    label: r.label,
    base: formatEuros(s.grossCents),
    rate: `${effectiveRate(r.employee, s.grossCents)} / ${effectiveRate(r.employer, s.grossCents)}`,
    employee: r.employee === null ? '' : formatEuros(r.employee),
    employer: r.employer === null ? '' : formatEuros(r.employer),
  }));
  const totals = [
    {
      label: 'Total des cotisations et contributions salariales',
      amount: formatEuros(s.employeeContributionsCents),
    },
    {
      label: 'Total des cotisations et contributions patronales',
      amount: formatEuros(s.employerContributionsCents),
    },
    { label: 'Montant net social', amount: formatEuros(s.netSocialCents), strong: true },
    {
      label: 'Net à payer avant impôt sur le revenu',
      amount: formatEuros(s.netBeforeIncomeTaxCents),
      strong: true,
    },
    { label: 'Net imposable', amount: formatEuros(s.netTaxableCents) },
    { label: 'Impôt sur le revenu prélevé à la source', amount: 'non calculé' },
    { label: 'Net payé', amount: formatEuros(s.netBeforeIncomeTaxCents), strong: true },
    { label: 'Coût total pour l’employeur', amount: formatEuros(s.employerCostCents) },
  ];
  const mentions = [
    'Base : le salaire brut du mois. Taux : le montant rapporté à ce brut (taux effectif), calculé par les règles sociales officielles (modele-social).',
    'Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée.',
    'Rubrique dédiée au bulletin de paie sur le portail www.service-public.fr.',
  ];
  return {
    title: `Bulletin de paie — ${monthTitle(s.month)}`,
    employer,
    employee,
    period,
    earnings,
    contributions,
    totals,
    mentions,
  };
}

const monthNames = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** '2026-03' → 'mars 2026'. */
function monthTitle(month: string): string {
  return `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
