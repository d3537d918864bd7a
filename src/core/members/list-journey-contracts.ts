import { addDays, type CalendarDate, daysInclusive, minDate } from './calendar-date.ts';
import { entryDate, type JourneyEntry } from './journey-schemas.ts';

type CapeRenewal = Extract<JourneyEntry, { kind: 'cape_renewal' }>;
type CesaAmendment = Extract<JourneyEntry, { kind: 'cesa_amendment' }>;

/** A contract of the journey with its amendments gathered and its effective end worked out. */
export type JourneyContract = {
  id: string;
  kind: 'cape' | 'cesa';
  start: CalendarDate;
  /** CAPE: last day of the latest term, renewals included. CESA: null (open-ended). */
  plannedEnd: CalendarDate | null;
  /** The early end recorded for it (the first one, if several were recorded). */
  endedOn: CalendarDate | null;
  /** The last day it runs: planned end, early end or exit, whichever comes first; null while open-ended. */
  effectiveEnd: CalendarDate | null;
  renewals: CapeRenewal[];
  amendments: CesaAmendment[];
  /** CESA: the trial period's last day after any renewal amendment; null when there is none. */
  trialEnd: CalendarDate | null;
  /** CESA: the fixed monthly part as first signed. */
  initialFixedMonthlyCents: number | null;
};

const byDateThenId = <T extends { on: string; id: string }>(a: T, b: T) =>
  a.on === b.on ? a.id.localeCompare(b.id) : a.on < b.on ? -1 : 1;

/**
 * The contracts of a journey in start order. Tolerant of an invalid timeline (the validator reports what
 * is wrong); on a valid one, the effective ends are exact.
 */
export function listJourneyContracts(entries: readonly JourneyEntry[]): JourneyContract[] {
  const exit = entries.find((e) => e.kind === 'exit');
  const contracts: JourneyContract[] = [];
  for (const e of entries) {
    if (e.kind !== 'cape' && e.kind !== 'cesa') continue;
    const renewals = entries
      .filter((r): r is CapeRenewal => r.kind === 'cape_renewal' && r.contractId === e.id)
      .sort(byDateThenId);
    const amendments = entries
      .filter((a): a is CesaAmendment => a.kind === 'cesa_amendment' && a.contractId === e.id)
      .sort(byDateThenId);
    const ends = entries
      .filter((x) => x.kind === 'contract_end' && x.contractId === e.id)
      .map(entryDate)
      .sort();
    const endedOn = ends[0] ?? null;
    let plannedEnd: CalendarDate | null = null;
    let trialEnd: CalendarDate | null = null;
    if (e.kind === 'cape') {
      plannedEnd = e.end;
      for (const r of renewals) if (r.end > plannedEnd) plannedEnd = r.end;
    } else {
      trialEnd = e.trialEnd;
      for (const a of amendments) if (a.trialEnd) trialEnd = a.trialEnd;
    }
    let effectiveEnd = plannedEnd;
    for (const d of [endedOn, exit?.on ?? null]) {
      if (d) effectiveEnd = effectiveEnd ? minDate(effectiveEnd, d) : d;
    }
    contracts.push({
      id: e.id,
      kind: e.kind,
      start: e.start,
      plannedEnd,
      endedOn,
      effectiveEnd,
      renewals,
      amendments,
      trialEnd,
      initialFixedMonthlyCents: e.kind === 'cesa' ? e.fixedMonthlyCents : null,
    });
  }
  return contracts.sort((a, b) =>
    a.start === b.start ? a.id.localeCompare(b.id) : a.start < b.start ? -1 : 1,
  );
}

/**
 * Days already spent under earlier contracts between the same parties before `date` (CAPE or a previous
 * CESA). They shorten the trial period (C. trav. L7332-1) and the delay to become an associate
 * (C. trav. L7331-3).
 */
export function priorContractDays(contracts: readonly JourneyContract[], date: CalendarDate): number {
  let days = 0;
  for (const c of contracts) {
    if (c.start >= date) continue;
    const dayBefore = addDays(date, -1);
    const end = c.effectiveEnd ? minDate(c.effectiveEnd, dayBefore) : dayBefore;
    if (end >= c.start) days += daysInclusive(c.start, end);
  }
  return days;
}

/** Whether a contract runs on a date (start and effective end included). */
export function isRunningOn(contract: JourneyContract, date: CalendarDate): boolean {
  return contract.start <= date && (contract.effectiveEnd === null || date <= contract.effectiveEnd);
}

/** The fixed monthly part of a CESA on a date, after the amendments in force by then. */
export function fixedMonthlyCentsOn(contract: JourneyContract, date: CalendarDate): number | null {
  if (contract.kind !== 'cesa') return null;
  let cents = contract.initialFixedMonthlyCents;
  for (const a of contract.amendments)
    if (a.on <= date && a.fixedMonthlyCents !== null) cents = a.fixedMonthlyCents;
  return cents;
}
