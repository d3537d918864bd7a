import { z } from 'zod';
import { type CalendarDate, CalendarDateSchema } from './calendar-date.ts';

/**
 * The member journey is a dated timeline of events and contracts (cae-domain.md §1.5). Contracts (CAPE,
 * CESA) have numbered amendments and end at most once; the current stage is derived from the timeline,
 * never typed by hand.
 */

/** Why a contract ended, or why a person left the cooperative (cae-domain.md §1.4). */
export const endReasons = [
  'resignation',
  'mutual_termination',
  'dismissal',
  'not_associate_in_time',
  'retirement',
  'trial_period_end',
  'project_abandoned',
  'business_created_elsewhere',
  'other',
] as const;
export const EndReason = z.enum(endReasons);
export type EndReason = z.infer<typeof EndReason>;

/** Stages, in the order a journey usually goes through them. */
export const journeyStages = [
  'prospect',
  'information',
  'intake',
  'support',
  'cape',
  'cesa',
  'associate',
  'between_contracts',
  'exited',
] as const;
export const JourneyStage = z.enum(journeyStages);
export type JourneyStage = z.infer<typeof JourneyStage>;

const note = z.string().trim().max(500).default('');
const on = CalendarDateSchema;
const contractId = z.string().min(1).max(64);
const cents = z.number().int().min(0).max(100_000_000);

export const journeyEntryKinds = [
  'information_meeting',
  'intake_interview',
  'support_agreement',
  'support_interview',
  'cape',
  'cape_renewal',
  'cesa',
  'cesa_amendment',
  'contract_end',
  'associate',
  'exit',
] as const;
export type JourneyEntryKind = (typeof journeyEntryKinds)[number];

/** One entry as support staff record it (the server adds the id and numbers the amendments). */
export const JourneyEntryInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('information_meeting'), on, note }),
  z.strictObject({ kind: z.literal('intake_interview'), on, note }),
  /** Convention d'accompagnement (Coopaname signs one before any contract). */
  z.strictObject({ kind: z.literal('support_agreement'), on, note }),
  /** Individual support interview: at least two a year (décret 2015-1363, cae-domain.md §1.2). */
  z.strictObject({ kind: z.literal('support_interview'), on, note }),
  /** CAPE, C. com. L127-1 s.: `end` is the last day of the first term (at most 12 months). */
  z.strictObject({ kind: z.literal('cape'), start: on, end: on, note }),
  /** Written renewal amendment of a CAPE, signed on `on`, extending it to `end` (C. com. L127-2). */
  z.strictObject({ kind: z.literal('cape_renewal'), contractId, on, end: on, note }),
  /** CESA, C. trav. L7331-2: open-ended, with a trial period (null when none) and a fixed monthly part. */
  z.strictObject({
    kind: z.literal('cesa'),
    start: on,
    trialEnd: on.nullable(),
    fixedMonthlyCents: cents,
    note,
  }),
  /** CESA amendment from `on`: a new fixed monthly part and/or a renewed trial period. */
  z.strictObject({
    kind: z.literal('cesa_amendment'),
    contractId,
    on,
    fixedMonthlyCents: cents.nullable().default(null),
    trialEnd: on.nullable().default(null),
    note,
  }),
  /** Early end of a contract; `on` is its last day. A contract ends at most once. */
  z.strictObject({ kind: z.literal('contract_end'), contractId, on, reason: EndReason, note }),
  /** Became an associate (the governance register will link to it). */
  z.strictObject({ kind: z.literal('associate'), on, note }),
  /** Left the cooperative; `on` is the last day. Every running contract ends that day. */
  z.strictObject({ kind: z.literal('exit'), on, reason: EndReason, note }),
]);
export type JourneyEntryInput = z.input<typeof JourneyEntryInput>;
export type JourneyEntryData = z.output<typeof JourneyEntryInput>;

/** A recorded entry: an id, and the amendment number for renewals and amendments (1, 2, 3…). */
export type JourneyEntry = JourneyEntryData & { id: string; number: number | null };

export const JourneyEntryView = z.intersection(
  JourneyEntryInput,
  z.object({ id: z.string(), number: z.number().int().nullable() }),
);

/** The date an entry happens on: a contract's start, otherwise its `on`. */
export function entryDate(entry: JourneyEntryData): CalendarDate {
  return 'start' in entry ? entry.start : entry.on;
}

export const isAmendment = (
  e: JourneyEntryData,
): e is Extract<JourneyEntryData, { kind: 'cape_renewal' | 'cesa_amendment' }> =>
  e.kind === 'cape_renewal' || e.kind === 'cesa_amendment';
