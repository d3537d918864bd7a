import { describe, expect, it } from 'vitest';
import {
  alertBucket,
  computeJourneyDeadlines,
  deadlineStatus,
  type JourneyDeadline,
  listJourneyAlerts,
} from './compute-journey-deadlines.ts';
import { journeyBuilder } from './journey-builder.ts';
import { listNextSteps } from './list-next-steps.ts';

const find = (list: JourneyDeadline[], kind: JourneyDeadline['kind']) => list.find((d) => d.kind === kind)!;

describe('computeJourneyDeadlines', () => {
  it('gives the CAPE term with the renewals left and the latest end they allow (C. com. L127-2)', () => {
    const b = journeyBuilder();
    const cape = b.cape('2026-01-01', '2026-06-30');
    let term = find(computeJourneyDeadlines(b.entries), 'cape_term');
    expect(term).toMatchObject({
      dueOn: '2026-06-30',
      citation: 'C. com. L127-2',
      met: false,
      details: { renewalsLeft: 2, latestPossibleEnd: '2028-06-30', renewals: 0 },
    });
    b.renew(cape, '2026-06-15', '2027-06-30');
    b.renew(cape, '2027-06-01', '2028-03-31');
    term = find(computeJourneyDeadlines(b.entries), 'cape_term');
    expect(term).toMatchObject({
      dueOn: '2028-03-31',
      details: { renewalsLeft: 0, latestPossibleEnd: '2028-03-31' },
    });
    expect(deadlineStatus(term, '2028-03-31')).toBe('upcoming');
    expect(deadlineStatus(term, '2028-04-01')).toBe('overdue');
    b.cesa('2028-04-01', null);
    expect(find(computeJourneyDeadlines(b.entries), 'cape_term').met).toBe(true);
  });

  it('gives the trial end and its legal maximum, shortened by the CAPE (C. trav. L7332-1)', () => {
    const b = journeyBuilder();
    b.cape('2025-10-01', '2025-12-29');
    b.cesa('2026-01-01', '2026-03-31');
    const trial = find(computeJourneyDeadlines(b.entries), 'trial_end');
    expect(trial).toMatchObject({
      dueOn: '2026-03-31',
      citation: 'C. trav. L7332-1',
      relevantUntil: '2026-03-31',
      details: { maxTrialEnd: '2026-06-02', priorDays: 90 },
    });
    // A trial period runs out by itself: never overdue.
    expect(deadlineStatus(trial, '2026-03-31')).toBe('upcoming');
    expect(deadlineStatus(trial, '2026-04-01')).toBe('closed');
  });

  it('gives the associate deadline: 3 years from the CESA minus earlier contracts (C. trav. L7331-3)', () => {
    const b = journeyBuilder();
    b.cesa('2026-01-01', null);
    expect(find(computeJourneyDeadlines(b.entries), 'associate')).toMatchObject({
      dueOn: '2028-12-31',
      citation: 'C. trav. L7331-3',
      met: false,
      relevantUntil: null,
    });
    const c = journeyBuilder();
    const cape = c.cape('2024-01-01', '2024-12-31'); // 366 days (2024 is a leap year)
    c.renew(cape, '2024-12-01', '2025-06-30'); // + 181 days
    c.cesa('2025-07-01', null);
    const assoc = find(computeJourneyDeadlines(c.entries), 'associate');
    expect(assoc.details.priorDays).toBe(547);
    expect(assoc.dueOn).toBe('2026-12-31'); // 2028-06-30 minus 547 days
    expect(deadlineStatus(assoc, '2026-12-31')).toBe('upcoming');
    expect(deadlineStatus(assoc, '2027-01-01')).toBe('overdue');
    c.associate('2026-11-01');
    expect(find(computeJourneyDeadlines(c.entries), 'associate').met).toBe(true);
  });

  it('closes the associate deadline of a CESA that ended before it', () => {
    const b = journeyBuilder();
    const cesa = b.cesa('2026-01-01', null);
    b.end(cesa, '2026-09-30', 'resignation');
    const d = find(computeJourneyDeadlines(b.entries), 'associate');
    expect(d.relevantUntil).toBe('2026-09-30');
    expect(deadlineStatus(d, '2026-10-01')).toBe('closed');
  });

  it('asks for the next support interview so that every 12 months hold two (décret 2015-1363)', () => {
    const b = journeyBuilder();
    b.cesa('2026-01-01', null);
    expect(find(computeJourneyDeadlines(b.entries), 'support_interview').dueOn).toBe('2026-12-31');
    b.interview('2026-02-10');
    expect(find(computeJourneyDeadlines(b.entries), 'support_interview').dueOn).toBe('2026-12-31');
    b.interview('2026-09-20');
    // The window ending on 10 Feb 2027 no longer holds the 10 Feb 2026 interview.
    const d = find(computeJourneyDeadlines(b.entries), 'support_interview');
    expect(d).toMatchObject({ dueOn: '2027-02-10', details: { lastInterviewOn: '2026-09-20', perYear: 2 } });
    b.interview('2027-01-15');
    expect(find(computeJourneyDeadlines(b.entries), 'support_interview').dueOn).toBe('2027-09-20');
  });

  it('has no deadline before a contract, and none that matters after the exit', () => {
    const b = journeyBuilder();
    b.info('2026-01-01');
    expect(computeJourneyDeadlines(b.entries)).toEqual([]);
    b.cesa('2026-02-01', '2026-05-31');
    b.exit('2026-04-30');
    for (const d of computeJourneyDeadlines(b.entries)) {
      expect(deadlineStatus(d, '2026-05-01')).toMatch(/closed|met/);
    }
  });
});

describe('alerts', () => {
  it('sorts due dates into overdue and 30/60/90-day buckets', () => {
    expect(alertBucket('2026-03-01', '2026-03-02')).toBe('overdue');
    expect(alertBucket('2026-03-02', '2026-03-02')).toBe('within30');
    expect(alertBucket('2026-04-01', '2026-03-02')).toBe('within30');
    expect(alertBucket('2026-04-02', '2026-03-02')).toBe('within60');
    expect(alertBucket('2026-05-31', '2026-03-02')).toBe('within90');
    expect(alertBucket('2026-06-01', '2026-03-02')).toBe(null);
  });

  it('lists what needs attention, soonest first, with days left', () => {
    const b = journeyBuilder();
    b.cape('2025-07-01', '2026-04-15');
    b.interview('2025-09-01');
    const alerts = listJourneyAlerts(computeJourneyDeadlines(b.entries), '2026-03-02');
    expect(alerts.map((a) => [a.kind, a.bucket, a.daysLeft])).toEqual([['cape_term', 'within60', 44]]);
    const later = listJourneyAlerts(computeJourneyDeadlines(b.entries), '2026-04-20');
    expect(later.map((a) => [a.kind, a.status])).toEqual([['cape_term', 'overdue']]);
  });
});

describe('listNextSteps', () => {
  it('tells a member under CESA their trial end and associate deadline', () => {
    const b = journeyBuilder();
    b.cesa('2026-01-01', '2026-06-30');
    const steps = listNextSteps(b.entries, '2026-03-02');
    expect(steps.map((s) => [s.code, s.dueOn])).toEqual([
      ['trial_end', '2026-06-30'],
      ['support_interview', '2026-12-31'],
      ['associate', '2028-12-31'],
    ]);
  });

  it('tells a newcomer what comes next, and an exited member nothing', () => {
    const b = journeyBuilder();
    expect(listNextSteps(b.entries, '2026-03-02').map((s) => s.code)).toEqual(['attend_information_meeting']);
    b.info('2026-02-01');
    expect(listNextSteps(b.entries, '2026-03-02').map((s) => s.code)).toEqual(['have_intake_interview']);
    b.exit('2026-02-15');
    expect(listNextSteps(b.entries, '2026-03-02')).toEqual([]);
  });
});
