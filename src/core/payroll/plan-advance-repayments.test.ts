import { describe, expect, it } from 'vitest';
import { planAdvanceRepayments } from './plan-advance-repayments.ts';

describe('planAdvanceRepayments', () => {
  it('repays the oldest advances first, from the treasury left without the debt to the funds', () => {
    const advances = [
      { id: 'old', activityId: 'G', outstandingCents: 500 },
      { id: 'new', activityId: 'G', outstandingCents: 400 },
      { id: 'h', activityId: 'H', outstandingCents: 300 },
      { id: 'k', activityId: 'K', outstandingCents: 300 },
    ];
    // G: -900 of debt to the funds + 600 of cash beyond its other debts = -300 available after salaries.
    const left = new Map([
      ['G', -300],
      ['H', 100],
      ['K', -300],
    ]);
    expect(planAdvanceRepayments(advances, left)).toEqual([
      { id: 'old', amountCents: 500 },
      { id: 'new', amountCents: 100 },
      { id: 'h', amountCents: 300 },
    ]);
  });

  it('never repays more than is owed, nor from a treasury that has nothing beyond its debts', () => {
    for (let left = -1_000; left <= 1_000; left += 50) {
      const [r] = planAdvanceRepayments(
        [{ id: 'a', activityId: 'G', outstandingCents: 400 }],
        new Map([['G', left]]),
      );
      const expected = Math.min(400, Math.max(0, left + 400));
      expect(r?.amountCents ?? 0).toBe(expected);
    }
  });
});
