import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountClass } from './account-rules.ts';
import { buildOpeningLines, type YearEndBalance } from './build-opening-lines.ts';
import { minimalChart } from './minimal-chart.ts';

const b = (
  activityId: string,
  accountNumber: string,
  debitCents: bigint,
  creditCents: bigint,
  tp: string | null = null,
): YearEndBalance => ({
  activityId,
  accountNumber,
  thirdPartyCode: tp,
  thirdPartyName: tp ? `Tiers ${tp}` : null,
  debitCents,
  creditCents,
});

describe('buildOpeningLines', () => {
  it('carries balance-sheet balances per third party and puts the result in 120', () => {
    const lines = buildOpeningLines([
      b('a', '411000', 1200n, 0n, 'C1'),
      b('a', '706000', 0n, 1000n),
      b('a', '445740', 0n, 200n),
      b('a', '512000', 0n, 500n),
      b('a', '625000', 500n, 0n),
    ]).get('a')!;
    expect(
      lines.map((l) => [l.accountNumber, l.thirdParty?.code ?? null, l.debitCents, l.creditCents]),
    ).toEqual([
      ['411000', 'C1', 1200n, 0n],
      ['445740', null, 0n, 200n],
      ['512000', null, 0n, 500n],
      ['120000', null, 0n, 500n],
    ]);
  });

  it('puts a loss in 129 and an activity gap in the liaison account', () => {
    const map = buildOpeningLines([
      b('a', '512000', 0n, 300n),
      b('a', '625000', 300n, 0n),
      b('b', '512000', 100n, 0n),
      b('c', '512000', 0n, 0n),
    ]);
    expect(map.get('a')!.map((l) => [l.accountNumber, l.debitCents, l.creditCents])).toEqual([
      ['512000', 0n, 300n],
      ['129000', 300n, 0n],
    ]);
    expect(map.get('b')!.map((l) => [l.accountNumber, l.debitCents, l.creditCents])).toEqual([
      ['512000', 100n, 0n],
      ['181000', 0n, 100n],
    ]);
    expect(map.has('c')).toBe(false);
  });

  it('gives each activity a balanced entry of two lines or more, carrying every balance exactly', () => {
    const balances = fc.array(
      fc.record({
        activityId: fc.constantFrom('a', 'b'),
        accountNumber: fc.constantFrom(...minimalChart.map((a) => a.number)),
        thirdPartyCode: fc.constantFrom(null, 'T1', 'T2'),
        thirdPartyName: fc.constant(null),
        debitCents: fc.bigInt({ min: 0n, max: 10n ** 9n }),
        creditCents: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(balances, (rows) => {
        const map = buildOpeningLines(rows);
        let liaison = 0n;
        for (const [activity, lines] of map) {
          expect(lines.length).toBeGreaterThanOrEqual(2);
          expect(lines.reduce((s, l) => s + l.debitCents - l.creditCents, 0n)).toBe(0n);
          for (const l of lines) expect(l.debitCents > 0n !== l.creditCents > 0n).toBe(true);
          const carried = (n: string) =>
            lines.filter((l) => l.accountNumber === n).reduce((s, l) => s + l.debitCents - l.creditCents, 0n);
          for (const n of new Set(
            rows
              .filter((r) => r.activityId === activity && accountClass(r.accountNumber) <= 5)
              .map((r) => r.accountNumber),
          )) {
            if (['120000', '129000', '181000'].includes(n)) continue;
            const expected = rows
              .filter((r) => r.activityId === activity && r.accountNumber === n)
              .reduce((s, r) => s + r.debitCents - r.creditCents, 0n);
            expect(carried(n)).toBe(expected);
          }
          liaison += carried('181000');
        }
        // Across activities the liaison lines carry the liaison balances plus the year's imbalance (zero in
        // real books, where every entry balances).
        const total = rows.reduce((s, r) => s + r.debitCents - r.creditCents, 0n);
        const carriedLiaison = rows
          .filter((r) => r.accountNumber === '181000')
          .reduce((s, r) => s + r.debitCents - r.creditCents, 0n);
        expect(liaison).toBe(carriedLiaison - total);
      }),
    );
  });
});
