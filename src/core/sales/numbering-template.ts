import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

/**
 * The legal numbering of invoices and credit notes: one continuous chronological sequence (CGI ann. II
 * art. 242 nonies A, 7°; cae-domain.md §4.1). A template such as "F{YYYY}-{COUNTER:5}" combines:
 *   {YYYY} year of issue · {YY} its last two digits · {MM} month · {ACTIVITY} the activity's code ·
 *   {COUNTER} or {COUNTER:n} the counter, padded to n digits.
 * The counter restarts never, every year or every month, and is shared by the whole cooperative or
 * kept per activity ("separate series", BOFiP BOI-TVA-DECLA-30-20-20-10). `checkNumberingTemplate`
 * refuses any template that could print the same number twice.
 */
export const counterResets = ['never', 'yearly', 'monthly'] as const;
export type CounterReset = (typeof counterResets)[number];

export interface NumberingScheme {
  template: string;
  reset: CounterReset;
  perActivity: boolean;
}

type Segment =
  | { type: 'literal'; text: string }
  | { type: 'YYYY' | 'YY' | 'MM' }
  | { type: 'ACTIVITY' }
  | { type: 'COUNTER'; pad: number };

const tokenPattern = /\{([A-Z]+)(?::(\d{1,2}))?\}/g;
/** Characters each variable-length token can contain. */
const alphabets = { ACTIVITY: /[A-Z0-9-]/, COUNTER: /[0-9]/ } as const;

export function parseNumberingTemplate(template: string): Segment[] | null {
  const segments: Segment[] = [];
  let last = 0;
  for (const m of template.matchAll(tokenPattern)) {
    if (m.index > last) segments.push({ type: 'literal', text: template.slice(last, m.index) });
    const [, name, pad] = m;
    if (name === 'COUNTER') segments.push({ type: 'COUNTER', pad: pad ? Number(pad) : 1 });
    else if (pad !== undefined) return null;
    else if (name === 'YYYY' || name === 'YY' || name === 'MM' || name === 'ACTIVITY')
      segments.push({ type: name });
    else return null;
    last = m.index + m[0].length;
  }
  if (last < template.length) segments.push({ type: 'literal', text: template.slice(last) });
  // Literals may not contain braces (a typo such as "{YYY}") nor characters unfit for a file name.
  if (segments.some((s) => s.type === 'literal' && !/^[A-Za-z0-9 ._/#-]+$/.test(s.text))) return null;
  return segments;
}

export type NumberingProblem =
  | 'syntax'
  | 'counterMissing'
  | 'counterTwice'
  | 'yearMissing'
  | 'monthMissing'
  | 'activityMissing'
  | 'ambiguous'
  | 'tooLong';

const isVariable = (s: Segment): s is Extract<Segment, { type: 'ACTIVITY' | 'COUNTER' }> =>
  s.type === 'ACTIVITY' || s.type === 'COUNTER';

/**
 * Why a scheme could repeat a number, or null when it cannot. Two conditions make numbers unique:
 * (1) the number shows everything that tells two counters apart — the year ({YYYY}, not {YY}, which
 * comes back every century) for a yearly counter, year and month for a monthly one, the activity for
 * per-activity counters; (2) the number can be read back unambiguously: reading from the left, every
 * variable-length token ({ACTIVITY}, {COUNTER}, which outgrows its padding) must be followed by the end or
 * by a character it cannot contain; reading from the right, preceded by the start or such a character;
 * at most one token, where the two readings meet, may rely on neither.
 */
export function numberingProblem(scheme: NumberingScheme): NumberingProblem | null {
  if (scheme.template.length > 60) return 'tooLong';
  const segments = parseNumberingTemplate(scheme.template);
  if (!segments) return 'syntax';
  const counters = segments.filter((s) => s.type === 'COUNTER').length;
  if (counters === 0) return 'counterMissing';
  if (counters > 1) return 'counterTwice';
  const has = (t: Segment['type']) => segments.some((s) => s.type === t);
  if (scheme.reset !== 'never' && !has('YYYY')) return 'yearMissing';
  if (scheme.reset === 'monthly' && !has('MM')) return 'monthMissing';
  if (scheme.perActivity && !has('ACTIVITY')) return 'activityMissing';

  const delimited = (token: Segment, neighbour: Segment | undefined, side: 'first' | 'last') => {
    if (!neighbour) return true;
    if (neighbour.type !== 'literal') return false;
    const c = side === 'first' ? neighbour.text[0]! : neighbour.text[neighbour.text.length - 1]!;
    return !alphabets[token.type as 'ACTIVITY' | 'COUNTER'].test(c);
  };
  let left = 0;
  while (left < segments.length) {
    const s = segments[left]!;
    if (isVariable(s) && !delimited(s, segments[left + 1], 'first')) break;
    left++;
  }
  let right = segments.length - 1;
  while (right >= 0) {
    const s = segments[right]!;
    if (isVariable(s) && !delimited(s, segments[right - 1], 'last')) break;
    right--;
  }
  // Both readings stop on the same token (or one reads it all): that token takes what is left.
  if (left < right) return 'ambiguous';
  return null;
}

export function checkNumberingScheme(scheme: NumberingScheme): void {
  const problem = numberingProblem(scheme);
  if (problem) throw new AppError('NUMBERING_TEMPLATE_UNSAFE', { problem, template: scheme.template });
}

export const NumberingScheme = z
  .strictObject({
    template: z.string().trim().min(1).max(60),
    reset: z.enum(counterResets),
    perActivity: z.boolean().default(false),
  })
  .refine((s) => numberingProblem(s) === null, { error: 'numberingTemplate.unsafe', path: ['template'] });

export const DEFAULT_NUMBERING_SCHEME: NumberingScheme = {
  template: 'F{YYYY}-{COUNTER:5}',
  reset: 'yearly',
  perActivity: false,
};

/**
 * Which counter a document draws from: the scheme's period and, for per-activity series, the activity.
 * Each key has its own gapless counter row.
 */
export function counterKey(scheme: NumberingScheme, issueDate: string, activityCode: string): string {
  const period =
    scheme.reset === 'never'
      ? 'all'
      : scheme.reset === 'yearly'
        ? issueDate.slice(0, 4)
        : issueDate.slice(0, 7);
  return scheme.perActivity ? `${period}/${activityCode}` : period;
}

export function formatDocumentNumber(
  scheme: NumberingScheme,
  values: { issueDate: string; activityCode: string; counter: number },
): string {
  const segments = parseNumberingTemplate(scheme.template);
  if (!segments || !Number.isSafeInteger(values.counter) || values.counter < 1) {
    throw new AppError('NUMBERING_TEMPLATE_UNSAFE', { template: scheme.template });
  }
  return segments
    .map((s) => {
      switch (s.type) {
        case 'literal':
          return s.text;
        case 'YYYY':
          return values.issueDate.slice(0, 4);
        case 'YY':
          return values.issueDate.slice(2, 4);
        case 'MM':
          return values.issueDate.slice(5, 7);
        case 'ACTIVITY':
          return values.activityCode;
        case 'COUNTER':
          return String(values.counter).padStart(s.pad, '0');
        default:
          return '';
      }
    })
    .join('');
}
