import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, termEnd } from './calendar-date.ts';
import { computeJourneyDeadlines, deadlineStatus, listJourneyAlerts } from './compute-journey-deadlines.ts';
import { computeStageSchedule, deriveJourneyStage, stageOn } from './derive-journey-stage.ts';
import { journeyBuilder } from './journey-builder.ts';
import { listJourneyContracts } from './list-journey-contracts.ts';
import { validateJourney } from './validate-journey.ts';

/** Parameters of a legal journey; `build` turns them into a timeline that respects every rule. */
const journeyParams = fc.record({
  startOffset: fc.integer({ min: 0, max: 5000 }),
  steps: fc.integer({ min: 0, max: 3 }),
  cape: fc.option(
    fc.record({
      gap: fc.integer({ min: 0, max: 60 }),
      months: fc.integer({ min: 1, max: 12 }),
      renewals: fc.array(
        fc.record({ signBefore: fc.integer({ min: 0, max: 27 }), months: fc.integer({ min: 1, max: 12 }) }),
        {
          maxLength: 2,
        },
      ),
      earlyEndAfter: fc.option(fc.integer({ min: 0, max: 200 })),
    }),
  ),
  cesa: fc.option(
    fc.record({
      gap: fc.integer({ min: 1, max: 120 }),
      trialFraction: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      raises: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }),
      associateAfter: fc.option(fc.integer({ min: 0, max: 1500 })),
      endAfter: fc.option(fc.integer({ min: 0, max: 2000 })),
    }),
  ),
  interviews: fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 8 }),
  exitAfter: fc.option(fc.integer({ min: 0, max: 300 })),
});

type Params = typeof journeyParams extends fc.Arbitrary<infer T> ? T : never;

function build(p: Params) {
  const b = journeyBuilder();
  let day = addDays('2012-01-01', p.startOffset);
  if (p.steps >= 1) b.info(day);
  if (p.steps >= 2) {
    day = addDays(day, 10);
    b.intake(day);
  }
  if (p.steps >= 3) {
    day = addDays(day, 5);
    b.agreement(day);
  }
  let last = day;
  let firstContract: string | null = null;
  if (p.cape) {
    const start = addDays(day, p.cape.gap);
    firstContract ??= start;
    let end = termEnd(start, p.cape.months);
    let signed = start;
    const id = b.cape(start, end);
    for (const r of p.cape.renewals) {
      const on = addDays(end, -Math.min(r.signBefore, daysBetween(signed, end)));
      signed = on;
      const next = termEnd(addDays(end, 1), r.months);
      b.renew(id, on, next);
      end = next;
    }
    if (p.cape.earlyEndAfter !== null) {
      const earlyEnd = addDays(signed, Math.min(p.cape.earlyEndAfter, daysBetween(signed, end)));
      b.end(id, earlyEnd);
      end = earlyEnd;
    }
    last = end;
  }
  if (p.cesa) {
    const start = addDays(last, p.cesa.gap);
    firstContract ??= start;
    const prior = listJourneyContracts(b.entries).reduce(
      (n, c) => n + (c.effectiveEnd ? daysBetween(c.start, c.effectiveEnd) + 1 : 0),
      0,
    );
    const maxTrial = addDays(termEnd(start, 8), -prior);
    const trialEnd =
      p.cesa.trialFraction !== null && maxTrial >= start
        ? addDays(start, Math.floor(daysBetween(start, maxTrial) * p.cesa.trialFraction))
        : null;
    const id = b.cesa(start, trialEnd, 15_000);
    let at = start;
    for (const r of p.cesa.raises) {
      at = addDays(at, r);
      b.amend(id, at, { fixedMonthlyCents: 15_000 + r * 100 });
    }
    last = at;
    if (p.cesa.associateAfter !== null) {
      const on = addDays(start, p.cesa.associateAfter);
      b.associate(on);
      if (on > last) last = on;
    }
    if (p.cesa.endAfter !== null) {
      const end = addDays(last, p.cesa.endAfter);
      b.end(id, end);
      last = end;
    }
  }
  if (firstContract)
    for (const i of p.interviews)
      b.interview(addDays(firstContract, Math.min(i, daysBetween(firstContract, last))));
  if (p.exitAfter !== null) b.exit(addDays(last, p.exitAfter));
  return b;
}

const someDay = fc.integer({ min: -400, max: 9000 }).map((n) => addDays('2012-01-01', n));

describe('journey properties', () => {
  it('accepts every journey built by the rules', () => {
    fc.assert(
      fc.property(journeyParams, (p) => {
        expect(validateJourney(build(p).entries)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('stores a stage schedule that agrees with the stage derived on any day', () => {
    fc.assert(
      fc.property(journeyParams, fc.array(someDay, { minLength: 1, maxLength: 20 }), (p, days) => {
        const entries = build(p).entries;
        const schedule = computeStageSchedule(entries);
        for (let i = 1; i < schedule.length; i++) {
          expect(schedule[i]!.from).toBe(addDays(schedule[i - 1]!.to!, 1));
          expect(schedule[i]!.stage).not.toBe(schedule[i - 1]!.stage);
        }
        for (const d of days) expect(stageOn(schedule, d)).toBe(deriveJourneyStage(entries, d));
        // Every entry date and the day after each one too: the places where stages change.
        for (const e of entries) {
          const d = 'start' in e ? e.start : e.on;
          for (const x of [d, addDays(d, 1), addDays(d, -1)])
            expect(stageOn(schedule, x)).toBe(deriveJourneyStage(entries, x));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a third renewal added to any CAPE already renewed twice', () => {
    fc.assert(
      fc.property(journeyParams, (p) => {
        fc.pre(p.cape !== null && p.cape.renewals.length === 2 && p.cape.earlyEndAfter === null);
        const b = build({ ...p, cesa: null, exitAfter: null, interviews: [] });
        const cape = b.entries.find((e) => e.kind === 'cape')!;
        const term = listJourneyContracts(b.entries)[0]!.plannedEnd!;
        b.renew(cape.id, term, termEnd(addDays(term, 1), 3));
        expect(validateJourney(b.entries).map((v) => v.rule)).toContain('JOURNEY_CAPE_TOO_MANY_RENEWALS');
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any CAPE term stretched one day beyond 12 months', () => {
    fc.assert(
      fc.property(someDay, (start) => {
        const b = journeyBuilder();
        b.cape(start, addDays(termEnd(start, 12), 1));
        expect(validateJourney(b.entries).map((v) => v.rule)).toEqual(['JOURNEY_CAPE_TOO_LONG']);
      }),
    );
  });

  it('keeps every deadline within its legal bound', () => {
    fc.assert(
      fc.property(journeyParams, (p) => {
        const entries = build(p).entries;
        const contracts = listJourneyContracts(entries);
        for (const d of computeJourneyDeadlines(entries)) {
          const c = contracts.find((x) => x.id === d.contractId);
          if (d.kind === 'associate') expect(d.dueOn <= termEnd(c!.start, 36)).toBe(true);
          if (d.kind === 'trial_end') expect(d.dueOn <= termEnd(c!.start, 8)).toBe(true);
          if (d.kind === 'cape_term') {
            expect(d.dueOn <= termEnd(c!.start, 36)).toBe(true);
            expect(String(d.details.latestPossibleEnd) <= termEnd(c!.start, 36)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('raises an alert exactly for the open deadlines due within 90 days or overdue', () => {
    fc.assert(
      fc.property(journeyParams, someDay, (p, today) => {
        const deadlines = computeJourneyDeadlines(build(p).entries);
        const alerts = listJourneyAlerts(deadlines, today);
        const expected = deadlines.filter((d) => {
          const s = deadlineStatus(d, today);
          return s === 'overdue' || (s === 'upcoming' && daysBetween(today, d.dueOn) <= 90);
        });
        expect(alerts.length).toBe(expected.length);
        for (let i = 1; i < alerts.length; i++)
          expect(alerts[i]!.daysLeft).toBeGreaterThanOrEqual(alerts[i - 1]!.daysLeft);
        for (const a of alerts) expect(a.status === 'overdue').toBe(a.daysLeft < 0);
      }),
      { numRuns: 300 },
    );
  });
});
