import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BalanceRow,
  buildBalanceSheet,
  figuresByActivity,
  isTreasuryAccount,
  zeroFigures,
} from './derived-figures.ts';
import { minimalChart } from './minimal-chart.ts';

const row = (
  accountNumber: string,
  activityId: string,
  debitCents: bigint,
  creditCents: bigint,
): BalanceRow => ({
  accountNumber,
  activityId,
  debitCents,
  creditCents,
});

const rows = fc.array(
  fc.record({
    accountNumber: fc.constantFrom(...minimalChart.map((a) => a.number)),
    activityId: fc.constantFrom('a', 'b', 'c'),
    debitCents: fc.bigInt({ min: 0n, max: 10n ** 10n }),
    creditCents: fc.bigInt({ min: 0n, max: 10n ** 10n }),
  }),
  { maxLength: 60 },
);

describe('derived figures', () => {
  it('computes result, available treasury (clients excluded) and what is left to collect', () => {
    const { activities } = figuresByActivity([
      row('411000', 'a', 120_000n, 100_000n), // 200,00 still to collect
      row('706000', 'a', 0n, 100_000n),
      row('445740', 'a', 0n, 20_000n),
      row('512000', 'a', 100_000n, 30_000n),
      row('625000', 'a', 25_000n, 0n),
      row('445660', 'a', 5_000n, 0n),
    ]);
    expect(activities.get('a')).toEqual({
      ...zeroFigures(),
      resultCents: 75_000n,
      revenueCents: 100_000n,
      expensesCents: 25_000n,
      // 512: +700,00; 44574: −200,00; 44566: +50,00
      availableTreasuryCents: 55_000n,
      cashCents: 70_000n,
      toCollectCents: 20_000n,
    });
    expect(isTreasuryAccount('411000')).toBe(false);
    expect(isTreasuryAccount('421000')).toBe(true);
    expect(isTreasuryAccount('706000')).toBe(false);
  });

  it('gives cooperative totals equal to the sum over activities, to the cent', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const { activities, cooperative } = figuresByActivity(rs);
        const sum = zeroFigures();
        for (const f of activities.values())
          for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += f[k];
        expect(sum).toEqual(cooperative);
      }),
    );
  });

  it('builds a balance sheet whose two sides agree when the lines balance', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const net = rs.reduce((s, r) => s + r.debitCents - r.creditCents, 0n);
        // Balance the rows on the bank account, as a real set of entries would be.
        const balanced = [...rs, row('512000', 'a', net < 0n ? -net : 0n, net > 0n ? net : 0n)];
        const sheet = buildBalanceSheet(balanced);
        expect(sheet.totalAssetsCents).toBe(sheet.totalLiabilitiesCents);
        for (const l of [...sheet.assets, ...sheet.liabilities]) expect(l.amountCents > 0n).toBe(true);
      }),
    );
  });
});
