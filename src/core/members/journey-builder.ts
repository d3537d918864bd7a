import type { JourneyEntry, JourneyEntryInput } from './journey-schemas.ts';
import { JourneyEntryInput as Schema } from './journey-schemas.ts';

/**
 * Builds timelines for tests: entries get ids e1, e2… in call order, and amendments are numbered in the
 * order they are added to their contract.
 */
export function journeyBuilder() {
  const entries: JourneyEntry[] = [];
  const add = (input: JourneyEntryInput): string => {
    const data = Schema.parse(input);
    const id = `e${entries.length + 1}`;
    const number =
      data.kind === 'cape_renewal' || data.kind === 'cesa_amendment'
        ? entries.filter(
            (e) =>
              (e.kind === 'cape_renewal' || e.kind === 'cesa_amendment') && e.contractId === data.contractId,
          ).length + 1
        : null;
    entries.push({ ...data, id, number });
    return id;
  };
  return {
    entries,
    add,
    info: (on: string) => add({ kind: 'information_meeting', on }),
    intake: (on: string) => add({ kind: 'intake_interview', on }),
    agreement: (on: string) => add({ kind: 'support_agreement', on }),
    interview: (on: string) => add({ kind: 'support_interview', on }),
    cape: (start: string, end: string) => add({ kind: 'cape', start, end }),
    renew: (contractId: string, on: string, end: string) =>
      add({ kind: 'cape_renewal', contractId, on, end }),
    cesa: (start: string, trialEnd: string | null, fixedMonthlyCents = 15_000) =>
      add({ kind: 'cesa', start, trialEnd, fixedMonthlyCents }),
    amend: (contractId: string, on: string, change: { fixedMonthlyCents?: number; trialEnd?: string }) =>
      add({ kind: 'cesa_amendment', contractId, on, ...change }),
    end: (contractId: string, on: string, reason: 'resignation' | 'mutual_termination' = 'resignation') =>
      add({ kind: 'contract_end', contractId, on, reason }),
    associate: (on: string) => add({ kind: 'associate', on }),
    exit: (on: string, reason: 'resignation' | 'retirement' = 'resignation') =>
      add({ kind: 'exit', on, reason }),
  };
}
