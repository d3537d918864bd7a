import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { addDays } from '../members/calendar-date.ts';
import { checkNoticeDelay, latestNoticeDate, noticeDelayDays } from './notice-delay.ts';

const legal = { first: 15, second: 10 };
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, ...e.details } : e;
  }
  return null;
};

describe('notice delay', () => {
  it('accepts a first-call notice sent 15 days ahead and refuses one sent 14 days ahead', () => {
    expect(
      refusal(() =>
        checkNoticeDelay({ sentOn: '2026-03-01', meetingOn: '2026-03-16', call: 'first', statutory: legal }),
      ),
    ).toBeNull();
    expect(
      refusal(() =>
        checkNoticeDelay({ sentOn: '2026-03-02', meetingOn: '2026-03-16', call: 'first', statutory: legal }),
      ),
    ).toEqual({
      code: 'NOTICE_TOO_LATE',
      required: 15,
      given: 14,
      latestOn: '2026-03-01',
    });
  });

  it('asks 10 days on second call: 10 pass, 9 do not', () => {
    expect(
      refusal(() =>
        checkNoticeDelay({ sentOn: '2026-06-20', meetingOn: '2026-06-30', call: 'second', statutory: legal }),
      ),
    ).toBeNull();
    expect(
      refusal(() =>
        checkNoticeDelay({ sentOn: '2026-06-21', meetingOn: '2026-06-30', call: 'second', statutory: legal }),
      ),
    ).toMatchObject({ code: 'NOTICE_TOO_LATE', required: 10, given: 9 });
  });

  it("applies the statutes' longer delay, and never a shorter one", () => {
    expect(noticeDelayDays('first', { first: 21, second: 10 })).toBe(21);
    expect(noticeDelayDays('first', { first: 8, second: 3 })).toBe(15);
    expect(noticeDelayDays('second', { first: 8, second: 3 })).toBe(10);
    expect(latestNoticeDate('2026-03-22', 'first', { first: 21, second: 10 })).toBe('2026-03-01');
  });

  it('counts across months and leap days', () => {
    expect(latestNoticeDate('2028-03-10', 'first', legal)).toBe('2028-02-24');
  });

  it('accepts exactly the notices sent on or before the latest date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: -40, max: 40 }),
        fc.constantFrom('first' as const, 'second' as const),
        fc.integer({ min: 1, max: 60 }),
        (offset, shift, call, statutory) => {
          const meetingOn = addDays('2026-01-01', offset);
          const latest = latestNoticeDate(meetingOn, call, { first: statutory, second: statutory });
          const sentOn = addDays(latest, shift);
          const ok =
            refusal(() =>
              checkNoticeDelay({
                sentOn,
                meetingOn,
                call,
                statutory: { first: statutory, second: statutory },
              }),
            ) === null;
          expect(ok).toBe(shift <= 0);
        },
      ),
    );
  });
});
