import { findSustainableSalary } from '../../core/payroll/find-sustainable-salary.ts';
import { measureTreasuryRunway } from '../../core/payroll/measure-treasury-runway.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import { type ExitPlanInput, planExitPayout } from '../../core/payroll/plan-exit-payout.ts';
import type {
  SalaryCapacityAnswer,
  SalaryCapacityRequest,
} from '../../core/payroll/salary-capacity-input.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { assertSalaryRulesKnown } from './simulate-salary.ts';

/** A gross salary's employer cost with the rules of `month` and the cooperative's settings. */
function employerCostOf(calculator: SalaryCalculator, settings: PayrollSettings, month: PayrollMonth) {
  return async (grossCents: number) =>
    (await calculator.figures(settings, month, grossCents)).employerCostCents;
}

/**
 * "How much can I pay myself?" with the rules engine's employer cost: the highest steady gross the treasury
 * bears over the horizon, and, for a salary given, how long the treasury lasts.
 */
export async function answerSalaryCapacity(
  calculator: SalaryCalculator,
  settings: PayrollSettings,
  asked: Omit<SalaryCapacityRequest, 'settings'>,
  cooperativeBufferCents: number,
): Promise<SalaryCapacityAnswer> {
  assertSalaryRulesKnown(asked.month);
  // The cooperative's buffer is a floor (issue 10: "a safety buffer set by the cooperative").
  const request = {
    ...asked,
    safetyBufferCents: Math.max(asked.safetyBufferCents ?? 0, cooperativeBufferCents),
  };
  const cost = employerCostOf(calculator, settings, request.month);
  const sustainable = await findSustainableSalary(request, cost, {
    referenceMinimumGrossCents: await calculator.smicCents(request.month),
  });
  let runway: SalaryCapacityAnswer['runway'] = null;
  if (request.atGrossCents !== undefined) {
    const salary = { grossCents: request.atGrossCents, employerCostCents: await cost(request.atGrossCents) };
    runway = { ...salary, ...measureTreasuryRunway(request, salary) };
  }
  return {
    month: request.month,
    settings,
    safetyBufferCents: request.safetyBufferCents,
    sustainable,
    runway,
  };
}

/** The exit plan, every month priced with the rules of its first month. */
export async function answerExitPlan(
  calculator: SalaryCalculator,
  settings: PayrollSettings,
  input: ExitPlanInput,
) {
  assertSalaryRulesKnown(input.firstMonth);
  const plan = await planExitPayout(input, employerCostOf(calculator, settings, input.firstMonth));
  return { settings, ...plan };
}
