import { describe, expect, it } from 'vitest';
import {
  findFiscalYear,
  fiscalYearContaining,
  fiscalYearRangeProblem,
  fiscalYearToOpen,
  nextFiscalYearRange,
  postingDateRefusal,
} from './fiscal-year-rules.ts';

describe('fiscal years', () => {
  it('finds the 12-month year ending on the cooperative year-end that contains a date', () => {
    expect(fiscalYearContaining('2026-03-02', '12-31')).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(fiscalYearContaining('2026-08-15', '06-30')).toEqual({
      startDate: '2026-07-01',
      endDate: '2027-06-30',
    });
    expect(fiscalYearContaining('2026-06-30', '06-30')).toEqual({
      startDate: '2025-07-01',
      endDate: '2026-06-30',
    });
    expect(fiscalYearContaining('2024-01-10', '02-28')).toEqual({
      startDate: '2023-03-01',
      endDate: '2024-02-28',
    });
  });

  it('starts the next year the day after and runs twelve months', () => {
    expect(nextFiscalYearRange({ startDate: '2026-01-01', endDate: '2026-12-31' })).toEqual({
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    expect(nextFiscalYearRange({ startDate: '2023-03-01', endDate: '2024-02-29' })).toEqual({
      startDate: '2024-03-01',
      endDate: '2025-02-28',
    });
  });

  it('refuses gaps, overlaps, reversed and over-long years', () => {
    const last = { startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(fiscalYearRangeProblem({ startDate: '2027-01-01', endDate: '2027-12-31' }, last)).toBeNull();
    expect(fiscalYearRangeProblem({ startDate: '2027-01-02', endDate: '2027-12-31' }, last)).toMatch(
      /2027-01-01/,
    );
    expect(fiscalYearRangeProblem({ startDate: '2026-06-01', endDate: '2027-05-31' }, last)).toMatch(
      /lendemain/,
    );
    expect(fiscalYearRangeProblem({ startDate: '2027-01-01', endDate: '2026-12-31' }, null)).toMatch(/fin/);
    expect(fiscalYearRangeProblem({ startDate: '2027-01-01', endDate: '2029-06-30' }, null)).toMatch(
      /24 mois/,
    );
    expect(fiscalYearRangeProblem({ startDate: '2025-04-01', endDate: '2026-12-31' }, null)).toBeNull();
  });

  it('refuses posting outside any year, in a closed year, and on or before the lock date', () => {
    const open = { id: 2, startDate: '2026-01-01', endDate: '2026-12-31', status: 'open' as const };
    const closed = { id: 1, startDate: '2025-01-01', endDate: '2025-12-31', status: 'closed' as const };
    const years = [closed, open];
    expect(postingDateRefusal('2026-03-02', findFiscalYear(years, '2026-03-02'), null)).toBeNull();
    expect(postingDateRefusal('2027-01-01', findFiscalYear(years, '2027-01-01'), null)?.code).toBe(
      'LEDGER_FISCAL_YEAR_MISSING',
    );
    expect(postingDateRefusal('2025-06-01', findFiscalYear(years, '2025-06-01'), null)?.code).toBe(
      'LEDGER_FISCAL_YEAR_CLOSED',
    );
    expect(postingDateRefusal('2026-01-31', open, '2026-01-31')?.code).toBe('LEDGER_DATE_LOCKED');
    expect(postingDateRefusal('2026-02-01', open, '2026-01-31')).toBeNull();
    expect(postingDateRefusal('2026-03-02', closed, null)?.code).toBe('LEDGER_FISCAL_YEAR_MISSING');
  });
});

describe('fiscalYearToOpen', () => {
  it('opens the first year around the earliest date, then only the year right after the last one', () => {
    expect(fiscalYearToOpen([], ['2026-05-01', '2026-03-02'], '12-31')).toEqual({
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const y2026 = { startDate: '2026-01-01', endDate: '2026-12-31' };
    expect(fiscalYearToOpen([y2026], ['2026-03-02'], '12-31')).toBeNull();
    expect(fiscalYearToOpen([y2026], ['2026-03-02', '2027-02-01'], '12-31')).toEqual({
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    expect(fiscalYearToOpen([y2026], ['2028-01-01'], '12-31')).toBeNull();
    expect(fiscalYearToOpen([y2026], ['2025-12-31'], '12-31')).toBeNull();
    expect(fiscalYearToOpen([y2026], [], '12-31')).toBeNull();
  });
});
