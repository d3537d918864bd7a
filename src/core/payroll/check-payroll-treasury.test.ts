import { describe, expect, it } from 'vitest';
import { checkPayrollTreasury } from './check-payroll-treasury.ts';

describe('checkPayrollTreasury', () => {
  it('takes the salaries of one activity in order, each from what the previous ones left', () => {
    const verdicts = checkPayrollTreasury(
      [
        { key: 'a', activityId: 'G', employerCostCents: 600, advanceApproved: false },
        { key: 'b', activityId: 'G', employerCostCents: 500, advanceApproved: false },
        { key: 'c', activityId: 'G', employerCostCents: 400, advanceApproved: false },
        { key: 'd', activityId: 'H', employerCostCents: 1, advanceApproved: false },
      ],
      new Map([['G', 1_000]]),
    );
    expect(verdicts.map((v) => [v.key, v.status, v.treasuryBeforeCents, v.shortfallCents])).toEqual([
      ['a', 'ready', 1_000, 0],
      ['b', 'refused', 400, 100],
      // A refused salary takes nothing: the next one still finds 400.
      ['c', 'ready', 400, 0],
      ['d', 'refused', 0, 1],
    ]);
  });

  it('pays on an approved advance, the shortfall being what the treasury lacks (all of it when negative)', () => {
    const [a, b] = checkPayrollTreasury(
      [
        { key: 'a', activityId: 'G', employerCostCents: 700, advanceApproved: true },
        { key: 'b', activityId: 'N', employerCostCents: 300, advanceApproved: true },
      ],
      new Map([
        ['G', 200],
        ['N', -50],
      ]),
    );
    expect(a).toMatchObject({ status: 'advance', shortfallCents: 500 });
    expect(b).toMatchObject({ status: 'advance', shortfallCents: 300, treasuryBeforeCents: -50 });
  });

  it('never lets a salary through that the treasury cannot bear without an advance', () => {
    for (let cost = 0; cost < 2_000; cost += 37) {
      const [v] = checkPayrollTreasury(
        [{ key: 'x', activityId: 'G', employerCostCents: cost, advanceApproved: false }],
        new Map([['G', 1_000]]),
      );
      expect(v!.status).toBe(cost <= 1_000 ? 'ready' : 'refused');
    }
  });

  it('refuses an approved advance its fund cannot lend, each fund lending in order from what it has', () => {
    const verdicts = checkPayrollTreasury(
      [
        { key: 'a', activityId: 'G', employerCostCents: 700, advanceApproved: true, advanceFundId: 'F' },
        { key: 'b', activityId: 'H', employerCostCents: 400, advanceApproved: true, advanceFundId: 'F' },
        { key: 'c', activityId: 'K', employerCostCents: 100, advanceApproved: true, advanceFundId: 'F' },
      ],
      new Map([['G', 200]]),
      new Map([['F', 800]]),
    );
    expect(verdicts.map((v) => [v.key, v.status, v.shortfallCents])).toEqual([
      ['a', 'advance', 500],
      // The fund has 300 left: not enough for 400, enough for 100.
      ['b', 'refused', 400],
      ['c', 'advance', 100],
    ]);
    expect(verdicts[1]).toMatchObject({ fundAvailableCents: 300 });
  });
});
