import { allocateCents } from './allocate-cents.ts';
import type { DocumentTotals } from './compute-document-totals.ts';
import { divideRounded } from './divide-rounded.ts';
import type { DocumentBody, SupplyKind } from './document-line.ts';

/**
 * The accounting of sales (ledger.md, posting rules):
 * - invoice: D 411 client (incl. VAT) · C 706 services / 707 goods (excl. VAT) · C 44574 VAT awaiting
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

/** Net sales per VAT group and supply kind, after the document's allowances (split pro rata). */
function salesByKind(body: DocumentBody, totals: DocumentTotals) {
  const out: { vatKey: string; kind: SupplyKind; baseCents: number; vatCents: number }[] = [];
  for (const g of totals.vatBreakdown) {
    const byKind = new Map<SupplyKind, number>();
    for (const l of totals.lines.filter((x) => x.vatKey === g.key)) {
      const kind = body.sections[l.sectionIndex]!.lines[l.lineIndex]!.kind;
      byKind.set(kind, (byKind.get(kind) ?? 0) + l.netCents);
    }
    const kinds = [...byKind.keys()];
    const nets = kinds.map((k) => byKind.get(k)!);
    // A kind with a negative net (a deduction larger than its lines) cannot take a pro rata share:
    // the whole group goes to services then.
    if (kinds.length > 1 && nets.some((n) => n <= 0)) {
      out.push({ vatKey: g.key, kind: 'services', baseCents: g.baseCents, vatCents: g.vatCents });
      continue;
    }
    const allowances = allocateCents(g.allowanceCents, nets);
    const vats = allocateCents(
      g.vatCents,
      kinds.map((_, i) => nets[i]! - allowances[i]!),
    );
    kinds.forEach((kind, i) => {
      out.push({ vatKey: g.key, kind, baseCents: nets[i]! - allowances[i]!, vatCents: vats[i]! });
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
  for (const part of salesByKind(input.body, input.totals)) {
    const account = part.kind === 'goods' ? salesAccounts.goods : salesAccounts.services;
    revenue.set(account, (revenue.get(account) ?? 0) + part.baseCents);
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
}) {
  const lines: SalesEntryLine[] = [
    line(salesAccounts.bank, input.amountCents, 'debit', input.label),
    line(salesAccounts.client, input.amountCents, 'credit', input.label, true),
  ];
  if (input.vatCollectedCents !== 0) {
    lines.push(line(salesAccounts.vatPending, input.vatCollectedCents, 'debit', input.label));
    lines.push(line(salesAccounts.vatCollected, input.vatCollectedCents, 'credit', input.label));
  }
  return lines;
}
