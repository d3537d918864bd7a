import { addDays, type CalendarDate } from './calendar-date.ts';
import { entryDate, type JourneyEntry, type JourneyStage } from './journey-schemas.ts';
import { isRunningOn, listJourneyContracts } from './list-journey-contracts.ts';

/**
 * The stage of a journey on a date, derived from the timeline (never typed by hand): exited after the
 * exit's last day; associate from the associate date; under a CESA or a CAPE while one runs; between
 * contracts once a contract has ended with nothing after it; otherwise the furthest reception step reached.
 */
export function deriveJourneyStage(entries: readonly JourneyEntry[], today: CalendarDate): JourneyStage {
  const exit = entries.find((e) => e.kind === 'exit');
  if (exit && today > exit.on) return 'exited';
  if (entries.some((e) => e.kind === 'associate' && e.on <= today)) return 'associate';
  const contracts = listJourneyContracts(entries);
  const running = contracts.find((c) => isRunningOn(c, today));
  if (running) return running.kind;
  if (contracts.some((c) => c.start <= today)) return 'between_contracts';
  const reached = (kind: JourneyEntry['kind']) =>
    entries.some((e) => e.kind === kind && entryDate(e) <= today);
  if (reached('support_agreement')) return 'support';
  if (reached('intake_interview')) return 'intake';
  if (reached('information_meeting')) return 'information';
  return 'prospect';
}

/** One period of a stage: from `from` (null: since always) to `to` included (null: from then on). */
export type StagePeriod = { stage: JourneyStage; from: CalendarDate | null; to: CalendarDate | null };

/**
 * The whole stage history and future of a timeline as contiguous periods, so that the server can store it
 * and find "everyone under CAPE today" with one indexed query. The stage can change only on an entry date,
 * a contract start, or the day after a contract or the membership ends.
 */
export function computeStageSchedule(entries: readonly JourneyEntry[]): StagePeriod[] {
  const changes = new Set<CalendarDate>();
  for (const e of entries) changes.add(entryDate(e));
  for (const c of listJourneyContracts(entries)) {
    changes.add(c.start);
    if (c.effectiveEnd) changes.add(addDays(c.effectiveEnd, 1));
  }
  const exit = entries.find((e) => e.kind === 'exit');
  if (exit) changes.add(addDays(exit.on, 1));
  const periods: StagePeriod[] = [{ stage: 'prospect', from: null, to: null }];
  for (const day of [...changes].sort()) {
    const stage = deriveJourneyStage(entries, day);
    const last = periods[periods.length - 1]!;
    if (stage === last.stage) continue;
    last.to = addDays(day, -1);
    periods.push({ stage, from: day, to: null });
  }
  return periods;
}

/** The stage on a date, read from a schedule. */
export function stageOn(schedule: readonly StagePeriod[], date: CalendarDate): JourneyStage {
  for (const p of schedule) {
    if ((p.from === null || p.from <= date) && (p.to === null || date <= p.to)) return p.stage;
  }
  return 'prospect';
}
