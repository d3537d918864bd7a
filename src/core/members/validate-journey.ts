import { AppError } from '../errors/app-error.ts';
import { addDays, type CalendarDate, termEnd } from './calendar-date.ts';
import { type JourneyRule, type JourneyViolation, journeyLimits, journeyRules } from './journey-rules.ts';
import { entryDate, type JourneyEntry } from './journey-schemas.ts';
import { type JourneyContract, listJourneyContracts, priorContractDays } from './list-journey-contracts.ts';

/** The latest trial end a CESA starting on `start` allows after `priorDays` of earlier contracts. */
export function maxTrialEnd(start: CalendarDate, priorDays: number): CalendarDate {
  return addDays(termEnd(start, journeyLimits.trialMaxMonths), -priorDays);
}

/**
 * Every rule the timeline breaks, in date order (an empty list means it is legal). Rules: dates in order,
 * CAPE terms of at most 12 months renewed at most twice by an amendment signed before the term
 * (C. com. L127-2), a trial period of at most 8 months minus earlier contracts (C. trav. L7332-1), no two
 * contracts at once, associate only after a CESA has started, a contract ends at most once, nothing after
 * the exit, amendments numbered 1, 2, 3… in date order.
 */
export function validateJourney(entries: readonly JourneyEntry[]): JourneyViolation[] {
  const found: { at: CalendarDate; v: JourneyViolation }[] = [];
  const report = (rule: JourneyRule, entry: JourneyEntry, details: Record<string, string | number> = {}) =>
    found.push({
      at: entryDate(entry),
      v: { rule, citation: journeyRules[rule].citation, entryId: entry.id, details },
    });

  const contracts = listJourneyContracts(entries);
  const byId = new Map(contracts.map((c) => [c.id, c]));

  // Singletons: one exit, one associate date.
  for (const kind of ['exit', 'associate'] as const) {
    const list = entries
      .filter((e) => e.kind === kind)
      .sort((a, b) => (entryDate(a) < entryDate(b) ? -1 : 1));
    for (const extra of list.slice(1)) report('JOURNEY_DUPLICATE_ENTRY', extra, { kind });
  }

  // Nothing after the exit.
  const exit = entries.find((e) => e.kind === 'exit');
  if (exit) {
    for (const e of entries) {
      if (e.id !== exit.id && entryDate(e) > exit.on)
        report('JOURNEY_ENTRY_AFTER_EXIT', e, { exitOn: exit.on });
    }
  }

  // Amendments and ends must refer to a contract of the right kind.
  for (const e of entries) {
    if (e.kind !== 'cape_renewal' && e.kind !== 'cesa_amendment' && e.kind !== 'contract_end') continue;
    const target = byId.get(e.contractId);
    const expected = e.kind === 'cape_renewal' ? 'cape' : e.kind === 'cesa_amendment' ? 'cesa' : null;
    if (!target || (expected && target.kind !== expected)) report('JOURNEY_UNKNOWN_CONTRACT', e);
  }

  for (const c of contracts) {
    const entry = entries.find((e) => e.id === c.id)!;
    if (entry.kind === 'cape') checkCape(entry, c, entries, report);
    if (entry.kind === 'cesa') checkCesa(entry, c, contracts, report);
    checkEnds(c, entries, report);
  }

  checkOverlaps(contracts, entries, report);

  // Associate: as a salaried entrepreneur, so once a CESA has started (C. trav. L7331-2).
  for (const a of entries) {
    if (a.kind !== 'associate') continue;
    if (!contracts.some((c) => c.kind === 'cesa' && c.start <= a.on))
      report('JOURNEY_ASSOCIATE_BEFORE_CONTRACT', a);
  }

  return found.sort((x, y) => (x.at === y.at ? 0 : x.at < y.at ? -1 : 1)).map((f) => f.v);
}

type Report = (rule: JourneyRule, entry: JourneyEntry, details?: Record<string, string | number>) => void;

function checkNumbering(amendments: readonly JourneyEntry[], report: Report) {
  amendments.forEach((a, i) => {
    if (a.number !== null && a.number !== i + 1)
      report('JOURNEY_AMENDMENT_NUMBERING', a, { expected: i + 1 });
  });
}

function checkCape(
  cape: Extract<JourneyEntry, { kind: 'cape' }>,
  contract: JourneyContract,
  entries: readonly JourneyEntry[],
  report: Report,
) {
  if (cape.end < cape.start)
    report('JOURNEY_DATES_OUT_OF_ORDER', cape, { date: cape.end, after: cape.start });
  else {
    const maxEnd = termEnd(cape.start, journeyLimits.capeTermMonths);
    if (cape.end > maxEnd) report('JOURNEY_CAPE_TOO_LONG', cape, { maxEnd });
  }
  checkNumbering(contract.renewals, report);
  const endedOn = earlyEnd(contract, entries);
  let currentEnd = cape.end;
  contract.renewals.forEach((r, i) => {
    if (i >= journeyLimits.capeMaxRenewals) {
      report('JOURNEY_CAPE_TOO_MANY_RENEWALS', r, { max: journeyLimits.capeMaxRenewals });
      return;
    }
    if (r.on < cape.start) report('JOURNEY_DATES_OUT_OF_ORDER', r, { date: r.on, after: cape.start });
    else if (endedOn && r.on > endedOn) report('JOURNEY_AMENDMENT_AFTER_END', r, { endedOn });
    else if (r.on > currentEnd) report('JOURNEY_CAPE_RENEWAL_AFTER_TERM', r, { end: currentEnd });
    if (r.end <= currentEnd) report('JOURNEY_DATES_OUT_OF_ORDER', r, { date: r.end, after: currentEnd });
    else {
      const maxEnd = termEnd(addDays(currentEnd, 1), journeyLimits.capeTermMonths);
      if (r.end > maxEnd) report('JOURNEY_CAPE_TOO_LONG', r, { maxEnd });
      currentEnd = r.end;
    }
  });
}

function checkCesa(
  cesa: Extract<JourneyEntry, { kind: 'cesa' }>,
  contract: JourneyContract,
  contracts: readonly JourneyContract[],
  report: Report,
) {
  // C. trav. L7332-1: 8 months, renewal included, minus the time already spent under earlier contracts.
  const prior = priorContractDays(
    contracts.filter((c) => c.id !== cesa.id),
    cesa.start,
  );
  const maxEnd = maxTrialEnd(cesa.start, prior);
  let trialEnd = cesa.trialEnd;
  if (trialEnd !== null) {
    if (trialEnd < cesa.start)
      report('JOURNEY_DATES_OUT_OF_ORDER', cesa, { date: trialEnd, after: cesa.start });
    else if (trialEnd > maxEnd) report('JOURNEY_TRIAL_TOO_LONG', cesa, { maxEnd, priorDays: prior });
  }
  checkNumbering(contract.amendments, report);
  for (const a of contract.amendments) {
    if (a.on < cesa.start) report('JOURNEY_DATES_OUT_OF_ORDER', a, { date: a.on, after: cesa.start });
    else if (contract.endedOn && a.on > contract.endedOn)
      report('JOURNEY_AMENDMENT_AFTER_END', a, { endedOn: contract.endedOn });
    if (a.trialEnd !== null) {
      if (trialEnd === null || a.on > trialEnd)
        report('JOURNEY_TRIAL_RENEWED_AFTER_END', a, { trialEnd: trialEnd ?? cesa.start });
      else if (a.trialEnd < cesa.start)
        report('JOURNEY_DATES_OUT_OF_ORDER', a, { date: a.trialEnd, after: cesa.start });
      else if (a.trialEnd > maxEnd) report('JOURNEY_TRIAL_TOO_LONG', a, { maxEnd, priorDays: prior });
      trialEnd = a.trialEnd;
    }
  }
}

/** The first early end recorded for a contract, if any. */
function earlyEnd(contract: JourneyContract, entries: readonly JourneyEntry[]): CalendarDate | null {
  return (
    entries
      .filter((e) => e.kind === 'contract_end' && e.contractId === contract.id)
      .map(entryDate)
      .sort()[0] ?? null
  );
}

/** A contract ends once: one early end at most, before its planned end, not before it starts. */
function checkEnds(contract: JourneyContract, entries: readonly JourneyEntry[], report: Report) {
  const ends = entries
    .filter(
      (e): e is Extract<JourneyEntry, { kind: 'contract_end' }> =>
        e.kind === 'contract_end' && e.contractId === contract.id,
    )
    .sort((a, b) => (a.on === b.on ? a.id.localeCompare(b.id) : a.on < b.on ? -1 : 1));
  ends.forEach((end, i) => {
    if (i > 0) report('JOURNEY_CONTRACT_ENDED_TWICE', end, { endedOn: ends[0]!.on });
    else if (end.on < contract.start)
      report('JOURNEY_DATES_OUT_OF_ORDER', end, { date: end.on, after: contract.start });
    else if (contract.plannedEnd && end.on > contract.plannedEnd)
      report('JOURNEY_CONTRACT_ENDED_TWICE', end, { endedOn: contract.plannedEnd });
  });
}

function checkOverlaps(
  contracts: readonly JourneyContract[],
  entries: readonly JourneyEntry[],
  report: Report,
) {
  // Sorted by start: each contract must have ended before the next one starts.
  for (let i = 1; i < contracts.length; i++) {
    const next = contracts[i]!;
    for (const earlier of contracts.slice(0, i)) {
      if (earlier.effectiveEnd === null || earlier.effectiveEnd >= next.start) {
        report('JOURNEY_CONTRACTS_OVERLAP', entries.find((e) => e.id === next.id)!, { date: next.start });
        break;
      }
    }
  }
}

/** Throws the first broken rule as an AppError whose code names it; details carry the citation. */
export function assertValidJourney(entries: readonly JourneyEntry[]): void {
  const [first] = validateJourney(entries);
  if (first)
    throw new AppError(first.rule, { ...first.details, citation: first.citation, entryId: first.entryId });
}
