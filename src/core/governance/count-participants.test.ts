import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { checkProxy } from './check-proxy.ts';
import {
  type AttendanceEntry,
  countParticipants,
  countParticipantsByCollege,
  votesHeldBy,
} from './count-participants.ts';

const e = (
  associateId: string,
  mode: AttendanceEntry['mode'],
  proxyHolderId: string | null = null,
  college = '',
): AttendanceEntry => ({
  associateId,
  mode,
  proxyHolderId,
  college,
});
const all = { remoteAttendance: true, postalVoting: true };

describe('countParticipants', () => {
  const entries = [
    e('ana', 'present'),
    e('bob', 'remote'),
    e('cyd', 'postal'),
    e('dan', 'represented', 'ana'),
    e('eve', 'represented', 'bob'),
    e('fay', 'blankProxy'),
  ];

  it('counts each way of taking part when the statutes allow them all', () => {
    expect(countParticipants(entries, all)).toEqual({
      present: 1,
      remote: 1,
      postal: 1,
      represented: 2,
      blankProxies: 1,
      total: 6,
    });
  });

  it('does not count remote participants (nor those they represent) unless the statutes allow it', () => {
    expect(countParticipants(entries, { remoteAttendance: false, postalVoting: true })).toMatchObject({
      remote: 0,
      represented: 1,
      total: 4,
    });
    expect(countParticipants(entries, { ...all, excludeRemote: true }).total).toBe(4);
  });

  it('does not count postal forms where postal voting is not allowed', () => {
    expect(countParticipants(entries, { remoteAttendance: true, postalVoting: false })).toMatchObject({
      postal: 0,
      total: 5,
    });
  });

  it('does not count an associate represented by someone who is absent, votes by post, or is themselves represented', () => {
    const chain = [
      e('ana', 'postal'),
      e('bob', 'represented', 'ana'),
      e('cyd', 'represented', 'dan'),
      e('dan', 'represented', 'eve'),
    ];
    expect(countParticipants(chain, all)).toMatchObject({ postal: 1, represented: 0, total: 1 });
    expect(countParticipants([e('bob', 'represented', 'bob')], all).total).toBe(0);
  });

  it('counts per college', () => {
    const byCollege = countParticipantsByCollege(
      [e('a', 'present', null, 'x'), e('b', 'represented', 'a', 'y'), e('c', 'postal', null, 'y')],
      all,
    );
    expect(byCollege.get('x')!.total).toBe(1);
    expect(byCollege.get('y')).toMatchObject({ represented: 1, postal: 1, total: 2 });
  });

  it('gives a holder one vote plus one per proxy held; none to an absent associate', () => {
    expect(votesHeldBy('ana', entries, all)).toBe(2);
    expect(votesHeldBy('bob', entries, all)).toBe(2);
    expect(votesHeldBy('bob', entries, { ...all, remoteAttendance: false })).toBe(0);
    expect(votesHeldBy('cyd', entries, all)).toBe(1);
    expect(votesHeldBy('zed', entries, all)).toBe(0);
  });
});

describe('checkProxy', () => {
  const associates = new Set(['ana', 'bob', 'cyd', 'dan', 'eve']);
  const code = (f: () => void) => {
    try {
      f();
      return null;
    } catch (err) {
      return err instanceof AppError ? err.code : String(err);
    }
  };

  it('accepts a proxy to another associate under the cap', () => {
    expect(
      code(() =>
        checkProxy({
          principalId: 'bob',
          holderId: 'ana',
          associateIds: associates,
          entries: [e('ana', 'present')],
          cap: 1,
        }),
      ),
    ).toBeNull();
  });

  it('refuses a proxy to a non-associate, to oneself, from a non-associate, or to someone not attending in person', () => {
    const base = { associateIds: associates, entries: [e('cyd', 'postal')], cap: 1 };
    expect(code(() => checkProxy({ ...base, principalId: 'bob', holderId: 'stranger' }))).toBe(
      'PROXY_HOLDER_NOT_ASSOCIATE',
    );
    expect(code(() => checkProxy({ ...base, principalId: 'bob', holderId: 'bob' }))).toBe('PROXY_TO_SELF');
    expect(code(() => checkProxy({ ...base, principalId: 'stranger', holderId: 'bob' }))).toBe(
      'VOTER_NOT_ASSOCIATE',
    );
    expect(code(() => checkProxy({ ...base, principalId: 'bob', holderId: 'cyd' }))).toBe(
      'PROXY_HOLDER_ABSENT',
    );
  });

  it('refuses the proxy one beyond the cap, and accepts the one at the cap', () => {
    const entries = [e('ana', 'present'), e('bob', 'represented', 'ana')];
    expect(
      code(() =>
        checkProxy({ principalId: 'cyd', holderId: 'ana', associateIds: associates, entries, cap: 2 }),
      ),
    ).toBeNull();
    const full = [...entries, e('cyd', 'represented', 'ana')];
    expect(
      code(() =>
        checkProxy({ principalId: 'dan', holderId: 'ana', associateIds: associates, entries: full, cap: 2 }),
      ),
    ).toBe('PROXY_CAP_EXCEEDED');
    // Re-giving the same principal's proxy to the same holder does not count it twice.
    expect(
      code(() =>
        checkProxy({ principalId: 'cyd', holderId: 'ana', associateIds: associates, entries: full, cap: 2 }),
      ),
    ).toBeNull();
  });
});
