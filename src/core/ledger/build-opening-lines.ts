import { accountClass } from './account-rules.ts';
import { isResultAccount } from './derived-figures.ts';

/** The sums of a closed year's lines per activity, account and third party. */
export type YearEndBalance = {
  activityId: string;
  accountNumber: string;
  thirdPartyCode: string | null;
  thirdPartyName: string | null;
  debitCents: bigint;
  creditCents: bigint;
};

export type OpeningLine = {
  accountNumber: string;
  thirdParty: { code: string; name: string } | null;
  debitCents: bigint;
  creditCents: bigint;
  label: string;
};

export type OpeningAccounts = { profit: string; loss: string; liaison: string };
export const defaultOpeningAccounts: OpeningAccounts = {
  profit: '120000',
  loss: '129000',
  liaison: '181000',
};

/**
 * The opening lines (`AN`) of the next year, per activity: each balance-sheet account (classes 1–5) with a
 * balance is carried, per third party; the year's result (classes 6–7) goes to 120 (profit) or 129 (loss)
 * until the general assembly allocates it. When an activity's own lines did not net to zero (an entry
 * moved value between two activities without the four-line pattern), the difference goes to the liaison
 * account 181 (its one line there replaces any liaison balance carried), so that each activity's opening
 * entry balances; across activities these lines cancel out when the year balanced.
 */
export function buildOpeningLines(
  balances: readonly YearEndBalance[],
  accounts: OpeningAccounts = defaultOpeningAccounts,
): Map<string, OpeningLine[]> {
  const byActivity = new Map<string, YearEndBalance[]>();
  for (const b of balances) {
    const list = byActivity.get(b.activityId) ?? [];
    list.push(b);
    byActivity.set(b.activityId, list);
  }
  const result = new Map<string, OpeningLine[]>();
  for (const [activityId, rows] of [...byActivity].sort(([a], [b]) => a.localeCompare(b))) {
    const lines: OpeningLine[] = [];
    let profit = 0n;
    for (const r of [...rows].sort(
      (a, b) =>
        a.accountNumber.localeCompare(b.accountNumber) ||
        (a.thirdPartyCode ?? '').localeCompare(b.thirdPartyCode ?? ''),
    )) {
      const net = r.debitCents - r.creditCents;
      if (isResultAccount(r.accountNumber)) {
        profit -= net;
        continue;
      }
      // The liaison account is recomputed below, whatever its balance was.
      if (accountClass(r.accountNumber) > 5 || net === 0n || r.accountNumber === accounts.liaison) continue;
      lines.push({
        accountNumber: r.accountNumber,
        thirdParty: r.thirdPartyCode
          ? { code: r.thirdPartyCode, name: r.thirdPartyName ?? r.thirdPartyCode }
          : null,
        debitCents: net > 0n ? net : 0n,
        creditCents: net < 0n ? -net : 0n,
        label: 'À-nouveau',
      });
    }
    if (profit > 0n)
      lines.push({
        accountNumber: accounts.profit,
        thirdParty: null,
        debitCents: 0n,
        creditCents: profit,
        label: "Résultat de l'exercice",
      });
    if (profit < 0n)
      lines.push({
        accountNumber: accounts.loss,
        thirdParty: null,
        debitCents: -profit,
        creditCents: 0n,
        label: "Résultat de l'exercice",
      });
    const gap = lines.reduce((s, l) => s + l.debitCents - l.creditCents, 0n);
    if (gap !== 0n)
      lines.push({
        accountNumber: accounts.liaison,
        thirdParty: null,
        debitCents: gap < 0n ? -gap : 0n,
        creditCents: gap > 0n ? gap : 0n,
        label: 'Liaison entre activités',
      });
    if (lines.length > 0) result.set(activityId, lines);
  }
  return result;
}
