import { AppError } from '../../core/errors/app-error.ts';
import { findHighestAtMost } from '../../core/payroll/find-highest-at-most.ts';
import { monthBounds } from '../../core/payroll/payroll-basis-for-month.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import { grossForDays, type IncompleteMonth } from '../../core/payroll/prorate-monthly-salary.ts';
import {
  maxSalaryCents,
  type SalaryBasis,
  type SalaryFigures,
  type SalarySimulation,
} from '../../core/payroll/salary-simulation-schemas.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { salaryRulesCoverage, salaryRulesSource } from './salary-rules.ts';

/** Typical ratios, only to start the search close to the answer (the search itself is exact). */
const typicalRatio: Record<Exclude<SalaryBasis, 'gross'>, number> = { net: 0.78, employerCost: 1.3 };
const figureOf: Record<Exclude<SalaryBasis, 'gross'>, keyof SalaryFigures> = {
  net: 'netBeforeIncomeTaxCents',
  employerCost: 'employerCostCents',
};

/** Refuses a month whose rules the installed modele-social does not know. */
export function assertSalaryRulesKnown(month: PayrollMonth): void {
  if (month < salaryRulesCoverage.from || month > salaryRulesCoverage.to)
    throw new AppError('PAYROLL_RULES_UNKNOWN', { month, ...salaryRulesCoverage });
}

/**
 * A monthly salary from a gross salary, a net salary (before income tax) or an employer cost, with every figure
 * from the rules engine. From a net or a cost, the gross is the highest one whose net (or cost) does not exceed
 * the amount asked: found to the cent by an exact search on the engine's own (non-decreasing) function, so the
 * round trip gives the amount back to the cent whenever some gross reaches it exactly. The engine's built-in
 * inversion ("inversion numérique") stops at 0.1 € and 10 iterations, so it cannot promise the cent.
 * With `daysPaid` (an entry or exit during the month), the month is priced as the payroll run prices it: the
 * monthly gross paid for its calendar days, with the prorated ceiling and SMIC; the search is then on the monthly
 * gross, and the figures are the month's.
 */
export async function simulateSalary(
  calculator: SalaryCalculator,
  settings: PayrollSettings,
  input: { from: SalaryBasis; amountCents: number; month: PayrollMonth; daysPaid?: number | undefined },
): Promise<SalarySimulation> {
  assertSalaryRulesKnown(input.month);
  const monthDays = Number(monthBounds(input.month).last.slice(8, 10));
  const daysPaid = input.daysPaid ?? monthDays;
  if (daysPaid < 1 || daysPaid > monthDays)
    throw new RangeError(`not a day count of ${input.month}: ${daysPaid}`);
  const period = (fullMonthCents: number): IncompleteMonth | null =>
    daysPaid < monthDays ? { daysPaid, monthDays, fullMonthCents } : null;
  /** The figures of the month for a monthly gross (the whole month's). */
  const compute = (fullMonthCents: number) =>
    calculator.figures(
      settings,
      input.month,
      grossForDays(fullMonthCents, daysPaid, monthDays),
      period(fullMonthCents),
    );
  let figures: SalaryFigures;
  let fullMonthCents: number;
  if (input.from === 'gross') {
    fullMonthCents = input.amountCents;
    figures = await compute(fullMonthCents);
  } else {
    const field = figureOf[input.from];
    const found = await findHighestAtMost(
      async (g) => (await compute(g))[field] as number,
      input.amountCents,
      {
        lo: 0,
        hi: maxSalaryCents,
        guess: (input.amountCents * monthDays) / daysPaid / typicalRatio[input.from],
      },
    );
    if (found.x === null) throw new AppError('SALARY_TARGET_UNREACHABLE', { amount: input.amountCents });
    fullMonthCents = found.x;
    figures = await compute(found.x);
    if (found.x === maxSalaryCents && (figures[field] as number) < input.amountCents)
      throw new AppError('SALARY_TARGET_UNREACHABLE', { amount: input.amountCents });
  }
  return {
    ...figures,
    month: input.month,
    settings,
    request: { from: input.from, amountCents: input.amountCents },
    period: daysPaid < monthDays ? { daysPaid, monthDays, fullMonthGrossCents: fullMonthCents } : null,
    rules: salaryRulesSource,
  };
}
