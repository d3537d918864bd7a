import { describe, expect, it } from 'vitest';
import { vatTotalsProblem } from './expense-totals.ts';
import { vatRowsProblems } from './vat-rows-problems.ts';

describe('a supplier invoice breakdown by VAT rate, as typed', () => {
  it('accepts rows that add up to the total to the cent', () => {
    const rows = [
      { rateBp: 2000, baseCents: 10_000, vatCents: 2_000 },
      { rateBp: 550, baseCents: 3_333, vatCents: 183 },
      { rateBp: 0, baseCents: 500, vatCents: 0 },
    ];
    expect(vatRowsProblems(rows, 16_016)).toEqual([]);
    // What the server checks holds too.
    expect(vatTotalsProblem(rows as { rateBp: number; baseCents: number; vatCents: number }[])).toBeNull();
  });

  it('refuses a total one cent off, and says by how much', () => {
    const rows = [
      { rateBp: 2000, baseCents: 10_000, vatCents: 2_000 },
      { rateBp: 1000, baseCents: 1_000, vatCents: 100 },
    ];
    expect(vatRowsProblems(rows, 13_101)).toEqual([
      { row: null, code: 'totalMismatch', rowsCents: 13_100, differenceCents: 1 },
    ]);
    expect(vatRowsProblems(rows, 13_099)).toEqual([
      { row: null, code: 'totalMismatch', rowsCents: 13_100, differenceCents: -1 },
    ]);
  });

  it('names the row: unreadable amounts, VAT not base × rate, a rate twice, a missing total', () => {
    expect(
      vatRowsProblems(
        [
          { rateBp: 2000, baseCents: null, vatCents: 0 },
          { rateBp: 1000, baseCents: 1_000, vatCents: 102 },
          { rateBp: 1000, baseCents: 1_000, vatCents: null },
          { rateBp: 550, baseCents: 0, vatCents: 0 },
        ],
        null,
      ),
    ).toEqual([
      { row: 0, code: 'baseInvalid' },
      { row: 1, code: 'vatMismatch', expectedCents: 100 },
      { row: 2, code: 'rateTwice', rateBp: 1000 },
      { row: 2, code: 'vatInvalid' },
      { row: 3, code: 'baseInvalid' },
      { row: null, code: 'totalInvalid' },
    ]);
    // One cent of rounding is tolerated on a rate's VAT, as the server does.
    expect(vatRowsProblems([{ rateBp: 1000, baseCents: 1_005, vatCents: 100 }], 1_105)).toEqual([]);
  });
});
