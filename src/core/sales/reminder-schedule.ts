import { z } from 'zod';
import { addDays, type CalendarDate, daysBetween } from './calendar-date.ts';
import { semesterStart } from './late-penalty.ts';

/**
 * Reminders of overdue invoices (issue 5 §9): the cooperative sets the days after the due date at which a
 * reminder goes (7, 30 and 60 by default). Each step goes once per invoice. When several steps are due at
 * once (reminders just switched on, or the server was down), only the latest goes: a client never gets
 * three letters the same morning.
 */
export const ReminderDays = z
  .array(z.number().int().min(1).max(365))
  .max(10)
  .refine((days) => new Set(days).size === days.length, { error: 'reminderDays.duplicate' })
  .transform((days) => [...days].sort((a, b) => a - b));

export const DEFAULT_REMINDER_DAYS = [7, 30, 60];

/** The step to send today, or null: the latest step reached that has not gone yet, if no later one went. */
export function dueReminderStep(
  input: { dueDate: CalendarDate; today: CalendarDate; sentSteps: readonly number[] },
  steps: readonly number[],
): number | null {
  if (input.today <= input.dueDate) return null;
  const late = daysBetween(input.dueDate, input.today);
  const reached = steps.filter((d) => d <= late);
  const latest = reached[reached.length - 1];
  if (latest === undefined) return null;
  if (input.sentSteps.some((s) => s >= latest)) return null;
  return latest;
}

/**
 * The ECB rates to compute penalties with up to `until`: the known half-years, and for any later one not
 * typed in yet, the last known rate — as issuing does (late-penalty.ts, missing: 'latest').
 */
export function ecbRatesThrough(
  known: readonly { semesterStart: CalendarDate; rateBp: number }[],
  until: CalendarDate,
): { semesterStart: CalendarDate; rateBp: number }[] {
  const rates = [...known].sort((a, b) => a.semesterStart.localeCompare(b.semesterStart));
  const last = rates[rates.length - 1];
  if (!last) return rates;
  const end = semesterStart(until);
  let next = semesterStart(addDays(last.semesterStart, 200));
  while (next <= end) {
    rates.push({ semesterStart: next, rateBp: last.rateBp });
    next = semesterStart(addDays(next, 200));
  }
  return rates;
}
