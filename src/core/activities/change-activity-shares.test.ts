import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors/app-error.ts';
import { addDays } from '../members/calendar-date.ts';
import {
  changeActivityShares,
  equalSharesBp,
  findShareGap,
  formatPercent,
  sharesOn,
} from './change-activity-shares.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};

describe('activity shares', () => {
  it('starts a split, then changes it from a date, keeping the history', () => {
    let rows = changeActivityShares([], '2026-01-01', [{ memberId: 'a', shareBp: 10_000 }]);
    rows = changeActivityShares(rows, '2026-07-01', [
      { memberId: 'a', shareBp: 6_000 },
      { memberId: 'b', shareBp: 4_000 },
    ]);
    expect(rows).toEqual([
      { memberId: 'a', shareBp: 10_000, from: '2026-01-01', to: '2026-06-30' },
      { memberId: 'a', shareBp: 6_000, from: '2026-07-01', to: null },
      { memberId: 'b', shareBp: 4_000, from: '2026-07-01', to: null },
    ]);
    expect(sharesOn(rows, '2026-06-30').map((r) => r.shareBp)).toEqual([10_000]);
    expect(sharesOn(rows, '2026-07-01').length).toBe(2);
    expect(findShareGap(rows)).toBe(null);
  });

  it('refuses shares that do not add up to 100 %, or a member twice', () => {
    expect(code(() => changeActivityShares([], '2026-01-01', [{ memberId: 'a', shareBp: 9_999 }]))).toBe(
      'ACTIVITY_SHARES_INVALID',
    );
    expect(
      code(() =>
        changeActivityShares([], '2026-01-01', [
          { memberId: 'a', shareBp: 5_000 },
          { memberId: 'a', shareBp: 5_000 },
        ]),
      ),
    ).toBe('ACTIVITY_SHARES_INVALID');
    try {
      changeActivityShares([], '2026-01-01', [{ memberId: 'a', shareBp: 3_333 }]);
    } catch (e) {
      expect((e as AppError).details).toEqual({ date: '2026-01-01', percent: '33,33' });
    }
  });

  it('refuses rewriting the past, and replaces a split dated on the latest change', () => {
    const rows = changeActivityShares([], '2026-03-01', [{ memberId: 'a', shareBp: 10_000 }]);
    expect(code(() => changeActivityShares(rows, '2026-02-28', [{ memberId: 'b', shareBp: 10_000 }]))).toBe(
      'ACTIVITY_SHARES_DATE',
    );
    expect(changeActivityShares(rows, '2026-03-01', [{ memberId: 'b', shareBp: 10_000 }])).toEqual([
      { memberId: 'b', shareBp: 10_000, from: '2026-03-01', to: null },
    ]);
  });

  it('finds a date where hand-made rows do not add up', () => {
    expect(
      findShareGap([
        { memberId: 'a', shareBp: 5_000, from: '2026-01-01', to: null },
        { memberId: 'b', shareBp: 5_000, from: '2026-01-01', to: '2026-03-31' },
      ]),
    ).toEqual({ date: '2026-04-01', totalBp: 5_000 });
  });

  it('always adds up to 100 % at every date after any sequence of valid changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 7 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (changes) => {
          let rows: ReturnType<typeof changeActivityShares> = [];
          let day = '2026-01-01';
          for (const [gap, n] of changes) {
            day = addDays(day, gap);
            const split = equalSharesBp(n).map((shareBp, i) => ({ memberId: `m${(i + gap) % 9}`, shareBp }));
            if (new Set(split.map((s) => s.memberId)).size !== split.length) continue;
            rows = changeActivityShares(rows, day, split);
          }
          expect(findShareGap(rows)).toBe(null);
        },
      ),
    );
  });

  it('splits 100 % evenly in basis points', () => {
    expect(equalSharesBp(3)).toEqual([3334, 3333, 3333]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        const parts = equalSharesBp(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(10_000);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
    expect(formatPercent(10_000)).toBe('100');
    expect(formatPercent(1_250)).toBe('12,50');
  });
});
