import { describe, expect, it } from 'vitest';
import { computeStageSchedule, deriveJourneyStage, stageOn } from './derive-journey-stage.ts';
import { journeyBuilder } from './journey-builder.ts';

function journey() {
  const b = journeyBuilder();
  b.info('2024-01-10');
  b.intake('2024-01-25');
  b.agreement('2024-02-01');
  const cape = b.cape('2024-03-01', '2024-08-31');
  b.renew(cape, '2024-08-15', '2025-02-28');
  b.cesa('2025-04-01', null);
  b.associate('2026-06-15');
  b.exit('2027-12-31', 'retirement');
  return b.entries;
}

describe('deriveJourneyStage', () => {
  it('derives each stage from the timeline, on the day it starts', () => {
    const e = journey();
    const at = (d: string) => deriveJourneyStage(e, d);
    expect(at('2024-01-09')).toBe('prospect');
    expect(at('2024-01-10')).toBe('information');
    expect(at('2024-01-25')).toBe('intake');
    expect(at('2024-02-01')).toBe('support');
    expect(at('2024-03-01')).toBe('cape');
    expect(at('2024-12-01')).toBe('cape'); // renewed
    expect(at('2025-02-28')).toBe('cape');
    expect(at('2025-03-01')).toBe('between_contracts');
    expect(at('2025-04-01')).toBe('cesa');
    expect(at('2026-06-15')).toBe('associate');
    expect(at('2027-12-31')).toBe('associate'); // the exit's day is the last day
    expect(at('2028-01-01')).toBe('exited');
  });

  it('ends a CAPE on its early end, and a journey with no record is a prospect', () => {
    const b = journeyBuilder();
    const cape = b.cape('2026-01-01', '2026-12-31');
    b.end(cape, '2026-04-30');
    expect(deriveJourneyStage(b.entries, '2026-04-30')).toBe('cape');
    expect(deriveJourneyStage(b.entries, '2026-05-01')).toBe('between_contracts');
    expect(deriveJourneyStage([], '2026-05-01')).toBe('prospect');
  });

  it('ignores steps dated in the future', () => {
    const b = journeyBuilder();
    b.info('2026-01-10');
    b.cape('2026-09-01', '2027-08-31');
    expect(deriveJourneyStage(b.entries, '2026-03-01')).toBe('information');
  });
});

describe('computeStageSchedule', () => {
  it('lists contiguous periods that agree with the derived stage', () => {
    const e = journey();
    const schedule = computeStageSchedule(e);
    expect(schedule.map((p) => p.stage)).toEqual([
      'prospect',
      'information',
      'intake',
      'support',
      'cape',
      'between_contracts',
      'cesa',
      'associate',
      'exited',
    ]);
    expect(schedule[0]).toEqual({ stage: 'prospect', from: null, to: '2024-01-09' });
    expect(schedule.at(-1)).toEqual({ stage: 'exited', from: '2028-01-01', to: null });
    expect(schedule.find((p) => p.stage === 'cape')).toEqual({
      stage: 'cape',
      from: '2024-03-01',
      to: '2025-02-28',
    });
    expect(stageOn(schedule, '2025-03-15')).toBe('between_contracts');
  });

  it('is a single prospect period for an empty timeline', () => {
    expect(computeStageSchedule([])).toEqual([{ stage: 'prospect', from: null, to: null }]);
  });
});
