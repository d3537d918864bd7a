import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../core/members/calendar-date.ts';
import { deriveJourneyStage } from '../../core/members/derive-journey-stage.ts';
import { validateJourney } from '../../core/members/validate-journey.ts';
import { journeyScenarios, materializeScenario, type ScenarioName } from './journey-scenarios.ts';

const expectedStage: Record<ScenarioName, string> = {
  information: 'information',
  intake: 'intake',
  support: 'support',
  cape_new: 'cape',
  cape_ending: 'cape',
  cape_renewed: 'cape',
  cape_last: 'cape',
  cape_overdue: 'between_contracts',
  cesa_trial: 'cesa',
  cesa_plain: 'cesa',
  cesa_assoc_soon: 'cesa',
  cesa_assoc_overdue: 'cesa',
  associate: 'associate',
  associate_old: 'associate',
  exited_resign: 'exited',
  exited_abandon: 'exited',
  between: 'between_contracts',
  exited_not_associate: 'exited',
  exited_retired: 'exited',
};

describe('journey scenarios of the demo and the generator', () => {
  it('follow every rule and reach their stage, whatever the day they are generated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const today = addDays('2024-01-01', offset);
        for (const [name, build] of Object.entries(journeyScenarios) as [
          ScenarioName,
          (t: string) => any,
        ][]) {
          let n = 0;
          const entries = materializeScenario(build(today), () => `id${++n}`);
          expect({ name, today, violations: validateJourney(entries) }).toEqual({
            name,
            today,
            violations: [],
          });
          expect({ name, stage: deriveJourneyStage(entries, today) }).toEqual({
            name,
            stage: expectedStage[name],
          });
        }
      }),
      { numRuns: 120 },
    );
  });
});
