import { allocateCents } from './allocate-cents.ts';
import type { DocumentTotals } from './compute-document-totals.ts';
import { divideRounded } from './divide-rounded.ts';
import type { DocumentBody, SupplyKind } from './document-line.ts';

/**
 * The accounting of sales (ledger.md, posting rules):
 * - invoice: D 411 client (incl. VAT) · C 706 services / 707 goods, or the catalogue item's 70x account (excl. VAT) · C 44574 VAT awaiting
 *   receipt (services, unless the cooperative opted for the "débits") or C 44571 VAT collected (goods,
 *   or the débits option). A deposit invoice's VAT is due when the deposit is received, for goods too
 *   (CGI art. 269-2 a, since 2023), so it goes to 44574.
 * - credit note: the mirror.
 * - payment: D 512 · C 411; and D 44574 · C 44571 for the share of the VAT still awaiting receipt.
 */
export const salesAccounts = {
  client: '411000',
  services: '706000',
  goods: '707000',
  vatPending: '445740',
  vatCollected: '445710',
  bank: '512000',
} as const;

export interface SalesEntryLine {
  accountNumber: string;
  debitCents: bigint;
  creditCents: bigint;
  label: string;
  thirdParty: boolean;
}

/** The account a line credits: its catalogue item's, else 706000 services / 707000 goods. */
function accountOf(l: { kind: SupplyKind; salesAccount?: string | null }) {
  return l.salesAccount ?? (l.kind === 'goods' ? salesAccounts.goods : salesAccounts.services);
}

/**
 * Net sales per VAT group, supply kind and sales account, after the document's allowances (split pro
 * rata). The kind decides when the VAT is due; the account where the sale is booked.
 */
function salesByAccount(body: DocumentBody, totals: DocumentTotals) {
  const out: { vatKey: string; kind: SupplyKind; account: string; baseCents: number; vatCents: number }[] =
    [];
  for (const g of totals.vatBreakdown) {
    const byPart = new Map<string, { kind: SupplyKind; account: string; net: number }>();
    for (const l of totals.lines.filter((x) => x.vatKey === g.key)) {
      const source = body.sections[l.sectionIndex]!.lines[l.lineIndex]!;
      const account = accountOf(source);
      const key = `${source.kind}|${account}`;
      const part = byPart.get(key) ?? { kind: source.kind, account, net: 0 };
      part.net += l.netCents;
      byPart.set(key, part);
    }
    const parts = [...byPart.values()];
    const nets = parts.map((p) => p.net);
    // A part with a negative net (a deduction larger than its lines) cannot take a pro rata share:
    // the whole group goes to services then.
    if (parts.length > 1 && nets.some((n) => n <= 0)) {
      out.push({
        vatKey: g.key,
        kind: 'services',
        account: salesAccounts.services,
        baseCents: g.baseCents,
        vatCents: g.vatCents,
      });
      continue;
    }
    const allowances = allocateCents(g.allowanceCents, nets);
    const vats = allocateCents(
      g.vatCents,
      parts.map((_, i) => nets[i]! - allowances[i]!),
    );
    parts.forEach((p, i) => {
      out.push({
        vatKey: g.key,
        kind: p.kind,
        account: p.account,
        baseCents: nets[i]! - allowances[i]!,
        vatCents: vats[i]!,
      });
    });
  }
  return out;
}

function line(
  accountNumber: string,
  cents: number,
  side: 'debit' | 'credit',
  label: string,
  thirdParty = false,
) {
  const c = BigInt(Math.abs(cents));
  // A negative amount (a deduction line group) goes to the other side.
  const debit = (side === 'debit') === cents >= 0;
  return { accountNumber, debitCents: debit ? c : 0n, creditCents: debit ? 0n : c, label, thirdParty };
}

/** The lines of the entry of an issued invoice, deposit invoice or credit note (credit notes mirrored). */
export function buildInvoiceEntryLines(input: {
  type: 'invoice' | 'deposit' | 'creditNote';
  body: DocumentBody;
  totals: DocumentTotals;
  vatOnDebits: boolean;
  label: string;
}): { lines: SalesEntryLine[]; vatPendingCents: number } {
  const sign = input.type === 'creditNote' ? 'debit' : 'credit';
  const other = sign === 'credit' ? 'debit' : 'credit';
  const revenue = new Map<string, number>();
  let pending = 0;
  let collected = 0;
  for (const part of salesByAccount(input.body, input.totals)) {
    revenue.set(part.account, (revenue.get(part.account) ?? 0) + part.baseCents);
    const onReceipt = input.type === 'deposit' || (part.kind === 'services' && !input.vatOnDebits);
    if (onReceipt) pending += part.vatCents;
    else collected += part.vatCents;
  }
  const lines: SalesEntryLine[] = [
    line(salesAccounts.client, input.totals.taxInclusiveCents, other, input.label, true),
  ];
  for (const [account, cents] of revenue)
    if (cents !== 0) lines.push(line(account, cents, sign, input.label));
  if (pending !== 0) lines.push(line(salesAccounts.vatPending, pending, sign, input.label));
  if (collected !== 0) lines.push(line(salesAccounts.vatCollected, collected, sign, input.label));
  return { lines, vatPendingCents: pending };
}

/**
 * The VAT a payment moves from "awaiting receipt" to "collected": the pending VAT pro rata of the amount
 * over what is due, and all of it with the payment that settles the invoice, so that nothing is left.
 */
export function vatCollectedByPayment(input: {
  pendingVatCents: number;
  dueCents: number;
  amountCents: number;
}) {
  if (input.amountCents >= input.dueCents) return input.pendingVatCents;
  return Number(
    divideRounded(BigInt(input.pendingVatCents) * BigInt(input.amountCents), BigInt(input.dueCents)),
  );
}

export function buildPaymentEntryLines(input: {
  amountCents: number;
  vatCollectedCents: number;
  label: string;
  /** The bank account's ledger account (512x) when it is not the main one (bank reconciliation, issue 9). */
  bankAccountNumber?: string;
}) {
  const lines: SalesEntryLine[] = [
    line(input.bankAccountNumber ?? salesAccounts.bank, input.amountCents, 'debit', input.label),
    line(salesAccounts.client, input.amountCents, 'credit', input.label, true),
  ];
  if (input.vatCollectedCents !== 0) {
    lines.push(line(salesAccounts.vatPending, input.vatCollectedCents, 'debit', input.label));
    lines.push(line(salesAccounts.vatCollected, input.vatCollectedCents, 'credit', input.label));
  }
  return lines;
}
