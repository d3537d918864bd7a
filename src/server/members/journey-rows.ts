import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import type { journeyEntries } from './members-tables.ts';

type Row = typeof journeyEntries.$inferSelect;
type Insert = typeof journeyEntries.$inferInsert;

/** A stored row as the core's journey entry. */
export function toJourneyEntry(r: Row): JourneyEntry {
  const base = { id: r.id, note: r.note, number: r.number };
  switch (r.kind) {
    case 'cape':
      return { ...base, kind: 'cape', start: r.onDate, end: r.endDate! };
    case 'cape_renewal':
      return { ...base, kind: 'cape_renewal', contractId: r.contractId!, on: r.onDate, end: r.endDate! };
    case 'cesa':
      return {
        ...base,
        kind: 'cesa',
        start: r.onDate,
        trialEnd: r.trialEnd,
        fixedMonthlyCents: Number(r.fixedMonthlyCents ?? 0),
      };
    case 'cesa_amendment':
      return {
        ...base,
        kind: 'cesa_amendment',
        contractId: r.contractId!,
        on: r.onDate,
        trialEnd: r.trialEnd,
        fixedMonthlyCents: r.fixedMonthlyCents === null ? null : Number(r.fixedMonthlyCents),
      };
    case 'contract_end':
      return {
        ...base,
        kind: 'contract_end',
        contractId: r.contractId!,
        on: r.onDate,
        reason: r.reason as never,
      };
    case 'exit':
      return { ...base, kind: 'exit', on: r.onDate, reason: r.reason as never };
    default:
      return { ...base, kind: r.kind, on: r.onDate };
  }
}

/** The columns of a journey entry, for an insert or an update. */
export function toJourneyRow(memberId: string, e: JourneyEntry, createdBy: string | null): Insert {
  const row: Insert = {
    id: e.id,
    memberId,
    kind: e.kind,
    number: e.number,
    onDate: 'start' in e ? e.start : e.on,
    note: e.note,
    createdBy,
    contractId: null,
    endDate: null,
    trialEnd: null,
    fixedMonthlyCents: null,
    reason: null,
  };
  if ('contractId' in e) row.contractId = e.contractId;
  if ('end' in e) row.endDate = e.end;
  if ('trialEnd' in e) row.trialEnd = e.trialEnd;
  if ('fixedMonthlyCents' in e) row.fixedMonthlyCents = e.fixedMonthlyCents;
  if ('reason' in e) row.reason = e.reason;
  return row;
}
