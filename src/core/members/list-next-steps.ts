import type { CalendarDate } from './calendar-date.ts';
import { computeJourneyDeadlines, type DeadlineKind, deadlineStatus } from './compute-journey-deadlines.ts';
import { deriveJourneyStage } from './derive-journey-stage.ts';
import type { JourneyEntry, JourneyStage } from './journey-schemas.ts';

export const nextStepCodes = [
  'attend_information_meeting',
  'have_intake_interview',
  'sign_agreement_or_cape',
  'start_contract',
  'sign_new_contract_or_exit',
  'cape_term',
  'trial_end',
  'associate',
  'support_interview',
] as const;
export type NextStepCode = (typeof nextStepCodes)[number];

/** One next step of a journey, for the member's "my journey" page (the web words it in plain French). */
export type NextStep = {
  code: NextStepCode;
  dueOn: CalendarDate | null;
  overdue: boolean;
  citation: string | null;
  details: Record<string, string | number>;
};

const stageSteps: Partial<Record<JourneyStage, NextStepCode>> = {
  prospect: 'attend_information_meeting',
  information: 'have_intake_interview',
  intake: 'sign_agreement_or_cape',
  support: 'start_contract',
  between_contracts: 'sign_new_contract_or_exit',
};

/**
 * What comes next on a journey, seen from today: the step of the current stage, then every deadline still
 * open (whatever its distance), soonest first. An exited member has none.
 */
export function listNextSteps(entries: readonly JourneyEntry[], today: CalendarDate): NextStep[] {
  const stage = deriveJourneyStage(entries, today);
  if (stage === 'exited') return [];
  const steps: NextStep[] = [];
  const stageStep = stageSteps[stage];
  if (stageStep) steps.push({ code: stageStep, dueOn: null, overdue: false, citation: null, details: {} });
  for (const d of computeJourneyDeadlines(entries)) {
    const status = deadlineStatus(d, today);
    if (status !== 'upcoming' && status !== 'overdue') continue;
    steps.push({
      code: d.kind satisfies DeadlineKind,
      dueOn: d.dueOn,
      overdue: status === 'overdue',
      citation: d.citation,
      details: d.details,
    });
  }
  return steps;
}
