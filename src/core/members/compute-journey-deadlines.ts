import { addDays, addMonths, type CalendarDate, daysBetween, minDate, termEnd } from './calendar-date.ts';
import { journeyLimits } from './journey-rules.ts';
import type { JourneyEntry } from './journey-schemas.ts';
import { listJourneyContracts, priorContractDays } from './list-journey-contracts.ts';
import { maxTrialEnd } from './validate-journey.ts';

export const deadlineKinds = ['cape_term', 'trial_end', 'associate', 'support_interview'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const deadlineCitations: Record<DeadlineKind, string> = {
  cape_term: 'C. com. L127-2',
  trial_end: 'C. trav. L7332-1',
  associate: 'C. trav. L7331-3',
  support_interview: 'Décret 2015-1363',
};

/**
 * A legal deadline of a journey. It does not depend on today: `met` says whether the timeline already
 * satisfies it, and `relevantUntil` when it stops mattering (the contract or the membership ended, or a
 * trial period simply ran out). Its status on a given day comes from `deadlineStatus`.
 */
export type JourneyDeadline = {
  kind: DeadlineKind;
  contractId: string | null;
  dueOn: CalendarDate;
  citation: string;
  met: boolean;
  relevantUntil: CalendarDate | null;
  details: Record<string, string | number>;
};

export type DeadlineStatus = 'upcoming' | 'overdue' | 'met' | 'closed';

/**
 * The deadlines of a timeline (assumed valid), in due-date order:
 * - cape_term: the last day of the CAPE's current term; met once followed by another contract, an early
 *   end or the exit; says how many renewals are left and the latest end they allow (C. com. L127-2).
 * - trial_end: the CESA trial period's last day, at most 8 months minus earlier contracts (C. trav. L7332-1).
 * - associate: the last day to become an associate, 3 years after the CESA starts minus earlier
 *   contracts; if missed, the contract ends (C. trav. L7331-3).
 * - support_interview: the last day for the next support interview so that every 12-month window of
 *   support holds at least two (décret 2015-1363).
 */
export function computeJourneyDeadlines(entries: readonly JourneyEntry[]): JourneyDeadline[] {
  const contracts = listJourneyContracts(entries);
  const exit = entries.find((e) => e.kind === 'exit');
  const associate = entries.find((e) => e.kind === 'associate');
  const cap = (d: CalendarDate | null): CalendarDate | null =>
    exit ? (d === null ? exit.on : minDate(d, exit.on)) : d;
  const deadlines: JourneyDeadline[] = [];

  for (const c of contracts) {
    const others = contracts.filter((o) => o.id !== c.id);
    if (c.kind === 'cape' && c.plannedEnd) {
      const renewalsLeft = Math.max(0, journeyLimits.capeMaxRenewals - c.renewals.length);
      let latestPossibleEnd = c.plannedEnd;
      for (let i = 0; i < renewalsLeft; i++)
        latestPossibleEnd = termEnd(addDays(latestPossibleEnd, 1), journeyLimits.capeTermMonths);
      const followedUp =
        (c.endedOn !== null && c.endedOn <= c.plannedEnd) ||
        others.some((o) => o.start > c.start) ||
        exit !== undefined;
      deadlines.push({
        kind: 'cape_term',
        contractId: c.id,
        dueOn: c.plannedEnd,
        citation: deadlineCitations.cape_term,
        met: followedUp,
        relevantUntil: cap(null),
        details: { renewalsLeft, latestPossibleEnd, renewals: c.renewals.length },
      });
    }
    if (c.kind === 'cesa') {
      const prior = priorContractDays(others, c.start);
      if (c.trialEnd !== null) {
        deadlines.push({
          kind: 'trial_end',
          contractId: c.id,
          dueOn: c.trialEnd,
          citation: deadlineCitations.trial_end,
          met: false,
          relevantUntil: cap(c.effectiveEnd ? minDate(c.trialEnd, c.effectiveEnd) : c.trialEnd),
          details: { maxTrialEnd: maxTrialEnd(c.start, prior), priorDays: prior },
        });
      }
      // C. trav. L7331-3: "dans un délai maximal de trois ans", reduced by the earlier contracts.
      const dueOn = addDays(termEnd(c.start, journeyLimits.associateWithinMonths), -prior);
      deadlines.push({
        kind: 'associate',
        contractId: c.id,
        dueOn,
        citation: deadlineCitations.associate,
        met: associate !== undefined,
        relevantUntil: cap(c.effectiveEnd),
        details: { priorDays: prior, ...(associate ? { associateOn: associate.on } : {}) },
      });
    }
  }

  const first = contracts[0];
  if (first) {
    const interviews = entries
      .filter((e) => e.kind === 'support_interview' && e.on >= first.start)
      .map((e) => (e as { on: CalendarDate }).on)
      .sort();
    const secondLatest = interviews.length >= 2 ? interviews[interviews.length - 2]! : null;
    // The window of 12 months ending on day d holds the days after d minus 12 months: the older of the
    // last two interviews leaves it 12 months after it was held, and a new one is due that day.
    const dueOn = secondLatest ? addMonths(secondLatest, 12) : termEnd(first.start, 12);
    const last = contracts[contracts.length - 1]!;
    deadlines.push({
      kind: 'support_interview',
      contractId: null,
      dueOn,
      citation: deadlineCitations.support_interview,
      met: false,
      relevantUntil: cap(last.effectiveEnd),
      details: {
        perYear: journeyLimits.supportInterviewsPerYear,
        ...(interviews.length ? { lastInterviewOn: interviews[interviews.length - 1]! } : {}),
      },
    });
  }
  return deadlines.sort((a, b) =>
    a.dueOn === b.dueOn ? a.kind.localeCompare(b.kind) : a.dueOn < b.dueOn ? -1 : 1,
  );
}

/** Where a deadline stands on a day. */
export function deadlineStatus(deadline: JourneyDeadline, today: CalendarDate): DeadlineStatus {
  if (deadline.met) return 'met';
  if (deadline.relevantUntil !== null && today > deadline.relevantUntil) return 'closed';
  return deadline.dueOn < today ? 'overdue' : 'upcoming';
}

export const alertBuckets = ['overdue', 'within30', 'within60', 'within90'] as const;
export type AlertBucket = (typeof alertBuckets)[number];

export type JourneyAlert = JourneyDeadline & {
  status: 'upcoming' | 'overdue';
  /** Days from today to the due date (negative when overdue). */
  daysLeft: number;
  bucket: AlertBucket;
};

/** Which alert bucket a due date falls in, seen from today: overdue, or due within 30, 60 or 90 days. */
export function alertBucket(dueOn: CalendarDate, today: CalendarDate): AlertBucket | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) return 'overdue';
  if (days <= 30) return 'within30';
  if (days <= 60) return 'within60';
  if (days <= 90) return 'within90';
  return null;
}

/** The deadlines that need attention today: overdue ones, and those due within 90 days, soonest first. */
export function listJourneyAlerts(
  deadlines: readonly JourneyDeadline[],
  today: CalendarDate,
): JourneyAlert[] {
  const alerts: JourneyAlert[] = [];
  for (const d of deadlines) {
    const status = deadlineStatus(d, today);
    if (status !== 'upcoming' && status !== 'overdue') continue;
    const bucket = alertBucket(d.dueOn, today);
    if (!bucket) continue;
    alerts.push({ ...d, status, daysLeft: daysBetween(today, d.dueOn), bucket });
  }
  return alerts.sort((a, b) => a.daysLeft - b.daysLeft);
}
