import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineAmountsProblem,
  sumExpenseLines,
  sumVatTotals,
  vatIncludedCents,
  vatOnBaseCents,
  vatTotalsProblem,
} from './expense-totals.ts';

describe('expense VAT and totals', () => {
  it('finds the VAT included in an amount, rounded half up', () => {
    expect(vatIncludedCents(12_000, 2000)).toBe(2_000);
    expect(vatIncludedCents(1_100, 1000)).toBe(100);
    expect(vatIncludedCents(1_055, 550)).toBe(55);
    expect(vatIncludedCents(999, 0)).toBe(0);
    expect(vatOnBaseCents(1_005, 2000)).toBe(201);
  });

  it('refuses amounts that do not add up: VAT above the total, negatives, zero', () => {
    expect(lineAmountsProblem(12_000, 2_000)).toBeNull();
    expect(lineAmountsProblem(12_000, 0)).toBeNull();
    expect(lineAmountsProblem(12_000, 2_002)).toBe('expense.vatTooHigh');
    expect(lineAmountsProblem(1_000, 1_500)).toBe('expense.vatTooHigh');
    expect(lineAmountsProblem(-500, 0)).toBe('expense.totalPositive');
    expect(lineAmountsProblem(0, 0)).toBe('expense.totalPositive');
    expect(lineAmountsProblem(1_000, -1)).toBe('expense.vatNegative');
    expect(lineAmountsProblem(10.5, 0)).toBe('expense.totalPositive');
  });

  it('checks totals by rate: VAT = base × rate within a cent, one row per rate', () => {
    expect(vatTotalsProblem([{ rateBp: 2000, baseCents: 10_000, vatCents: 2_000 }])).toBeNull();
    expect(vatTotalsProblem([{ rateBp: 2000, baseCents: 10_000, vatCents: 2_001 }])).toBeNull();
    expect(vatTotalsProblem([{ rateBp: 2000, baseCents: 10_000, vatCents: 2_500 }])).toBe(
      'expense.vatMismatch',
    );
    expect(
      vatTotalsProblem([
        { rateBp: 2000, baseCents: 100, vatCents: 20 },
        { rateBp: 2000, baseCents: 100, vatCents: 20 },
      ]),
    ).toBe('expense.rateTwice');
    expect(vatTotalsProblem([{ rateBp: 1000, baseCents: -100, vatCents: 0 }])).toBe('expense.totalPositive');
    expect(vatTotalsProblem([])).toBe('expense.totalPositive');
    expect(
      sumVatTotals([
        { rateBp: 2000, baseCents: 10_000, vatCents: 2_000 },
        { rateBp: 550, baseCents: 1_000, vatCents: 55 },
      ]),
    ).toEqual({ netCents: 11_000, vatCents: 2_055, totalCents: 13_055 });
  });

  it('any total with the VAT its rate includes is accepted, and net + VAT = total', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            totalCents: fc.integer({ min: 1, max: 10_000_000 }),
            rate: fc.constantFrom(2000, 1000, 550, 210, 0),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (rows) => {
          const lines = rows.map((r) => ({
            totalCents: r.totalCents,
            vatCents: vatIncludedCents(r.totalCents, r.rate),
          }));
          for (const l of lines) expect(lineAmountsProblem(l.totalCents, l.vatCents)).toBeNull();
          const sum = sumExpenseLines(lines);
          expect(sum.netCents + sum.vatCents).toBe(sum.totalCents);
          expect(sum.netCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
