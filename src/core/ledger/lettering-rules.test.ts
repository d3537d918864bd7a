import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLetteringCodes, letteringProblem, nextLetteringCode } from './lettering-rules.ts';

describe('lettering', () => {
  it('gives codes A … Z, then AA, AB … ZZ, then AAA', () => {
    expect(nextLetteringCode(null)).toBe('A');
    expect(nextLetteringCode('A')).toBe('B');
    expect(nextLetteringCode('Z')).toBe('AA');
    expect(nextLetteringCode('AZ')).toBe('BA');
    expect(nextLetteringCode('ZZ')).toBe('AAA');
  });

  it('never gives a code twice, and each code comes after the one before', () => {
    let code: string | null = null;
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const next = nextLetteringCode(code);
      expect(seen.has(next)).toBe(false);
      if (code) expect(compareLetteringCodes(code, next)).toBeLessThan(0);
      seen.add(next);
      code = next;
    }
  });

  it('matches only lines of one account and third party that cancel out', () => {
    const line = (debit: bigint, credit: bigint, account = '411000', tp: string | null = 'C1') => ({
      accountNumber: account,
      thirdPartyCode: tp,
      debitCents: debit,
      creditCents: credit,
    });
    expect(letteringProblem([line(1200n, 0n), line(0n, 1200n)])).toBeNull();
    expect(letteringProblem([line(1200n, 0n), line(0n, 700n), line(0n, 500n)])).toBeNull();
    expect(letteringProblem([line(1200n, 0n)])).toMatch(/deux lignes/);
    expect(letteringProblem([line(1200n, 0n), line(0n, 1100n)])).toMatch(/compensent/);
    expect(letteringProblem([line(1200n, 0n), line(0n, 1200n, '401000')])).toMatch(/comptes/);
    expect(letteringProblem([line(1200n, 0n), line(0n, 1200n, '411000', 'C2')])).toMatch(/tiers/);
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        (debits) => {
          const total = debits.reduce((a, b) => a + b, 0n);
          expect(letteringProblem([...debits.map((d) => line(d, 0n)), line(0n, total)])).toBeNull();
          expect(letteringProblem([...debits.map((d) => line(d, 0n)), line(0n, total + 1n)])).not.toBeNull();
        },
      ),
    );
  });
});
