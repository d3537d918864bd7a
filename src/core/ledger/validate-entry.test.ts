import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { PostEntryInput } from './entry-schemas.ts';
import { minimalChart } from './minimal-chart.ts';
import { assertValidEntry, type EntryRefs, entryProblems, lineAmountProblem } from './validate-entry.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const refs: EntryRefs = {
  account: (n) => {
    if (n === '999000') return { number: n, active: false, requiresThirdParty: false };
    const a = minimalChart.find((c) => c.number === n);
    return a && { number: a.number, active: true, requiresThirdParty: a.requiresThirdParty };
  },
  journal: (c) => (['VT', 'OD', 'BQ'].includes(c) ? { code: c, active: true } : undefined),
  activityExists: (id) => id === A || id === B,
};

const line = (accountNumber: string, debitCents: bigint, creditCents: bigint, activityId = A) => ({
  accountNumber,
  activityId,
  thirdParty: null as { code: string; name: string } | null,
  debitCents,
  creditCents,
  label: '',
});
const codes = (e: Parameters<typeof entryProblems>[0]) => entryProblems(e, refs).map((p) => p.code);

/** Random valid entries: n debit lines and m credit lines whose totals agree (allocate-free construction). */
const validLines = fc
  .tuple(
    fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom(A, B),
  )
  .map(([debits, creditCount, activity]) => {
    const total = debits.reduce((a, b) => a + b, 0n);
    const n = BigInt(Math.min(creditCount, Number(total)));
    const credits = Array.from(
      { length: Number(n) },
      (_, i) => total / n + (BigInt(i) < total % n ? 1n : 0n),
    );
    return [
      ...debits.map((d) => line('512000', d, 0n, activity)),
      ...credits.map((c) => line('706000', 0n, c, activity)),
    ];
  });

describe('entryProblems', () => {
  it('accepts a balanced sale', () => {
    const lines = [line('411000', 1200n, 0n), line('706000', 0n, 1000n), line('445740', 0n, 200n)];
    lines[0]!.thirdParty = { code: 'C001', name: 'Client' };
    expect(codes({ journalCode: 'VT', lines })).toEqual([]);
  });

  it('refuses an entry whose debits and credits differ', () => {
    expect(codes({ journalCode: 'OD', lines: [line('512000', 100n, 0n), line('706000', 0n, 99n)] })).toEqual([
      'LEDGER_ENTRY_UNBALANCED',
    ]);
  });

  it('refuses an empty entry and a one-line entry', () => {
    expect(codes({ journalCode: 'OD', lines: [] })).toEqual(['LEDGER_ENTRY_TOO_FEW_LINES']);
    expect(codes({ journalCode: 'OD', lines: [line('512000', 0n, 0n)] })).toContain(
      'LEDGER_ENTRY_TOO_FEW_LINES',
    );
  });

  it('refuses both sides, no amount, negative amounts and non-integer amounts on a line', () => {
    expect(lineAmountProblem({ debitCents: 1n, creditCents: 1n })).toBe('bothSides');
    expect(lineAmountProblem({ debitCents: 0n, creditCents: 0n })).toBe('noAmount');
    expect(lineAmountProblem({ debitCents: -5n, creditCents: 0n })).toBe('negative');
    expect(lineAmountProblem({ debitCents: 12.5, creditCents: 0n })).toBe('notInteger');
    const lines = [line('512000', 100n, 100n), line('706000', -100n, 0n)];
    expect(entryProblems({ journalCode: 'OD', lines }, refs)).toEqual([
      { code: 'LEDGER_LINE_AMOUNT_INVALID', line: 1, details: { line: 1, reason: 'bothSides' } },
      { code: 'LEDGER_LINE_AMOUNT_INVALID', line: 2, details: { line: 2, reason: 'negative' } },
    ]);
  });

  it('refuses unknown and inactive accounts, unknown activities and journals, missing third parties', () => {
    const lines = [
      line('411000', 100n, 0n),
      line('999000', 0n, 50n),
      line('123456', 0n, 50n, '00000000-0000-4000-8000-000000000000'),
    ];
    expect(codes({ journalCode: 'XX', lines })).toEqual([
      'LEDGER_JOURNAL_UNKNOWN',
      'LEDGER_THIRD_PARTY_REQUIRED',
      'LEDGER_ACCOUNT_INACTIVE',
      'LEDGER_ACCOUNT_UNKNOWN',
      'LEDGER_ACTIVITY_UNKNOWN',
    ]);
    expect(
      entryProblems(
        { journalCode: 'OD', lines: lines.slice(0, 2) },
        { ...refs, allowInactiveAccounts: true },
      ).map((p) => p.code),
    ).toEqual(['LEDGER_THIRD_PARTY_REQUIRED', 'LEDGER_ENTRY_UNBALANCED']);
  });

  it('accepts every balanced entry of two lines or more', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        expect(codes({ journalCode: 'OD', lines })).toEqual([]);
        expect(assertValidEntry({ journalCode: 'OD', lines }, refs)).toBe(
          lines.reduce((s, l) => s + l.debitCents, 0n),
        );
      }),
    );
  });

  it('refuses every entry made unbalanced by changing one amount', () => {
    fc.assert(
      fc.property(validLines, fc.nat(), fc.bigInt({ min: 1n, max: 1000n }), (lines, i, delta) => {
        const k = i % lines.length;
        const l = lines[k]!;
        const changed = lines.map((x, j) =>
          j === k
            ? l.debitCents > 0n
              ? { ...x, debitCents: x.debitCents + delta }
              : { ...x, creditCents: x.creditCents + delta }
            : x,
        );
        expect(codes({ journalCode: 'OD', lines: changed })).toEqual(['LEDGER_ENTRY_UNBALANCED']);
        expect(() => assertValidEntry({ journalCode: 'OD', lines: changed }, refs)).toThrow(AppError);
      }),
    );
  });
});

describe('PostEntryInput', () => {
  const base = {
    journalCode: 'OD',
    entryDate: '2026-03-02',
    pieceRef: 'OD-1',
    pieceDate: '2026-03-02',
    label: 'Correction',
    source: { type: 'manual' },
    idempotencyKey: 'k1',
  };
  it('reads amounts given as safe integers or digit strings as bigint cents', () => {
    const parsed = PostEntryInput.parse({
      ...base,
      lines: [
        { accountNumber: '512000', activityId: A, debitCents: 1050 },
        { accountNumber: '706000', activityId: A, creditCents: '1050' },
      ],
    });
    expect(parsed.lines.map((l) => [l.debitCents, l.creditCents])).toEqual([
      [1050n, 0n],
      [0n, 1050n],
    ]);
  });

  it('refuses fractional cents, unsafe numbers and malformed accounts', () => {
    for (const bad of [12.5, 2 ** 60, '12.5', '1e3'])
      expect(
        PostEntryInput.safeParse({
          ...base,
          lines: [{ accountNumber: '512000', activityId: A, debitCents: bad }],
        }).success,
      ).toBe(false);
    expect(
      PostEntryInput.safeParse({ ...base, lines: [{ accountNumber: '51', activityId: A, debitCents: 1 }] })
        .success,
    ).toBe(false);
    expect(PostEntryInput.safeParse({ ...base, label: 'a\tb', lines: [] }).success).toBe(false);
  });
});
