import { addDays, addMonths, type CalendarDate, termEnd } from '../../core/members/calendar-date.ts';
import type { JourneyEntry, JourneyEntryData } from '../../core/members/journey-schemas.ts';

/**
 * A step of a generated journey. Amendments and ends point to '@cape' or '@cesa', the contract of that
 * kind recorded earlier in the same journey.
 */
export type ScenarioStep = JourneyEntryData;

/** Journeys at every stage, dated relative to `today`, each following every rule of src/core/members. */
export const journeyScenarios = {
  information: (t) => [info(t, 0, -12)],
  intake: (t) => [info(t, -1, -5), intake(t, 0, -20)],
  support: (t) => [info(t, -2, 0), intake(t, -1, -15), step('support_agreement', at(t, 0, -10))],
  /** CAPE signed two months ago, for 12 months. */
  cape_new: (t) => {
    const start = at(t, -2, 0);
    return [
      info(t, -4, 0),
      intake(t, -3, -20),
      step('support_agreement', start),
      cape(start, termEnd(start, 12)),
      interview(t, -1, 0),
    ];
  },
  /** CAPE term in about 20 days: renew it or sign the CESA. */
  cape_ending: (t) => {
    const start = addDays(addMonths(at(t, 0, 19), -12), 1);
    return [
      step('information_meeting', addDays(start, -40)),
      step('intake_interview', addDays(start, -20)),
      cape(start, termEnd(start, 12)),
      step('support_interview', addMonths(start, 3)),
      step('support_interview', addMonths(start, 9)),
    ];
  },
  /** Renewed once; the new term ends in about 50 days. */
  cape_renewed: (t) => {
    const start = at(t, -14, 0);
    const end1 = termEnd(start, 6);
    return [
      info(t, -15, 0),
      cape(start, end1),
      interview(t, -11, 0),
      renewal(addDays(end1, -10), at(t, 0, 50)),
      interview(t, -5, 0),
    ];
  },
  /** Renewed twice: no renewal left, the CAPE ends in about 80 days (C. com. L127-2). */
  cape_last: (t) => {
    const start = at(t, -30, 0);
    const end1 = termEnd(start, 12);
    const end2 = termEnd(addDays(end1, 1), 12);
    return [
      info(t, -31, 0),
      cape(start, end1),
      interview(t, -26, 0),
      interview(t, -20, 0),
      renewal(addDays(end1, -15), end2),
      interview(t, -14, 0),
      interview(t, -8, 0),
      renewal(addDays(end2, -15), at(t, 0, 80)),
      interview(t, -2, 0),
    ];
  },
  /** CAPE ended six days ago with nothing recorded after it: an overdue alert. */
  cape_overdue: (t) => {
    const start = at(t, -12, -5);
    return [info(t, -13, 0), cape(start, termEnd(start, 12)), interview(t, -9, 0), interview(t, -3, 0)];
  },
  /** Three months of CAPE, then a CESA whose trial period ends in 25 days. */
  cesa_trial: (t) => {
    const capeStart = at(t, -5, 0);
    return [
      info(t, -6, 0),
      cape(capeStart, at(t, -2, -1)),
      interview(t, -4, 0),
      cesa(at(t, -2, 0), at(t, 0, 25), 15_000),
      interview(t, -1, 0),
    ];
  },
  /** Salaried for 18 months; two interviews a year. */
  cesa_plain: (t) => [
    info(t, -19, 0),
    cesa(at(t, -18, 0), at(t, -14, 0), 20_000),
    interview(t, -16, 0),
    interview(t, -11, 0),
    amendment(at(t, -6, 0), 45_000),
    interview(t, -6, 0),
    interview(t, -1, 0),
  ],
  /** 18 months of CAPE before the CESA: the associate deadline comes in about two months. */
  cesa_assoc_soon: (t) => {
    const capeStart = at(t, -34, 0);
    const end1 = termEnd(capeStart, 12);
    return [
      info(t, -35, 0),
      cape(capeStart, end1),
      renewal(addDays(end1, -20), termEnd(addDays(end1, 1), 6)),
      cesa(at(t, -16, 0), null, 30_000),
      interview(t, -13, 0),
      interview(t, -7, 0),
      interview(t, -2, 0),
    ];
  },
  /** Three years of CESA and still not an associate: the deadline has passed (C. trav. L7331-3). */
  cesa_assoc_overdue: (t) => {
    const start = at(t, -36, -20);
    return [
      cesa(start, termEnd(start, 3), 25_000),
      interview(t, -30, 0),
      interview(t, -24, 0),
      interview(t, -18, 0),
      interview(t, -12, 0),
      interview(t, -7, 0),
    ];
  },
  associate: (t) => {
    const capeStart = at(t, -40, 0);
    return [
      info(t, -41, 0),
      cape(capeStart, termEnd(capeStart, 12)),
      cesa(at(t, -28, 0), null, 40_000),
      step('associate', at(t, -10, 0)),
      interview(t, -8, 0),
      interview(t, -2, 0),
    ];
  },
  associate_old: (t) => [
    cesa(at(t, -60, 0), at(t, -56, 0), 50_000),
    step('associate', at(t, -40, 0)),
    interview(t, -11, 0),
    interview(t, -5, 0),
  ],
  exited_resign: (t) => [
    cesa(at(t, -30, 0), at(t, -26, 0), 20_000),
    interview(t, -20, 0),
    interview(t, -9, 0),
    exit(at(t, 0, -3), 'resignation'),
  ],
  exited_abandon: (t) => {
    const start = at(t, -10, 0);
    return [
      cape(start, termEnd(start, 12)),
      end('@cape', at(t, -4, 0), 'project_abandoned'),
      exit(at(t, -4, 0), 'project_abandoned'),
    ];
  },
  /** CAPE ended early last month, nothing signed since. */
  between: (t) => {
    const start = at(t, -8, 0);
    return [
      info(t, -9, 0),
      cape(start, termEnd(start, 12)),
      interview(t, -5, 0),
      end('@cape', at(t, -1, 0), 'other'),
    ];
  },
  exited_not_associate: (t) => {
    const start = at(t, -40, 0);
    return [
      cesa(start, at(t, -36, 0), 15_000),
      interview(t, -34, 0),
      interview(t, -28, 0),
      exit(addDays(termEnd(start, 36), 0), 'not_associate_in_time'),
    ];
  },
  exited_retired: (t) => [
    cesa(at(t, -80, 0), at(t, -76, 0), 60_000),
    step('associate', at(t, -60, 0)),
    interview(t, -8, 0),
    exit(at(t, -2, 0), 'retirement'),
  ],
} satisfies Record<string, (today: CalendarDate) => ScenarioStep[]>;
export type ScenarioName = keyof typeof journeyScenarios;

function at(today: CalendarDate, months: number, days: number): CalendarDate {
  return addDays(addMonths(today, months), days);
}
function step(
  kind: 'information_meeting' | 'intake_interview' | 'support_agreement' | 'support_interview' | 'associate',
  on: CalendarDate,
): ScenarioStep {
  return { kind, on, note: '' };
}
const info = (t: CalendarDate, m: number, d: number) => step('information_meeting', at(t, m, d));
const intake = (t: CalendarDate, m: number, d: number) => step('intake_interview', at(t, m, d));
const interview = (t: CalendarDate, m: number, d: number) => step('support_interview', at(t, m, d));
const cape = (start: CalendarDate, end: CalendarDate): ScenarioStep => ({
  kind: 'cape',
  start,
  end,
  note: '',
});
const renewal = (on: CalendarDate, newEnd: CalendarDate): ScenarioStep => ({
  kind: 'cape_renewal',
  contractId: '@cape',
  on,
  end: newEnd,
  note: '',
});
const cesa = (
  start: CalendarDate,
  trialEnd: CalendarDate | null,
  fixedMonthlyCents: number,
): ScenarioStep => ({
  kind: 'cesa',
  start,
  trialEnd,
  fixedMonthlyCents,
  note: '',
});
const amendment = (on: CalendarDate, fixedMonthlyCents: number): ScenarioStep => ({
  kind: 'cesa_amendment',
  contractId: '@cesa',
  on,
  fixedMonthlyCents,
  trialEnd: null,
  note: '',
});
const end = (
  contractId: '@cape' | '@cesa',
  on: CalendarDate,
  reason: 'project_abandoned' | 'other',
): ScenarioStep => ({
  kind: 'contract_end',
  contractId,
  on,
  reason,
  note: '',
});
const exit = (
  on: CalendarDate,
  reason: 'resignation' | 'project_abandoned' | 'not_associate_in_time' | 'retirement',
): ScenarioStep => ({
  kind: 'exit',
  on,
  reason,
  note: '',
});

/** Turns scenario steps into journey entries: ids from `makeId`, '@cape'/'@cesa' resolved, amendments numbered. */
export function materializeScenario(steps: readonly ScenarioStep[], makeId: () => string): JourneyEntry[] {
  const latest: Record<string, string> = {};
  const numbers = new Map<string, number>();
  return steps.map((s) => {
    const id = makeId();
    if (s.kind === 'cape' || s.kind === 'cesa') latest[`@${s.kind}`] = id;
    if (!('contractId' in s)) return { ...s, id, number: null };
    const contractId = latest[s.contractId] ?? s.contractId;
    const isAmendment = s.kind === 'cape_renewal' || s.kind === 'cesa_amendment';
    const number = isAmendment ? (numbers.get(contractId) ?? 0) + 1 : null;
    if (number) numbers.set(contractId, number);
    return { ...s, contractId, id, number } as JourneyEntry;
  });
}
