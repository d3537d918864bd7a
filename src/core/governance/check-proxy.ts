import { AppError } from '../errors/app-error.ts';
import type { AttendanceEntry } from './count-participants.ts';

/**
 * Refuses a proxy the law does not allow (cae-domain.md §3.2, [34]): an associate can be represented only
 * by another associate, who does not delegate in turn, and who holds no more proxies than the cap. The
 * holder's own attendance is decided at the meeting; a proxy whose holder does not come does not count.
 */
export function checkProxy(input: {
  principalId: string;
  holderId: string;
  /** Associates entitled to vote at this assembly. */
  associateIds: ReadonlySet<string>;
  /** Attendance recorded so far, without the principal's own entry. */
  entries: readonly AttendanceEntry[];
  cap: number;
}): void {
  const { principalId, holderId } = input;
  if (!input.associateIds.has(principalId))
    throw new AppError('VOTER_NOT_ASSOCIATE', { associateId: principalId });
  if (principalId === holderId) throw new AppError('PROXY_TO_SELF');
  if (!input.associateIds.has(holderId))
    throw new AppError('PROXY_HOLDER_NOT_ASSOCIATE', { associateId: holderId });
  const holder = input.entries.find((e) => e.associateId === holderId);
  if (holder && holder.mode !== 'present' && holder.mode !== 'remote')
    throw new AppError('PROXY_HOLDER_ABSENT', { associateId: holderId });
  const held = input.entries.filter(
    (e) => e.mode === 'represented' && e.proxyHolderId === holderId && e.associateId !== principalId,
  ).length;
  if (held >= input.cap) throw new AppError('PROXY_CAP_EXCEEDED', { cap: input.cap, held });
}
