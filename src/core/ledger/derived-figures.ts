import { accountClass } from './account-rules.ts';

/** A stored balance, or any sum of lines: per account (and activity), total debits and credits. */
export type BalanceRow = {
  accountNumber: string;
  activityId: string;
  debitCents: bigint;
  creditCents: bigint;
};

/** Class 6 (expenses) and 7 (revenue): the result (ledger.md, Figures derived from the book). */
export function isResultAccount(accountNumber: string): boolean {
  const c = accountClass(accountNumber);
  return c === 6 || c === 7;
}

/** Money clients still owe (411 clients, 416 doubtful, 418 invoices to issue): shown beside the treasury. */
export function isClientReceivableAccount(accountNumber: string): boolean {
  return ['411', '416', '418'].some((p) => accountNumber.startsWith(p));
}

/**
 * Lines that make the available treasury: cash (class 5) and what the activity owes or is owed outside
 * its clients (class 4 except clients): VAT, contributions, salaries, suppliers, claims to reimburse.
 */
export function isTreasuryAccount(accountNumber: string): boolean {
  const c = accountClass(accountNumber);
  return (c === 4 || c === 5) && !isClientReceivableAccount(accountNumber);
}

export type ActivityFigures = {
  /** Revenue minus expenses (class 7 credit − debit, minus class 6 debit − credit). */
  resultCents: bigint;
  revenueCents: bigint;
  expensesCents: bigint;
  /** Class 4 + 5 lines except clients, debit − credit: what the activity can spend. */
  availableTreasuryCents: bigint;
  /** Class 5 alone, debit − credit. */
  cashCents: bigint;
  /** Client receivables, debit − credit: shown beside the treasury, never inside it. */
  toCollectCents: bigint;
};

export const zeroFigures = (): ActivityFigures => ({
  resultCents: 0n,
  revenueCents: 0n,
  expensesCents: 0n,
  availableTreasuryCents: 0n,
  cashCents: 0n,
  toCollectCents: 0n,
});

/** Adds one balance row's contribution to figures (mutates and returns them). */
export function addToFigures(f: ActivityFigures, row: Omit<BalanceRow, 'activityId'>): ActivityFigures {
  const net = row.debitCents - row.creditCents;
  const c = accountClass(row.accountNumber);
  if (c === 7) {
    f.revenueCents -= net;
    f.resultCents -= net;
  } else if (c === 6) {
    f.expensesCents += net;
    f.resultCents -= net;
  }
  if (isTreasuryAccount(row.accountNumber)) f.availableTreasuryCents += net;
  if (c === 5) f.cashCents += net;
  if (isClientReceivableAccount(row.accountNumber)) f.toCollectCents += net;
  return f;
}

/** The figures of every activity present in `rows`, plus the cooperative's (the same sums over all rows). */
export function figuresByActivity(rows: readonly BalanceRow[]): {
  activities: Map<string, ActivityFigures>;
  cooperative: ActivityFigures;
} {
  const activities = new Map<string, ActivityFigures>();
  const cooperative = zeroFigures();
  for (const row of rows) {
    let f = activities.get(row.activityId);
    if (!f) {
      f = zeroFigures();
      activities.set(row.activityId, f);
    }
    addToFigures(f, row);
    addToFigures(cooperative, row);
  }
  return { activities, cooperative };
}

export type BalanceSheetLine = { accountNumber: string; amountCents: bigint };
export type BalanceSheet = {
  /** Accounts of classes 1–5 with a debit balance. */
  assets: BalanceSheetLine[];
  /** Accounts of classes 1–5 with a credit balance (amounts positive). */
  liabilities: BalanceSheetLine[];
  resultCents: bigint;
  totalAssetsCents: bigint;
  /** Liabilities plus the result: equals the assets when the lines balance. */
  totalLiabilitiesCents: bigint;
};

/**
 * An analytic balance sheet from balance rows (of one activity, or all of them for the cooperative):
 * each balance-sheet account on the side of its balance, and the result (C. trav. R7331-5).
 */
export function buildBalanceSheet(rows: readonly Omit<BalanceRow, 'activityId'>[]): BalanceSheet {
  const byAccount = new Map<string, bigint>();
  let resultCents = 0n;
  for (const r of rows) {
    const net = r.debitCents - r.creditCents;
    if (isResultAccount(r.accountNumber)) resultCents -= net;
    else if (accountClass(r.accountNumber) <= 5)
      byAccount.set(r.accountNumber, (byAccount.get(r.accountNumber) ?? 0n) + net);
  }
  const assets: BalanceSheetLine[] = [];
  const liabilities: BalanceSheetLine[] = [];
  for (const [accountNumber, net] of [...byAccount].sort(([a], [b]) => a.localeCompare(b))) {
    if (net > 0n) assets.push({ accountNumber, amountCents: net });
    else if (net < 0n) liabilities.push({ accountNumber, amountCents: -net });
  }
  const totalAssetsCents = assets.reduce((s, l) => s + l.amountCents, 0n);
  const totalLiabilitiesCents = liabilities.reduce((s, l) => s + l.amountCents, 0n) + resultCents;
  return { assets, liabilities, resultCents, totalAssetsCents, totalLiabilitiesCents };
}
