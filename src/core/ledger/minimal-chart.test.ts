import { describe, expect, it } from 'vitest';
import { AccountNumber } from './account-rules.ts';
import { defaultJournals, JournalCode } from './ledger-journals.ts';
import { minimalChart } from './minimal-chart.ts';

describe('minimal CAE chart and journals', () => {
  it('has valid, unique account numbers and flags auxiliary accounts', () => {
    const numbers = minimalChart.map((a) => a.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(AccountNumber.safeParse(n).success).toBe(true);
    const aux = minimalChart.filter((a) => a.requiresThirdParty).map((a) => a.number);
    expect(aux).toEqual(['401000', '411000', '416000', '419000', '421000', '425000', '455000', '467000']);
    // cae-domain.md §7: the accounts every CAE posting rule uses.
    for (const n of [
      '101300',
      '411000',
      '421000',
      '431000',
      '437000',
      '445660',
      '445710',
      '445740',
      '467000',
      '471000',
      '512000',
      '641100',
      '645000',
      '706000',
      '707000',
    ])
      expect(numbers).toContain(n);
  });

  it('has the journals VT, AC, BQ, SAL, NDF, CTB, OD and AN, only OD taking manual entries', () => {
    expect(defaultJournals.map((j) => j.code)).toEqual(['VT', 'AC', 'BQ', 'SAL', 'NDF', 'CTB', 'OD', 'AN']);
    for (const j of defaultJournals) expect(JournalCode.safeParse(j.code).success).toBe(true);
    expect(defaultJournals.filter((j) => j.manual).map((j) => j.code)).toEqual(['OD']);
  });
});
