import { createRequire } from 'node:module';
import modeleSocial from 'modele-social';
import Engine, { type EngineOptions, type Rule } from 'publicodes';

/** The rules package and version the figures come from (shown with every simulation). */
export const salaryRulesSource = {
  package: 'modele-social',
  version: (createRequire(import.meta.url)('modele-social/package.json') as { version: string }).version,
};

/**
 * Engine options for every salary engine: the engine's warnings (experimental rules, cycles it resolves itself)
 * would flood the logs at every evaluation, so they are neither computed nor logged; errors still throw.
 */
export const salaryEngineOptions: EngineOptions = {
  logger: { log() {}, warn() {}, error() {} },
  warn: false,
};

const c = 'salarié . cotisations . ';

/** The totals the simulator shows. */
export const salaryTotalRules = {
  grossCents: 'salarié . contrat . salaire brut',
  netSocialCents: 'salarié . rémunération . montant net social',
  netBeforeIncomeTaxCents: 'salarié . rémunération . net . à payer avant impôt',
  netTaxableCents: 'salarié . rémunération . net . imposable',
  employerCostCents: 'salarié . coût total employeur',
  employeeContributionsCents: `${c}salarié`,
  employerContributionsCents: `${c}employeur`,
} as const;

/**
 * The payslip's lines: the terms of modele-social's "part salarié" and "part employeur" sums, taken down to one
 * contribution each (retirement split into basic, complementary, CEG and CET; unemployment into its two funds;
 * "other employer charges" into theirs). Reductions are negative. A test checks that the lines add up to the
 * engine's totals, so a change of the package's structure cannot go unnoticed.
 */
export const contributionLineRules = {
  employee: [
    'maladie . salarié',
    'prévoyances . santé . salarié',
    'prévoyances . incapacité invalidité décès . salarié',
    'vieillesse . plafonnée . salarié',
    'vieillesse . déplafonnée . salarié',
    'retraite complémentaire . salarié',
    'CEG . salarié',
    'CET . salarié',
    'APEC . salarié',
    'CSG-CRDS . CSG . déductible',
    'CSG-CRDS . sur revenus imposables non déductible',
    'CSG-CRDS . sur revenus non imposables',
  ].map((r) => c + r),
  employeeReductions: [`${c}exonérations . salarié`],
  employer: [
    'maladie . employeur',
    'prévoyances . santé . employeur',
    'prévoyances . incapacité invalidité décès . employeur',
    'ATMP',
    'vieillesse . plafonnée . employeur',
    'vieillesse . déplafonnée . employeur',
    'retraite complémentaire . employeur',
    'CEG . employeur',
    'CET . employeur',
    'allocations familiales',
    'chômage',
    'AGS',
    'APEC . employeur',
    'versement mobilité',
    'FNAL',
    'CSA',
    'forfait social',
    "taxe d'apprentissage",
    'formation professionnelle',
    'CPF CDD',
    'PEEC',
    'contribution au dialogue social',
  ].map((r) => c + r),
  employerReductions: [`${c}exonérations . employeur`],
};

/** The situation entries the cooperative's settings and the salary fill in (see buildSalarySituation). */
export const salarySituationRules = [
  'date',
  'salarié . contrat . salaire brut',
  'entreprise . salariés . effectif . seuil',
  'établissement . taux ATMP',
  'établissement . commune . taux versement mobilité',
  'salarié . cotisations . prévoyances . santé . montant',
  'salarié . cotisations . prévoyances . santé . taux employeur',
  'coopérative . prévoyance . taux employeur',
  'coopérative . prévoyance . taux salarié',
  'coopérative . mois incomplet',
  'coopérative . mois incomplet . jours payés',
  'coopérative . mois incomplet . jours du mois',
  'salarié . mois incomplet . rémunération équivalente mois complet',
] as const;

/**
 * The cooperative's provident plan, plugged into modele-social the way the package plugs in the plans of the
 * collective agreements it knows (HCR…): rules that replace ("remplace") its "prévoyances . conventionnelle"
 * parts, which are otherwise not applicable. The engine then treats the premiums as it treats any provident
 * plan (CSG-CRDS on the employer's share, forfait social from 11 employees…). Rates on the gross salary up to
 * the social-security ceiling (tranche A) — the ceiling of the month as modele-social prorates it ("temps de
 * travail . plafond sécurité sociale"), so an incomplete month's tranche A is its prorated ceiling.
 */
const providentPlanRules: Record<string, Rule | null> = {
  coopérative: { titre: 'paramètres de paie de la coopérative' },
  'coopérative . prévoyance': { titre: 'prévoyance de la coopérative (tranche A)' },
  'coopérative . prévoyance . taux employeur': { unité: '%', 'par défaut': '0%' },
  'coopérative . prévoyance . taux salarié': { unité: '%', 'par défaut': '0%' },
  'coopérative . prévoyance . employeur': {
    titre: 'prévoyance de la coopérative, part employeur',
    produit: [
      {
        valeur: 'salarié . contrat . salaire brut',
        plafond: 'salarié . temps de travail . plafond sécurité sociale',
      },
      'taux employeur',
    ],
    remplace: 'salarié . cotisations . prévoyances . conventionnelle . employeur',
  } as Rule,
  'coopérative . prévoyance . salarié': {
    titre: 'prévoyance de la coopérative, part salarié',
    produit: [
      {
        valeur: 'salarié . contrat . salaire brut',
        plafond: 'salarié . temps de travail . plafond sécurité sociale',
      },
      'taux salarié',
    ],
    remplace: 'salarié . cotisations . prévoyances . conventionnelle . salarié',
  } as Rule,
};

/** Every rule the simulator evaluates. */
export const salaryOutputRules: string[] = [
  ...Object.values(salaryTotalRules),
  ...contributionLineRules.employee,
  ...contributionLineRules.employeeReductions,
  ...contributionLineRules.employer,
  ...contributionLineRules.employerReductions,
  'SMIC',
];

/**
 * An incomplete month (a contract starting or ending during it, paid for its calendar days), wired into
 * modele-social, which prices every situation as a whole month: its prorated ceiling ("salarié . temps de travail
 * . plafond sécurité sociale", what every capped contribution uses) follows the working time only, and its
 * "salarié . mois incomplet" rules — the SMIC of an incomplete month — are written but used by no contribution
 * (experimental in 11.1.0). So, only when the situation says the month is incomplete:
 * - the ceiling is the engine's own prorated ceiling × calendar days of employment ÷ calendar days of the month
 *   (CSS R242-2, as amended by décret 2017-858 from 2018: "à due proportion" of the days of employment; URSSAF and
 *   BOSS: plafond mensuel × jours calendaires de présence / jours calendaires du mois);
 * - the SMIC the contributions compare the pay to (the general reduction's coefficient and its 3-SMIC exit, the
 *   overseas Lodeom and JEI ones) is the engine's "salarié . mois incomplet . SMIC équivalent": the monthly SMIC
 *   × the pay of the month ÷ the pay of a whole month (CSS D241-7 II; BOSS, Allègements généraux, réduction
 *   générale, SMIC of a month with an entry, an exit or an absence).
 * Whole months set none of it, and get exactly modele-social's figures.
 */
const incompleteMonthRules: Record<string, Rule | null> = {
  'coopérative . mois incomplet': {
    titre: 'entrée ou sortie en cours de mois',
    'par défaut': 'non',
  } as Rule,
  'coopérative . mois incomplet . jours payés': {
    titre: 'jours calendaires de la période d’emploi dans le mois',
    unité: 'jour',
  } as Rule,
  'coopérative . mois incomplet . jours du mois': {
    titre: 'jours calendaires du mois',
    unité: 'jour',
  } as Rule,
  'coopérative . mois incomplet . plafond sécurité sociale': {
    titre: 'plafond de sécurité sociale proratisé (entrée ou sortie en cours de mois)',
    unité: '€/mois',
    valeur: 'salarié . temps de travail . plafond sécurité sociale * jours payés / jours du mois',
    // The replacement does not apply inside the rule that replaces: the reference above is modele-social's own.
    remplace: 'salarié . temps de travail . plafond sécurité sociale',
  } as Rule,
  'coopérative . mois incomplet . SMIC': {
    titre: 'SMIC du mois incomplet',
    unité: '€/mois',
    valeur: 'salarié . mois incomplet . SMIC équivalent',
    remplace: { 'références à': 'salarié . temps de travail . SMIC', dans: 'salarié . cotisations' },
  } as Rule,
};

type RawRules = Record<string, Rule | null>;

/** modele-social with the cooperative's provident plan: the whole rule base (the reference the tests compare to). */
export function fullSalaryRules(): RawRules {
  const base = modeleSocial as unknown as RawRules;
  const ours = { ...providentPlanRules, ...incompleteMonthRules };
  for (const name of Object.keys(ours))
    if (name in base) throw new Error(`modele-social now defines "${name}": rename the cooperative's rules`);
  return { ...base, ...ours };
}

let reduced: RawRules | undefined;

/**
 * Only the rules the simulator needs: the rules its outputs and situation refer to, transitively (the engine's
 * own dependency graph, after replacements), with their parents. modele-social also models the self-employed,
 * artists, company taxes…: leaving them out makes every situation cheaper to set and evaluate, and changes no
 * figure — the tests compare both rule bases over a grid of salaries and settings.
 */
export function reducedSalaryRules(): RawRules {
  if (reduced) return reduced;
  const full = fullSalaryRules();
  const engine = new Engine(full, salaryEngineOptions);
  const referencesIn = engine.context.referencesMaps.referencesIn as Map<string, Set<string>>;
  const keep = new Set<string>();
  // The cooperative's own rules too: a replacing rule is referenced by no one, it replaces references.
  const stack: string[] = [
    ...salaryOutputRules,
    ...salarySituationRules,
    ...Object.keys(providentPlanRules),
    ...Object.keys(incompleteMonthRules),
  ];
  while (stack.length) {
    const name = stack.pop()!;
    if (keep.has(name)) continue;
    keep.add(name);
    for (const ref of referencesIn.get(name) ?? []) stack.push(ref);
    const parts = name.split(' . ');
    for (let i = 1; i < parts.length; i++) stack.push(parts.slice(0, i).join(' . '));
  }
  // A rule written inside its parent's "avec" has no key of its own: keep the nearest ancestor that has one.
  const out: RawRules = {};
  for (const name of keep) {
    let key: string | undefined = name;
    while (key !== undefined && !(key in full)) {
      const cut = key.lastIndexOf(' . ');
      key = cut < 0 ? undefined : key.slice(0, cut);
    }
    if (key !== undefined) out[key] = full[key] ?? null;
  }
  reduced = out;
  return out;
}

/**
 * The months whose rules this version of modele-social knows: 2024 to 2026 (its SMIC, ceilings and rates are
 * checked against the published figures in the tests). Later months would silently get 2026's rules, so the
 * simulator refuses them until the package is updated.
 */
export const salaryRulesCoverage = { from: '2024-01', to: '2026-12' } as const;
