import Engine, { serializeUnit, type Unit } from 'publicodes';
import { eurosToCents } from '../../core/payroll/euros-to-cents.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { IncompleteMonth } from '../../core/payroll/prorate-monthly-salary.ts';
import type { ContributionLine, SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import { buildSalarySituation, salaryComputationKey } from './build-salary-situation.ts';
import {
  contributionLineRules,
  fullSalaryRules,
  reducedSalaryRules,
  salaryEngineOptions,
  salaryOutputRules,
  salaryTotalRules,
} from './salary-rules.ts';

/** Computes monthly salaries; synchronous in-process, asynchronous through the worker pool. */
export type SalaryCalculator = {
  /** `period`: the incomplete month the gross pays (entry or exit during it); a whole month without. */
  figures(
    settings: PayrollSettings,
    month: PayrollMonth,
    grossCents: number,
    period?: IncompleteMonth | null,
  ): SalaryFigures | Promise<SalaryFigures>;
  /** The full-time monthly SMIC of the month, in cents. */
  smicCents(month: PayrollMonth): number | Promise<number>;
};

/** The in-process engine: synchronous (it blocks its thread while it computes). */
export type SalaryEngine = {
  figures(
    settings: PayrollSettings,
    month: PayrollMonth,
    grossCents: number,
    period?: IncompleteMonth | null,
  ): SalaryFigures;
  smicCents(month: PayrollMonth): number;
  /** Computations answered from the memo vs evaluated by the engine, since creation. */
  stats(): { reused: number; evaluated: number };
};

const lineSides = [
  ...contributionLineRules.employee.map((rule) => ({ rule, side: 'employee' as const, sign: 1 })),
  ...contributionLineRules.employeeReductions.map((rule) => ({ rule, side: 'employee' as const, sign: -1 })),
  ...contributionLineRules.employer.map((rule) => ({ rule, side: 'employer' as const, sign: 1 })),
  ...contributionLineRules.employerReductions.map((rule) => ({ rule, side: 'employer' as const, sign: -1 })),
];

const labels = new Map<string, string>();

/** The engine's French name of a contribution: "… . maladie . employeur" is titled "part employeur", so its parent's. */
function labelOf(engine: Engine, rule: string): string {
  let label = labels.get(rule);
  if (label === undefined) {
    const named = / \. (employeur|salarié)$/.test(rule) ? rule.slice(0, rule.lastIndexOf(' . ')) : rule;
    label = engine.getRule(named).title;
    labels.set(rule, label);
  }
  return label;
}

/** The rules the simulator shows, in its order (the SMIC is read on its own). */
const evaluatedOutputs = salaryOutputRules.filter((r) => r !== 'SMIC');

/** A rule's parsed node in the engine's rule base. */
function ruleNode(engine: Engine, rule: string) {
  const node = engine.context.parsedRules[rule];
  if (!node) throw new Error(`the rules engine has no rule "${rule}"`);
  return node;
}

/**
 * One computation on a publicodes engine loaded with the salary rules: set the situation, then evaluate only the
 * rules the simulator shows, each rule's own parsed node straight from the engine's rule base (evaluateNode), in
 * the unit of the rule, checked to be euros per month, rounded to the cent. A public `evaluate` call parses its
 * expression against the rule base first (inlining replacements, inferring units) before evaluating the same
 * node: about 40 % of the time for 43 separate calls, and still a few per cent for one call holding every output
 * (the former way here, with a conversion node per output). The values are the rules' own: `oneByOne` — one public
 * `evaluate` per rule, asking for euros per month — is the benchmark's baseline and the tests' cross-check, and
 * gives the same figures.
 */
export function readSalaryFigures(
  engine: Engine,
  settings: PayrollSettings,
  month: PayrollMonth,
  grossCents: number,
  options: { oneByOne?: boolean; period?: IncompleteMonth | null } = {},
): SalaryFigures {
  engine.setSituation(buildSalarySituation(settings, month, grossCents, options.period));
  // In the simulator's order, totals first, as the one expression holding every output did: the engine resolves
  // a few cycles itself, where the order of evaluation could matter.
  if (!options.oneByOne) for (const rule of evaluatedOutputs) engine.evaluateNode(ruleNode(engine, rule));
  const cents = (rule: string): number => {
    let evaluated: { nodeValue: unknown; unit?: Unit };
    if (options.oneByOne) evaluated = engine.evaluate({ valeur: rule, unité: '€/mois' });
    else {
      evaluated = engine.evaluateNode(ruleNode(engine, rule)); // evaluated above: read from the cache
    }
    const { nodeValue, unit } = evaluated;
    if (nodeValue === null || nodeValue === undefined || nodeValue === 0) return 0; // not applicable, or nothing
    if (typeof nodeValue !== 'number') throw new Error(`the rules engine gave no amount for "${rule}"`);
    if (serializeUnit(unit) !== '€/mois')
      throw new Error(`"${rule}" is in ${serializeUnit(unit)}, not €/mois`);
    return eurosToCents(nodeValue);
  };
  const lines: ContributionLine[] = [];
  for (const { rule, side, sign } of lineSides) {
    const amountCents = sign * cents(rule);
    if (amountCents !== 0) lines.push({ rule, label: labelOf(engine, rule), side, amountCents });
  }
  return {
    grossCents: cents(salaryTotalRules.grossCents),
    netSocialCents: cents(salaryTotalRules.netSocialCents),
    netBeforeIncomeTaxCents: cents(salaryTotalRules.netBeforeIncomeTaxCents),
    netTaxableCents: cents(salaryTotalRules.netTaxableCents),
    employerCostCents: cents(salaryTotalRules.employerCostCents),
    employeeContributionsCents: cents(salaryTotalRules.employeeContributionsCents),
    employerContributionsCents: cents(salaryTotalRules.employerContributionsCents),
    lines,
  };
}

/**
 * The publicodes engine loaded with modele-social, wrapped for salaries: one situation per computation
 * (setSituation), then only the rules the simulator shows are evaluated, in euros per month; each figure is the
 * engine's value rounded to the cent; an incomplete month is priced with its prorated ceiling and SMIC
 * (salary-rules.ts). Identical computations (same settings, month, gross and days) are answered from
 * a memo instead of being evaluated again. `rules: 'full'` loads the whole rule base (the reference in tests).
 */
export function createSalaryEngine(
  options: { rules?: 'reduced' | 'full'; memoSize?: number } = {},
): SalaryEngine {
  const engine = new Engine(
    options.rules === 'full' ? fullSalaryRules() : reducedSalaryRules(),
    salaryEngineOptions,
  );
  const memoSize = options.memoSize ?? 20_000;
  const memo = new Map<string, SalaryFigures>();
  const smic = new Map<PayrollMonth, number>();
  let reused = 0;
  let evaluated = 0;

  return {
    figures(settings, month, grossCents, period) {
      if (!Number.isSafeInteger(grossCents) || grossCents < 0)
        throw new RangeError(`not a gross salary in cents: ${grossCents}`);
      const key = salaryComputationKey(settings, month, grossCents, period);
      const known = memo.get(key);
      if (known) {
        reused++;
        return known;
      }
      const figures = readSalaryFigures(engine, settings, month, grossCents, { period });
      evaluated++;
      if (memo.size >= memoSize) memo.delete(memo.keys().next().value!); // oldest first
      memo.set(key, figures);
      return figures;
    },
    smicCents(month) {
      let value = smic.get(month);
      if (value === undefined) {
        engine.setSituation({ date: `01/${month.slice(5, 7)}/${month.slice(0, 4)}` });
        value = eurosToCents(engine.evaluate({ valeur: 'SMIC', unité: '€/mois' }).nodeValue as number);
        smic.set(month, value);
      }
      return value;
    },
    stats: () => ({ reused, evaluated }),
  };
}
