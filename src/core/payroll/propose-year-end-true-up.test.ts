import { describe, expect, it } from 'vitest';
import { proposeYearEndTrueUp, trueUpPayBy } from './propose-year-end-true-up.ts';

// A stand-in for the rules engine: non-decreasing, about 40 % of employer contributions.
const cost = async (gross: number) => Math.ceil(gross * 1.4);

describe('proposeYearEndTrueUp', () => {
  it('spends the result as employer cost, split by shares to the cent, never beyond it', async () => {
    const t = await proposeYearEndTrueUp(
      {
        activityId: 'g',
        activityCode: 'GROUPE',
        resultCents: 1_000_001,
        members: [
          { memberId: 'a', memberName: 'A', shareBp: 6_000 },
          { memberId: 'b', memberName: 'B', shareBp: 4_000 },
        ],
      },
      cost,
    );
    expect(t.variablePartCents).toBe(1_000_001);
    expect(t.members.reduce((s, m) => s + m.budgetCents, 0)).toBe(1_000_001);
    for (const m of t.members) {
      expect(m.employerCostCents).toBeLessThanOrEqual(m.budgetCents);
      expect(await cost(m.variableGrossCents + 1)).toBeGreaterThan(m.budgetCents);
    }
    expect(t.explanation).toContain('partagé selon les parts');
  });

  it('gives no variable part after a loss or a nil result, and says the loss is carried forward', async () => {
    for (const resultCents of [-50_000, 0]) {
      const t = await proposeYearEndTrueUp(
        {
          activityId: 'x',
          activityCode: 'X',
          resultCents,
          members: [{ memberId: 'a', memberName: 'A', shareBp: 10_000 }],
        },
        cost,
      );
      expect(t.variablePartCents).toBe(0);
      expect(t.members[0]).toMatchObject({ budgetCents: 0, variableGrossCents: 0, employerCostCents: 0 });
    }
  });

  it('is due one month after the assembly approving the accounts (R7331-12)', () => {
    expect(trueUpPayBy('2026-06-15')).toBe('2026-07-15');
    expect(trueUpPayBy('2027-01-31')).toBe('2027-02-28');
  });
});
