import { z } from 'zod';
import { CalendarDate } from './calendar-date.ts';
import {
  counterResets,
  NumberingScheme,
  numberingProblem,
  parseNumberingTemplate,
  type NumberingScheme as Scheme,
} from './numbering-template.ts';
import { ReminderDays } from './reminder-schedule.ts';

/**
 * The cooperative's sales settings: how invoices and quotes are numbered, the VAT option, the
 * late-penalty rate (ECB + 10 points by default, C. com. L441-10; or a contractual fixed rate), the
 * default validity of a quote, and the reminder schedule (days after the due date).
 */
export const SalesSettingsInput = z.strictObject({
  numbering: NumberingScheme,
  quoteNumbering: z
    .strictObject({ template: z.string().trim().min(1).max(60), reset: z.enum(counterResets) })
    .refine((s) => numberingProblem({ ...s, perActivity: false }) === null, {
      error: 'numberingTemplate.unsafe',
      path: ['template'],
    }),
  vatOnDebits: z.boolean(),
  latePenaltyMarginBp: z.number().int().min(0).max(10_000),
  latePenaltyFixedRateBp: z.number().int().min(0).max(10_000).nullable(),
  ecbRates: z
    .array(
      z.strictObject({
        semesterStart: CalendarDate.refine((d) => /-0[17]-01$/.test(d), { error: 'ecbRate.semester' }),
        rateBp: z.number().int().min(-1_000).max(5_000),
      }),
    )
    .max(200),
  quoteValidityDays: z.number().int().min(1).max(365),
  remindersEnabled: z.boolean(),
  reminderDays: ReminderDays,
});
export type SalesSettingsInput = z.infer<typeof SalesSettingsInput>;
export const SalesSettingsView = SalesSettingsInput;

/** A pattern matching every number a template can print. */
export function numberingPattern(template: string): RegExp {
  const segments = parseNumberingTemplate(template) ?? [];
  const body = segments
    .map((s) => {
      switch (s.type) {
        case 'literal':
          return s.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        case 'YYYY':
          return '\\d{4}';
        case 'YY':
        case 'MM':
          return '\\d{2}';
        case 'ACTIVITY':
          return '[A-Z0-9-]+';
        case 'COUNTER':
          return '\\d+';
        default:
          return '';
      }
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/**
 * A new numbering scheme could print a number already used when an existing number fits its pattern
 * (its counters start again from what they hold, which knows nothing of the old scheme's numbers). Then
 * the change is refused; an unchanged scheme is always fine.
 */
export function schemeCouldRepeat(
  current: Scheme,
  next: Scheme,
  existingNumbers: readonly string[],
): boolean {
  if (
    current.template === next.template &&
    current.reset === next.reset &&
    current.perActivity === next.perActivity
  )
    return false;
  const pattern = numberingPattern(next.template);
  return existingNumbers.some((n) => pattern.test(n));
}
