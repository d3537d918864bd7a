import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNumberingScheme,
  counterKey,
  formatDocumentNumber,
  type NumberingScheme,
  numberingProblem,
} from './numbering-template.ts';

const scheme = (template: string, reset: NumberingScheme['reset'] = 'yearly', perActivity = false) => ({
  template,
  reset,
  perActivity,
});

describe('numbering templates', () => {
  it('formats year, month, activity and a padded counter', () => {
    const s = scheme('F{YYYY}{MM}-{ACTIVITY}-{COUNTER:5}', 'monthly');
    expect(formatDocumentNumber(s, { issueDate: '2026-03-31', activityCode: 'BOIS', counter: 42 })).toBe(
      'F202603-BOIS-00042',
    );
    expect(formatDocumentNumber(s, { issueDate: '2026-03-31', activityCode: 'BOIS', counter: 123456 })).toBe(
      'F202603-BOIS-123456',
    );
  });

  it.each([
    ['F{YYYY}-{COUNTER:5}', 'yearly', false],
    ['F-{COUNTER:6}', 'never', false],
    ['{ACTIVITY}-{COUNTER}', 'never', true],
    ['F-{YYYY}-{ACTIVITY}-{COUNTER:4}', 'yearly', true],
    ['{COUNTER}{YYYY}', 'yearly', false],
    ['{YYYY}{COUNTER}{MM}', 'monthly', false],
    ['F{YY}-{COUNTER:5}', 'never', false],
  ] as const)('accepts %s (%s, per activity: %s)', (template, reset, perActivity) => {
    expect(numberingProblem(scheme(template, reset, perActivity))).toBeNull();
  });

  it.each([
    ['F{YYYY}', 'yearly', false, 'counterMissing'],
    ['{COUNTER}-{COUNTER}', 'never', false, 'counterTwice'],
    ['F-{COUNTER:5}', 'yearly', false, 'yearMissing'],
    ['F{YY}-{COUNTER:5}', 'yearly', false, 'yearMissing'],
    ['F{YYYY}-{COUNTER:5}', 'monthly', false, 'monthMissing'],
    ['F{YYYY}-{COUNTER:5}', 'yearly', true, 'activityMissing'],
    ['{ACTIVITY}{COUNTER}', 'never', true, 'ambiguous'],
    ['{ACTIVITY}{YYYY}{COUNTER}', 'yearly', true, 'ambiguous'],
    ['{ACTIVITY}-{COUNTER}-{ACTIVITY}', 'never', true, 'ambiguous'],
    ['F{YYY}-{COUNTER}', 'never', false, 'syntax'],
    ['F{YYYY}-{COUNTER:5}{', 'yearly', false, 'syntax'],
  ] as const)('refuses %s (%s, per activity: %s): %s', (template, reset, perActivity, problem) => {
    expect(numberingProblem(scheme(template, reset, perActivity))).toBe(problem);
    expect(() => checkNumberingScheme(scheme(template, reset, perActivity))).toThrowError(
      expect.objectContaining({ code: 'NUMBERING_TEMPLATE_UNSAFE' }),
    );
  });

  // Soundness of the check: over random templates, an accepted scheme never prints the same number for
  // two different (counter key, counter) pairs.
  const token = fc.constantFrom('{YYYY}', '{YY}', '{MM}', '{ACTIVITY}', '{COUNTER}', '{COUNTER:3}');
  const literal = fc.constantFrom('F', '-', '/', '1', 'A', '.', 'X-');
  const template = fc.array(fc.oneof(token, literal), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
  // A grid of documents chosen to collide when a template is ambiguous: activity codes that are prefixes of
  // one another or contain digits and dashes, counters that look like years or months.
  const grid = ['2011-01-15', '2011-12-15', '2012-01-15', '2025-11-15', '2026-01-15'].flatMap((issueDate) =>
    ['A', 'AB', 'A1', 'A-1', '1', '11', 'B-2025', '12', 'AB1'].flatMap((activityCode) =>
      [1, 2, 3, 11, 12, 20, 25, 101, 111, 2011, 2025, 20251, 12025].map((counter) => ({
        issueDate,
        activityCode,
        counter,
      })),
    ),
  );

  it('never repeats a number with an accepted template (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        template,
        fc.constantFrom('never', 'yearly', 'monthly') as fc.Arbitrary<NumberingScheme['reset']>,
        fc.boolean(),
        (t, reset, perActivity) => {
          const s = scheme(t, reset, perActivity);
          if (numberingProblem(s) !== null) return;
          accepted++;
          const seen = new Map<string, string>();
          for (const d of grid) {
            const identity = `${counterKey(s, d.issueDate, d.activityCode)}#${d.counter}`;
            const number = formatDocumentNumber(s, d);
            const previous = seen.get(number);
            if (previous !== undefined) expect(previous).toBe(identity);
            seen.set(number, identity);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
