import modeleSocial from 'modele-social';
import Engine from 'publicodes';
import { beforeAll, describe, expect, it } from 'vitest';
import { eurosToCents } from '../../core/payroll/euros-to-cents.ts';
import { defaultPayrollSettings, type PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import { createSalaryEngine, readSalaryFigures, type SalaryEngine } from './create-salary-engine.ts';
import {
  contributionLineRules,
  fullSalaryRules,
  salaryEngineOptions,
  salaryTotalRules,
} from './salary-rules.ts';

// The engine-backed checks: the simulator against the rules engine used directly, with situations written out
// by hand here (not built by the simulator's code), and against published reference points.

const quiet = { logger: { log() {}, warn() {}, error() {} } };
let engine: SalaryEngine;
let plain: Engine; // modele-social alone, nothing of ours
let withProvident: Engine; // modele-social + the cooperative's provident plan, whole rule base

beforeAll(() => {
  engine = createSalaryEngine();
  plain = new Engine(modeleSocial, quiet);
  withProvident = new Engine(fullSalaryRules(), quiet);
}, 120_000);

const noHealthPlan = { monthlyPremiumCents: 0, employerShareBp: 5_000 };
const settingsCases: { name: string; settings: PayrollSettings; situation: Record<string, string> }[] = [
  {
    // The documented defaults are modele-social's own, apart from the headcount class.
    name: 'defaults',
    settings: defaultPayrollSettings,
    situation: { 'entreprise . salariés . effectif . seuil': "'moins de 150'" },
  },
  {
    name: '250+, AT/MP 1.1 %, versement mobilité 2.95 %, €60 health plan 60 % paid',
    settings: {
      headcountClass: '250+',
      workAccidentRateBp: 110,
      transportLevyRateBp: 295,
      healthPlan: { monthlyPremiumCents: 6_000, employerShareBp: 6_000 },
      providentPlan: { employerRateBp: 0, employeeRateBp: 0 },
    },
    situation: {
      'entreprise . salariés . effectif . seuil': "'plus de 250'",
      'établissement . taux ATMP': '1.1%',
      'établissement . commune . taux versement mobilité': '2.95%',
      'salarié . cotisations . prévoyances . santé . montant': '60 €/mois',
      'salarié . cotisations . prévoyances . santé . taux employeur': '60%',
    },
  },
  {
    name: 'under 5, AT/MP 0.3 % (below the legal minimum), no health plan',
    settings: {
      ...defaultPayrollSettings,
      headcountClass: '1-4',
      workAccidentRateBp: 30,
      healthPlan: noHealthPlan,
    },
    situation: {
      'établissement . taux ATMP': '0.3%',
      'salarié . cotisations . prévoyances . santé . montant': '0 €/mois',
    },
  },
];
const grosses = [
  0, 1, 99_999, 182_303, 182_304, 250_000, 364_606, 400_500, 546_909, 546_910, 1_000_000, 2_500_001,
];
const months = [
  { month: '2025-03', date: '01/03/2025' },
  { month: '2026-07', date: '01/07/2026' },
];

const euros = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** The engine used directly: one situation, then the rules asked, each rounded to the cent. */
function direct(reference: Engine, situation: Record<string, string>): (rule: string) => number {
  reference.setSituation(situation);
  return (rule) => {
    const value = reference.evaluate(rule).nodeValue;
    return eurosToCents(typeof value === 'number' ? value : 0);
  };
}

describe('the salary engine', () => {
  it('returns the rules engine’s own figures, total by total and line by line, over a grid of salaries', () => {
    let compared = 0;
    for (const { settings, situation } of settingsCases)
      for (const { month, date } of months)
        for (const gross of grosses) {
          const figures = engine.figures(settings, month, gross);
          const expected = direct(plain, {
            ...situation,
            date,
            'salarié . contrat . salaire brut': `${euros(gross)} €/mois`,
          });
          for (const [field, rule] of Object.entries(salaryTotalRules)) {
            expect(figures[field as keyof typeof salaryTotalRules], `${rule} at ${gross} in ${month}`).toBe(
              expected(rule),
            );
            compared++;
          }
          const lines = new Map(figures.lines.map((l) => [l.rule, l.amountCents]));
          for (const rule of [...contributionLineRules.employee, ...contributionLineRules.employer])
            expect(lines.get(rule) ?? 0, rule).toBe(expected(rule));
          for (const rule of [
            ...contributionLineRules.employeeReductions,
            ...contributionLineRules.employerReductions,
          ])
            expect(lines.get(rule) ?? 0, rule).toBe(0 - expected(rule));
        }
    expect(compared).toBe(settingsCases.length * months.length * grosses.length * 7);
  }, 600_000);

  it('has lines that add up to the engine’s totals (before rounding each one)', () => {
    const situation = {
      ...settingsCases[1]!.situation,
      date: '01/02/2026',
      'salarié . contrat . salaire brut': '5123.45 €/mois',
    };
    withProvident.setSituation({
      ...situation,
      'coopérative . prévoyance . taux employeur': '0.8%',
      'coopérative . prévoyance . taux salarié': '0.45%',
    });
    const value = (rule: string) => (withProvident.evaluate(rule).nodeValue as number | null) ?? 0;
    const sum = (rules: string[], reductions: string[]) =>
      rules.reduce((a, r) => a + value(r), 0) - reductions.reduce((a, r) => a + value(r), 0);
    expect(sum(contributionLineRules.employee, contributionLineRules.employeeReductions)).toBeCloseTo(
      value(salaryTotalRules.employeeContributionsCents),
      6,
    );
    expect(sum(contributionLineRules.employer, contributionLineRules.employerReductions)).toBeCloseTo(
      value(salaryTotalRules.employerContributionsCents),
      6,
    );
    expect(
      value(`${'salarié . cotisations . '}prévoyances . incapacité invalidité décès . salarié`),
    ).toBeGreaterThan(0);
  }, 120_000);

  it('reads the same figures in one evaluation on the reduced rules as rule by rule on the whole base', () => {
    const settings = {
      ...settingsCases[1]!.settings,
      providentPlan: { employerRateBp: 75, employeeRateBp: 25 },
    };
    for (const [month, gross] of [
      ['2026-01', 182_303],
      ['2025-09', 333_333],
      ['2026-11', 800_000],
    ] as const)
      expect(engine.figures(settings, month, gross)).toEqual(
        readSalaryFigures(withProvident, settings, month, gross, { oneByOne: true }),
      );
  }, 120_000);

  it('plugs the cooperative’s provident plan in as modele-social plugs in a collective agreement’s', () => {
    const settings: PayrollSettings = {
      ...defaultPayrollSettings,
      headcountClass: '20-49',
      providentPlan: { employerRateBp: 80, employeeRateBp: 45 },
    };
    for (const gross of [182_303, 350_000, 612_345]) {
      const figures = engine.figures(settings, '2026-04', gross);
      const situation = {
        date: '01/04/2026',
        'salarié . contrat . salaire brut': `${euros(gross)} €/mois`,
        'entreprise . salariés . effectif . seuil': "'moins de 50'",
        'coopérative . prévoyance . taux employeur': '0.8%',
        'coopérative . prévoyance . taux salarié': '0.45%',
      };
      const expected = direct(withProvident, situation);
      for (const [field, rule] of Object.entries(salaryTotalRules))
        expect(figures[field as keyof typeof salaryTotalRules]).toBe(expected(rule));
      // Tranche A: the rate applies up to the monthly social-security ceiling (€4,005 in 2026).
      const employee = figures.lines.find((l) => l.rule.endsWith('incapacité invalidité décès . salarié'));
      expect(employee?.amountCents).toBe(Math.round((Math.min(gross, 400_500) * 45) / 10_000));
      // The employer's share bears the forfait social (8 %, from 11 employees) with the health plan's.
      const forfait = figures.lines.find((l) => l.rule.endsWith('forfait social'));
      expect(forfait?.amountCents).toBe(
        Math.round(0.08 * (2_000 + (Math.min(gross, 400_500) * 80) / 10_000)),
      );
    }
  }, 120_000);

  it('gives the published 2026 minimum-wage figures', () => {
    // SMIC 2026: €12.02 an hour × 151.67 h = €1,823.03 gross (cae-domain.md §2.3).
    expect(engine.smicCents('2026-01')).toBe(182_303);
    expect(engine.smicCents('2025-06')).toBe(180_180);
    expect(engine.smicCents('2024-06')).toBe(176_692);
    const settings: PayrollSettings = {
      headcountClass: '50-149',
      workAccidentRateBp: 100,
      transportLevyRateBp: 0,
      healthPlan: noHealthPlan,
      providentPlan: { employerRateBp: 0, employeeRateBp: 0 },
    };
    const smic = engine.figures(settings, '2026-01', 182_303);
    // Published net for the 2026 SMIC, no health plan: €1,443.11.
    expect(smic.netBeforeIncomeTaxCents).toBe(144_311);
    expect(smic.netSocialCents).toBe(144_311);
    // RGDU at 1 SMIC from 50 employees: coefficient 0.4021 (Tmin 0.02 + Tdelta 0.3821) → €733.04.
    expect(smic.lines.find((l) => l.rule.endsWith('exonérations . employeur'))?.amountCents).toBe(-73_304);
    // Employer rates of the reference table for 50+ staff with AT/MP at 1 %: 43.116 % of gross = €786.02,
    // minus the reduction: €52.98 of contributions, €1,876.01 of employer cost.
    expect(smic.employerContributionsCents).toBe(5_298);
    expect(smic.employerCostCents).toBe(187_601);
    // Under 50 employees the maximum coefficient is 0.3981 (FNAL 0.10 %, no PEEC).
    const small = engine.figures({ ...settings, headcountClass: '20-49' }, '2026-01', 182_303);
    expect(small.lines.find((l) => l.rule.endsWith('exonérations . employeur'))?.amountCents).toBe(-72_575);
  }, 120_000);

  it('answers identical computations from its memo, and keeps the engine’s warnings out of the logs', () => {
    const warnings: unknown[] = [];
    const original = { warn: console.warn, log: console.log, error: console.error };
    console.warn = (...a: unknown[]) => warnings.push(a);
    console.log = (...a: unknown[]) => warnings.push(a);
    console.error = (...a: unknown[]) => warnings.push(a);
    try {
      const fresh = createSalaryEngine();
      const a = fresh.figures(defaultPayrollSettings, '2026-05', 312_345);
      const b = fresh.figures({ ...defaultPayrollSettings }, '2026-05', 312_345);
      expect(b).toBe(a);
      expect(fresh.stats()).toEqual({ reused: 1, evaluated: 1 });
      fresh.figures(defaultPayrollSettings, '2026-06', 312_345);
      expect(fresh.stats()).toEqual({ reused: 1, evaluated: 2 });
    } finally {
      Object.assign(console, original);
    }
    expect(warnings).toEqual([]);
    // The same rule base with the engine's default logger does print warnings: the test above can fail.
    const noisy: unknown[] = [];
    console.warn = (...a: unknown[]) => noisy.push(a);
    try {
      const loud = new Engine(fullSalaryRules());
      loud.setSituation({ 'salarié . contrat . salaire brut': '2000 €/mois' });
      loud.evaluate('salarié . coût total employeur');
    } finally {
      console.warn = original.warn;
    }
    expect(noisy.length).toBeGreaterThan(0);
    expect(salaryEngineOptions.warn).toBe(false);
  }, 120_000);
});

describe('an incomplete month (entry or exit during it, paid by calendar days)', () => {
  const settings: PayrollSettings = {
    ...defaultPayrollSettings,
    providentPlan: { employerRateBp: 80, employeeRateBp: 40 },
  };
  const line = (f: SalaryFigures, end: string) => f.lines.find((l) => l.rule.endsWith(end))?.amountCents ?? 0;

  it('caps the capped contributions at the ceiling prorated by calendar days (CSS R242-2)', () => {
    // €6,000 a month, hired on 16 March 2026: 16 of 31 days paid, €3,096.77 — above the month's prorated
    // ceiling (€4,005 × 16 / 31 = €2,067.10), below the monthly one.
    const period = { daysPaid: 16, monthDays: 31, fullMonthCents: 600_000 };
    const incomplete = engine.figures(settings, '2026-03', 309_677, period);
    const asWholeMonth = engine.figures(settings, '2026-03', 309_677);
    const wholeAboveCeiling = engine.figures(settings, '2026-03', 600_000);
    for (const end of [
      'vieillesse . plafonnée . salarié',
      'vieillesse . plafonnée . employeur',
      'incapacité invalidité décès . salarié', // the cooperative's provident plan, tranche A
      'incapacité invalidité décès . employeur',
    ]) {
      // A whole month above the ceiling pays on the whole ceiling; 16 days pay on 16/31 of it.
      expect(Math.abs(line(incomplete, end) - (line(wholeAboveCeiling, end) * 16) / 31), end).toBeLessThan(1);
      expect(line(asWholeMonth, end), end).toBeGreaterThan(line(incomplete, end));
    }
    // 6.90 % × €2,067.10 = €142.63 (instead of 6.90 % × €3,096.77 = €213.68 as a whole month).
    expect(line(incomplete, 'vieillesse . plafonnée . salarié')).toBe(14_263);
    expect(line(asWholeMonth, 'vieillesse . plafonnée . salarié')).toBe(21_368);
    // Above the prorated ceiling: the complementary pension's tranche 2 and the CET are due.
    expect(line(incomplete, 'CET . salarié')).toBeGreaterThan(0);
    expect(line(asWholeMonth, 'CET . salarié')).toBe(0);
    expect(line(incomplete, 'retraite complémentaire . salarié')).toBeGreaterThan(
      line(asWholeMonth, 'retraite complémentaire . salarié'),
    );
  }, 120_000);

  it('prorates the SMIC of the general reduction by the pay of the month (CSS D241-7)', () => {
    // €3,000 a month (1.65 SMIC), leaving on 15 June 2026: 15 of 30 days, €1,500 — not a pay of 0.82 SMIC.
    const period = { daysPaid: 15, monthDays: 30, fullMonthCents: 300_000 };
    const incomplete = engine.figures(settings, '2026-06', 150_000, period);
    const asWholeMonth = engine.figures(settings, '2026-06', 150_000);
    const whole = engine.figures(settings, '2026-06', 300_000);
    const reduction = (f: SalaryFigures) => line(f, 'exonérations . employeur');
    // The coefficient of €3,000 in a whole month, on half its pay.
    expect(Math.abs(reduction(incomplete) - reduction(whole) / 2)).toBeLessThanOrEqual(1);
    expect(reduction(asWholeMonth)).toBeLessThan(2 * reduction(incomplete));
    expect(incomplete.employerCostCents).toBeGreaterThan(asWholeMonth.employerCostCents);
    // Nothing capped on the employee's side here: the same net.
    expect(incomplete.netBeforeIncomeTaxCents).toBe(asWholeMonth.netBeforeIncomeTaxCents);
  }, 120_000);

  it('prices a month with all its days paid as a whole month, and agrees with the whole rule base', () => {
    expect(
      engine.figures(settings, '2026-03', 250_000, { daysPaid: 31, monthDays: 31, fullMonthCents: 250_000 }),
    ).toBe(engine.figures(settings, '2026-03', 250_000));
    for (const [month, gross, period] of [
      ['2026-02', 107_143, { daysPaid: 10, monthDays: 28, fullMonthCents: 300_000 }],
      ['2025-10', 341_935, { daysPaid: 20, monthDays: 31, fullMonthCents: 530_000 }],
      ['2026-06', 60_768, { daysPaid: 10, monthDays: 30, fullMonthCents: 182_303 }],
    ] as const)
      expect(engine.figures(settings, month, gross, period)).toEqual(
        readSalaryFigures(withProvident, settings, month, gross, { oneByOne: true, period }),
      );
  }, 120_000);
});
