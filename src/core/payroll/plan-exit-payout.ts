import { z } from 'zod';
import { CalendarDateSchema } from '../members/calendar-date.ts';
import { formatCents } from '../money/format-cents.ts';
import { findSustainableSalary } from './find-sustainable-salary.ts';
import {
  addMonths,
  countMonths,
  monthOfDate,
  type PayrollMonth,
  PayrollMonthSchema,
} from './payroll-month.ts';
import { PayrollSettings } from './payroll-settings.ts';
import type { EmployerCostFunction } from './salary-capacity-input.ts';

/** The longest exit plan: five years of pay. */
export const maxExitPlanMonths = 60;

const cents = z.number().int({ error: 'ledger.cents' }).min(-100_000_000_000).max(100_000_000_000);

/**
 * The exit plan (cae-domain.md §1.4): the activity's treasury must be paid out as salary before the member
 * leaves. From the first month still to pay to the month of the exit date, both included.
 */
export const ExitPlanInput = z
  .object({
    treasuryCents: cents,
    expectedMonthlyRevenueCents: cents.min(0).default(0),
    /** Kept back for the costs of leaving (final settlement, last invoices): not paid out as salary. */
    reserveCents: cents.min(0).default(0),
    firstMonth: PayrollMonthSchema,
    exitDate: CalendarDateSchema,
  })
  .refine((v) => countMonths(v.firstMonth, monthOfDate(v.exitDate)) >= 1, {
    error: 'payroll.exitBeforeStart',
    path: ['exitDate'],
  })
  .refine((v) => countMonths(v.firstMonth, monthOfDate(v.exitDate)) <= maxExitPlanMonths, {
    error: 'payroll.exitTooFar',
    path: ['exitDate'],
  });
export type ExitPlanInput = z.input<typeof ExitPlanInput>;

/** The exit plan as the API takes it: the first month's rules price every salary. */
export const ExitPlanRequest = ExitPlanInput.and(z.object({ settings: PayrollSettings.optional() }));

export const ExitPlanAnswer = z.object({
  settings: PayrollSettings,
  months: z.array(
    z.object({
      month: PayrollMonthSchema,
      grossCents: z.number().int(),
      employerCostCents: z.number().int(),
      treasuryAfterCents: z.number().int(),
    }),
  ),
  remainderCents: z.number().int(),
  explanation: z.array(z.string()),
});

export type ExitPlanMonth = {
  month: PayrollMonth;
  grossCents: number;
  employerCostCents: number;
  /** The treasury once this month's revenue is in and its salary paid. */
  treasuryAfterCents: number;
};

export type ExitPlan = {
  months: ExitPlanMonth[];
  /** What remains above the reserve after the last pay: less than what one more cent of gross would cost. */
  remainderCents: number;
  explanation: string[];
};

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
const frenchMonth = (month: PayrollMonth) =>
  `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
const frenchDate = (date: string) => `${Number(date.slice(8, 10))} ${frenchMonth(date.slice(0, 7))}`;

/**
 * The salary schedule that pays out the treasury by the exit: each month pays the highest salary that the
 * remaining months can sustain without going under the reserve, so the schedule is as level as the treasury
 * allows (rising only when revenue keeps coming in), and the last month pays what is left.
 */
export async function planExitPayout(
  rawInput: ExitPlanInput,
  employerCost: EmployerCostFunction,
  options: { maxGrossCents?: number } = {},
): Promise<ExitPlan> {
  const input = ExitPlanInput.parse(rawInput);
  const lastMonth = monthOfDate(input.exitDate);
  const count = countMonths(input.firstMonth, lastMonth);
  const r = input.expectedMonthlyRevenueCents;
  const reserve = input.reserveCents;
  const months: ExitPlanMonth[] = [];
  let treasury = input.treasuryCents;
  let previous: number | undefined;
  for (let i = 0; i < count; i++) {
    const found = await findSustainableSalary(
      {
        treasuryCents: treasury,
        expectedMonthlyRevenueCents: r,
        safetyBufferCents: reserve,
        months: count - i,
      },
      employerCost,
      { maxGrossCents: options.maxGrossCents, guessGrossCents: previous },
    );
    const gross = found.grossCents ?? 0;
    const cost = found.employerCostCents ?? 0;
    treasury += r - cost;
    months.push({
      month: addMonths(input.firstMonth, i),
      grossCents: gross,
      employerCostCents: cost,
      treasuryAfterCents: treasury,
    });
    previous = gross > 0 ? gross : undefined;
  }
  const remainder = treasury - reserve;
  const explanation = [
    `Sortie prévue le ${frenchDate(input.exitDate)} : ${count} paie${count > 1 ? 's' : ''}, de ${frenchMonth(input.firstMonth)} à ${frenchMonth(lastMonth)}, pour verser la trésorerie de l'activité (${formatCents(input.treasuryCents)}${r > 0 ? `, plus ${formatCents(r)} de recettes attendues par mois` : ''}) avant le départ.`,
  ];
  if (reserve > 0) explanation.push(`${formatCents(reserve)} restent en réserve pour les frais de sortie.`);
  if (months.every((m) => m.grossCents === 0)) {
    explanation.push(
      "La trésorerie ne dépasse pas la réserve : aucun salaire ne peut être versé d'ici la sortie.",
    );
  } else {
    for (const run of runsOfEqualSalary(months)) {
      const span =
        run.from === run.to
          ? `En ${frenchMonth(run.from)}`
          : `De ${frenchMonth(run.from)} à ${frenchMonth(run.to)}`;
      explanation.push(
        `${span} : ${formatCents(run.grossCents)} brut par mois (coût employeur ${formatCents(run.employerCostCents)}).`,
      );
    }
    explanation.push(
      `Après la dernière paie, il reste ${formatCents(remainder)} au-dessus de la réserve : moins que le coût d'un centime de salaire brut en plus.`,
    );
  }
  return { months, remainderCents: remainder, explanation };
}

function runsOfEqualSalary(months: ExitPlanMonth[]) {
  const runs: { from: PayrollMonth; to: PayrollMonth; grossCents: number; employerCostCents: number }[] = [];
  for (const m of months) {
    const last = runs.at(-1);
    if (last && last.grossCents === m.grossCents) last.to = m.month;
    else
      runs.push({
        from: m.month,
        to: m.month,
        grossCents: m.grossCents,
        employerCostCents: m.employerCostCents,
      });
  }
  return runs;
}
