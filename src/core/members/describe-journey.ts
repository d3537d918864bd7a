import { type CalendarDate, daysBetween } from './calendar-date.ts';
import { alertBucket, computeJourneyDeadlines, deadlineStatus } from './compute-journey-deadlines.ts';
import { computeStageSchedule, stageOn } from './derive-journey-stage.ts';
import { entryDate, type JourneyEntry } from './journey-schemas.ts';
import { fixedMonthlyCentsOn, isRunningOn, listJourneyContracts } from './list-journey-contracts.ts';
import { listNextSteps } from './list-next-steps.ts';
import type { JourneyView } from './member-schemas.ts';

/** Everything the journey screens show, computed from the timeline as seen on `today`. */
export function describeJourney(
  memberId: string,
  entries: readonly JourneyEntry[],
  today: CalendarDate,
): JourneyView {
  const schedule = computeStageSchedule(entries);
  const cesa = listJourneyContracts(entries).find((c) => c.kind === 'cesa' && isRunningOn(c, today));
  return {
    memberId,
    today,
    stage: stageOn(schedule, today),
    entries: [...entries].sort((a, b) => {
      const da = entryDate(a);
      const db = entryDate(b);
      return da === db ? 0 : da < db ? -1 : 1;
    }),
    stages: schedule,
    deadlines: computeJourneyDeadlines(entries).map((d) => {
      const status = deadlineStatus(d, today);
      return {
        kind: d.kind,
        contractId: d.contractId,
        dueOn: d.dueOn,
        citation: d.citation,
        status,
        daysLeft: daysBetween(today, d.dueOn),
        bucket: status === 'upcoming' || status === 'overdue' ? alertBucket(d.dueOn, today) : null,
        details: d.details,
      };
    }),
    nextSteps: listNextSteps(entries, today),
    fixedMonthlyCents: cesa ? fixedMonthlyCentsOn(cesa, today) : null,
  };
}
