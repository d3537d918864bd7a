import Engine from 'publicodes';
import { eurosToCents } from '../../core/payroll/euros-to-cents.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { ContributionLine, SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import { buildSalarySituation, salaryComputationKey } from './build-salary-situation.ts';
import {
  contributionLineRules,
  fullSalaryRules,
  reducedSalaryRules,
  salaryEngineOptions,
  salaryTotalRules,
} from './salary-rules.ts';

/** Computes monthly salaries; synchronous in-process, asynchronous through the worker pool. */
export type SalaryCalculator = {
  figures(
    settings: PayrollSettings,
    month: PayrollMonth,
    grossCents: number,
  ): SalaryFigures | Promise<SalaryFigures>;
  /** The full-time monthly SMIC of the month, in cents. */
  smicCents(month: PayrollMonth): number | Promise<number>;
};

/** The in-process engine: synchronous (it blocks its thread while it computes). */
export type SalaryEngine = {
  figures(settings: PayrollSettings, month: PayrollMonth, grossCents: number): SalaryFigures;
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

/**
 * The publicodes engine loaded with modele-social, wrapped for salaries: one situation per computation
 * (setSituation), then only the rules the simulator shows are evaluated, in euros per month; each figure is the
 * engine's value rounded to the cent. Identical computations (same settings, month and gross) are answered from
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

  const euros = (rule: string): number | null => {
    const value = engine.evaluate({ valeur: rule, unité: '€/mois' }).nodeValue;
    if (value === null || value === undefined) return null; // not applicable
    if (typeof value !== 'number') throw new Error(`the rules engine gave no amount for "${rule}"`);
    return value;
  };
  const cents = (rule: string) => eurosToCents(euros(rule) ?? 0);

  const labels = new Map<string, string>();
  const labelOf = (rule: string) => {
    let label = labels.get(rule);
    if (label === undefined) {
      // "… . maladie . employeur" is titled "part employeur": the contribution's name is its parent's title.
      const named = / \. (employeur|salarié)$/.test(rule) ? rule.slice(0, rule.lastIndexOf(' . ')) : rule;
      label = engine.getRule(named).title;
      labels.set(rule, label);
    }
    return label;
  };

  function evaluate(settings: PayrollSettings, month: PayrollMonth, grossCents: number): SalaryFigures {
    engine.setSituation(buildSalarySituation(settings, month, grossCents));
    const lines: ContributionLine[] = [];
    for (const { rule, side, sign } of lineSides) {
      const amountCents = sign * cents(rule);
      if (amountCents !== 0) lines.push({ rule, label: labelOf(rule), side, amountCents });
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

  return {
    figures(settings, month, grossCents) {
      if (!Number.isSafeInteger(grossCents) || grossCents < 0)
        throw new RangeError(`not a gross salary in cents: ${grossCents}`);
      const key = salaryComputationKey(settings, month, grossCents);
      const known = memo.get(key);
      if (known) {
        reused++;
        return known;
      }
      const figures = evaluate(settings, month, grossCents);
      evaluated++;
      if (memo.size >= memoSize) memo.delete(memo.keys().next().value!); // oldest first
      memo.set(key, figures);
      return figures;
    },
    smicCents(month) {
      let value = smic.get(month);
      if (value === undefined) {
        engine.setSituation({ date: `01/${month.slice(5, 7)}/${month.slice(0, 4)}` });
        value = cents('SMIC');
        smic.set(month, value);
      }
      return value;
    },
    stats: () => ({ reused, evaluated }),
  };
}
