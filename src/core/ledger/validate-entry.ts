import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/error-catalog.ts';
import type { EntryToPost } from './entry-schemas.ts';

export type AccountRef = { number: string; active: boolean; requiresThirdParty: boolean };
export type JournalRef = { code: string; active: boolean };

/** What validateEntry needs to know about the books: accounts, journals and activities that exist. */
export type EntryRefs = {
  account(number: string): AccountRef | undefined;
  journal(code: string): JournalRef | undefined;
  activityExists(id: string): boolean;
  /** Closing carries balances of accounts deactivated during the year. */
  allowInactiveAccounts?: boolean;
};

export type EntryProblem = { code: ErrorCode; line?: number; details?: Record<string, unknown> };

type LineAmounts = { debitCents: unknown; creditCents: unknown };

/** Why a line's amounts are refused, or null: exactly one of debit/credit positive, integer cents. */
export function lineAmountProblem(
  line: LineAmounts,
): 'notInteger' | 'negative' | 'bothSides' | 'noAmount' | null {
  const { debitCents: d, creditCents: c } = line;
  if (typeof d !== 'bigint' || typeof c !== 'bigint') return 'notInteger';
  if (d < 0n || c < 0n) return 'negative';
  if (d > 0n && c > 0n) return 'bothSides';
  if (d === 0n && c === 0n) return 'noAmount';
  return null;
}

/**
 * Every rule an entry breaks (ledger.md, invariant 1 and the Model): at least two lines, each with exactly
 * one of debit or credit positive in integer cents, Σ debit = Σ credit, known and active accounts and
 * journal, an existing activity on every line, a third party on auxiliary accounts. Empty when valid.
 * Line numbers in problems are 1-based.
 */
export function entryProblems(
  entry: Pick<EntryToPost, 'journalCode' | 'lines'>,
  refs: EntryRefs,
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const journal = refs.journal(entry.journalCode);
  if (!journal) problems.push({ code: 'LEDGER_JOURNAL_UNKNOWN', details: { journal: entry.journalCode } });
  else if (!journal.active)
    problems.push({ code: 'LEDGER_JOURNAL_INACTIVE', details: { journal: entry.journalCode } });
  if (entry.lines.length < 2)
    problems.push({ code: 'LEDGER_ENTRY_TOO_FEW_LINES', details: { lines: entry.lines.length } });
  let debit = 0n;
  let credit = 0n;
  let amountsOk = true;
  entry.lines.forEach((line, i) => {
    const n = i + 1;
    const amount = lineAmountProblem(line);
    if (amount) {
      amountsOk = false;
      problems.push({ code: 'LEDGER_LINE_AMOUNT_INVALID', line: n, details: { line: n, reason: amount } });
    } else {
      debit += line.debitCents;
      credit += line.creditCents;
    }
    const account = refs.account(line.accountNumber);
    if (!account)
      problems.push({
        code: 'LEDGER_ACCOUNT_UNKNOWN',
        line: n,
        details: { line: n, account: line.accountNumber },
      });
    else {
      if (!account.active && !refs.allowInactiveAccounts)
        problems.push({
          code: 'LEDGER_ACCOUNT_INACTIVE',
          line: n,
          details: { line: n, account: line.accountNumber },
        });
      if (account.requiresThirdParty && !line.thirdParty)
        problems.push({
          code: 'LEDGER_THIRD_PARTY_REQUIRED',
          line: n,
          details: { line: n, account: line.accountNumber },
        });
    }
    if (!refs.activityExists(line.activityId))
      problems.push({
        code: 'LEDGER_ACTIVITY_UNKNOWN',
        line: n,
        details: { line: n, activityId: line.activityId },
      });
  });
  if (amountsOk && debit !== credit)
    problems.push({
      code: 'LEDGER_ENTRY_UNBALANCED',
      details: { debitCents: String(debit), creditCents: String(credit) },
    });
  return problems;
}

/** Throws the first problem as an AppError (its details list them all), or returns the entry's total. */
export function assertValidEntry(entry: Pick<EntryToPost, 'journalCode' | 'lines'>, refs: EntryRefs): bigint {
  const problems = entryProblems(entry, refs);
  const first = problems[0];
  if (first) {
    throw new AppError(first.code, {
      ...first.details,
      problems: problems.map((p) => ({ code: p.code, ...p.details })),
    });
  }
  return entry.lines.reduce((sum, l) => sum + l.debitCents, 0n);
}
