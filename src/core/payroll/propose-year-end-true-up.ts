import { z } from 'zod';
import { addMonths, CalendarDateSchema } from '../members/calendar-date.ts';
import { allocate } from '../money/allocate.ts';
import { findHighestAtMost } from './find-highest-at-most.ts';
import { PayrollMonthSchema } from './payroll-month.ts';
import { maxSalaryCents } from './salary-simulation-schemas.ts';

export const YearEndTrueUpRequest = z.strictObject({
  fiscalYearId: z.number().int().positive(),
  /** The day the general assembly approves the accounts (given: the assembly is held by governance). */
  assemblyDate: CalendarDateSchema,
});
export type YearEndTrueUpRequest = z.infer<typeof YearEndTrueUpRequest>;

export const TrueUpMemberProposal = z.object({
  memberId: z.string(),
  memberName: z.string(),
  shareBp: z.number().int(),
  /** This member's part of the result, spent as employer cost. */
  budgetCents: z.number().int(),
  /** The highest variable gross whose employer cost fits the budget (rules engine, month of payment). */
  variableGrossCents: z.number().int(),
  employerCostCents: z.number().int(),
});

export const TrueUpActivity = z.object({
  activityId: z.string(),
  activityCode: z.string(),
  /** Class 7 minus class 6 of the year: every charge booked, salaries and contributions included. */
  resultCents: z.number().int(),
  /** The result left for the variable part (nothing when the activity made a loss, carried forward). */
  variablePartCents: z.number().int(),
  members: z.array(TrueUpMemberProposal),
  explanation: z.string(),
});

export const YearEndTrueUpAnswer = z.object({
  fiscalYearId: z.number().int(),
  assemblyDate: z.string(),
  /** C. trav. R7331-12: the balance is paid no later than one month after the assembly approving the accounts. */
  payBy: z.string(),
  /** The month whose rules price the variable part (the month of the pay-by date). */
  pricingMonth: PayrollMonthSchema,
  activities: z.array(TrueUpActivity),
});
export type YearEndTrueUpAnswer = z.infer<typeof YearEndTrueUpAnswer>;

const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

/**
 * The year-end true-up of one activity (C. trav. L7332-3, R7331-11 and R7331-12; cae-domain.md §2.2): the
 * result after every charge of the year (monthly salaries already booked included) is what is left for the
 * variable part. It is split between the activity's salaried members by their shares (allocate: the parts add
 * up to the cent), and each part, spent as employer cost, gives the highest variable gross it pays — priced with
 * the rules of the month it is paid, as a payslip of that month. A loss gives no variable part: it is carried
 * forward and recovered in later months.
 */
export async function proposeYearEndTrueUp(
  activity: {
    activityId: string;
    activityCode: string;
    resultCents: number;
    members: readonly { memberId: string; memberName: string; shareBp: number }[];
  },
  employerCostOf: (grossCents: number) => Promise<number>,
): Promise<z.infer<typeof TrueUpActivity>> {
  const variablePart = Math.max(0, activity.resultCents);
  const weights = activity.members.map((m) => m.shareBp);
  const budgets =
    variablePart > 0 && weights.length > 0 && weights.some((w) => w > 0)
      ? allocate(BigInt(variablePart), weights).map(Number)
      : activity.members.map(() => 0);
  const members = [];
  for (const [i, m] of activity.members.entries()) {
    const budget = budgets[i]!;
    let gross = 0;
    let cost = 0;
    if (budget > 0) {
      const found = await findHighestAtMost(employerCostOf, budget, {
        lo: 0,
        hi: maxSalaryCents,
        guess: budget / 1.3,
      });
      gross = found.x ?? 0;
      cost = found.value ?? 0;
    }
    members.push({ ...m, budgetCents: budget, variableGrossCents: gross, employerCostCents: cost });
  }
  const explanation =
    activity.resultCents <= 0
      ? `Le résultat de l'exercice est de ${euros(activity.resultCents)} après toutes les charges : pas de part variable. La perte est reportée et se récupère sur les mois suivants.`
      : `Après toutes les charges de l'exercice (salaires déjà versés compris), il reste ${euros(variablePart)}. C'est le coût employeur que la part variable peut atteindre${
          activity.members.length > 1 ? ', partagé selon les parts de chacun·e' : ''
        }.`;
  return {
    activityId: activity.activityId,
    activityCode: activity.activityCode,
    resultCents: activity.resultCents,
    variablePartCents: variablePart,
    members,
    explanation,
  };
}

/** R7331-12: one month after the assembly that approves the accounts. */
export function trueUpPayBy(assemblyDate: string): string {
  return addMonths(assemblyDate, 1);
}
