import { z } from 'zod';

/**
 * How an associate takes part in an assembly (cae-domain.md §3.2): in person, remotely (video or phone,
 * counted as present only if the statutes allow it, L225-107), by postal vote (a form received before the
 * meeting), represented by another associate, or by a proxy returned with no holder named ("pouvoir en
 * blanc", voted by the chair: for the resolutions the board backs, against the others).
 */
export const attendanceModes = ['present', 'remote', 'postal', 'represented', 'blankProxy'] as const;
export const AttendanceMode = z.enum(attendanceModes);
export type AttendanceMode = z.infer<typeof AttendanceMode>;

export type AttendanceEntry = {
  associateId: string;
  mode: AttendanceMode;
  /** The associate holding the proxy, for `represented` only. */
  proxyHolderId: string | null;
  /** SCIC college key; '' when the cooperative has no colleges. */
  college: string;
};

export type CountOptions = {
  remoteAttendance: boolean;
  postalVoting: boolean;
  /**
   * SARL: remote participation never counts for approving the annual accounts (L223-27, [41]); the
   * caller passes true for such a resolution of a SARL.
   */
  excludeRemote?: boolean;
};

export type ParticipantCounts = {
  present: number;
  remote: number;
  postal: number;
  represented: number;
  blankProxies: number;
  /** Everyone who counts for the quorum and as "present or represented". */
  total: number;
};

/** Whether one attendance entry counts, given how its proxy holder (if any) takes part. */
export function countsAsParticipant(
  entry: AttendanceEntry,
  byId: ReadonlyMap<string, AttendanceEntry>,
  options: CountOptions,
): boolean {
  switch (entry.mode) {
    case 'present':
      return true;
    case 'remote':
      return options.remoteAttendance && !options.excludeRemote;
    case 'postal':
      return options.postalVoting;
    case 'blankProxy':
      return true;
    case 'represented': {
      // Represented only through a holder who takes part in person (or remotely, when that counts).
      const holder = entry.proxyHolderId ? byId.get(entry.proxyHolderId) : undefined;
      return (
        holder !== undefined &&
        holder.associateId !== entry.associateId &&
        (holder.mode === 'present' || holder.mode === 'remote') &&
        countsAsParticipant(holder, byId, options)
      );
    }
  }
}

/** Counts who takes part, per mode; an associate appears at most once (the last entry wins). */
export function countParticipants(
  entries: readonly AttendanceEntry[],
  options: CountOptions,
): ParticipantCounts {
  const byId = new Map(entries.map((e) => [e.associateId, e]));
  const counts: ParticipantCounts = {
    present: 0,
    remote: 0,
    postal: 0,
    represented: 0,
    blankProxies: 0,
    total: 0,
  };
  for (const entry of byId.values()) {
    if (!countsAsParticipant(entry, byId, options)) continue;
    if (entry.mode === 'blankProxy') counts.blankProxies += 1;
    else counts[entry.mode] += 1;
    counts.total += 1;
  }
  return counts;
}

/** Participants per college (key '' without colleges), for the tally. */
export function countParticipantsByCollege(
  entries: readonly AttendanceEntry[],
  options: CountOptions,
): Map<string, ParticipantCounts> {
  const byId = new Map(entries.map((e) => [e.associateId, e]));
  const result = new Map<string, ParticipantCounts>();
  for (const entry of byId.values()) {
    if (!countsAsParticipant(entry, byId, options)) continue;
    let counts = result.get(entry.college);
    if (!counts) {
      counts = { present: 0, remote: 0, postal: 0, represented: 0, blankProxies: 0, total: 0 };
      result.set(entry.college, counts);
    }
    if (entry.mode === 'blankProxy') counts.blankProxies += 1;
    else counts[entry.mode] += 1;
    counts.total += 1;
  }
  return result;
}

/** The votes one associate casts: their own plus one per associate they represent (proxies held). */
export function votesHeldBy(
  holderId: string,
  entries: readonly AttendanceEntry[],
  options: CountOptions,
): number {
  const byId = new Map(entries.map((e) => [e.associateId, e]));
  const holder = byId.get(holderId);
  if (!holder || !countsAsParticipant(holder, byId, options)) return 0;
  if (holder.mode !== 'present' && holder.mode !== 'remote') return 1;
  let votes = 1;
  for (const e of byId.values())
    if (e.mode === 'represented' && e.proxyHolderId === holderId && countsAsParticipant(e, byId, options))
      votes += 1;
  return votes;
}
