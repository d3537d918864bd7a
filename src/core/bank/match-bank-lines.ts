import {
  creditorReferenceBody,
  findCreditorReferences,
  readCreditorReference,
} from './creditor-reference.ts';
import { counterpartyKey, partyNameTokens } from './normalize-party-name.ts';

/** An issued invoice still (partly) unpaid. */
export type OpenInvoice = {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  activityId: string;
  dueCents: number;
  issueDate: string;
};

/** A SEPA transfer batch prepared and not yet confirmed (net salaries, expense reimbursements). */
export type OpenBatch = {
  id: string;
  kind: 'salary' | 'expense';
  messageId: string;
  totalCents: number;
  executionDate: string;
};

/** Learnt from the accountant's choices: this counterparty pays that client's invoices, on that activity. */
export type MatchRule = { counterpartyKey: string; clientId: string | null; activityId: string };

export type LineToMatch = {
  id: string;
  amountCents: number;
  bookingDate: string;
  label: string;
  counterpartyName: string;
  remittance: string;
  structuredRefs: readonly string[];
  endToEndIds: readonly string[];
  messageId: string | null;
  parts: readonly { amountCents: number; remittance: string }[];
};

export const matchReasons = [
  'structuredReference',
  'invoiceNumber',
  'invoiceNumbers',
  'invoiceNumberPartial',
  'amountAndClient',
  'learntRule',
  'clientSplit',
  'amountOnly',
  'batchMessageId',
  'batchEndToEndId',
  'batchAmount',
] as const;
export type MatchReason = (typeof matchReasons)[number];

export type Suggestion =
  | {
      kind: 'invoices';
      allocations: { invoiceId: string; amountCents: number }[];
      reason: MatchReason;
      /** What the reason rests on, shown to the accountant: the invoice numbers, the client's name. */
      detail: string;
      confidence: number;
    }
  | {
      kind: 'batch';
      batchKind: OpenBatch['kind'];
      batchId: string;
      reason: MatchReason;
      detail: string;
      confidence: number;
    };

/**
 * Suggestions at or above this confidence are confirmed without the accountant (issue 9 §3). Only the reasons
 * that name the document and agree on the amount reach it: an invoice number or structured reference with the
 * exact amount due, a batch's own message or end-to-end identifier with its exact total.
 */
export const autoConfirmThreshold = 95;

const tokenPattern = /[A-Za-z0-9](?:[A-Za-z0-9\-/_.]*[A-Za-z0-9])?/g;
const normalizeNumber = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** Tokens too short to be an invoice number would match by chance. */
const minNumberLength = 4;

/** A name word found in more clients than this is too common to look clients up by. */
const maxClientsPerWord = 200;

/** Subsets of at most this many open invoices of one client are tried for a split. */
const maxSplitCandidates = 12;
/** Any subset (not only the oldest) is tried among at most this many. */
const maxSubsetEnumeration = 10;

/**
 * Builds the matching indexes once (invoices by number, by structured reference, by amount, by client name
 * word; batches by message id and amount), then explains each line with ranked suggestions, each with its
 * reason and a confidence from 0 to 100. `allocate` takes a confirmed match off what is due so later lines of
 * the same statement are not offered an invoice already paid. Linear in lines + invoices.
 */
export function createBankMatcher(input: {
  invoices: readonly OpenInvoice[];
  batches: readonly OpenBatch[];
  rules: readonly MatchRule[];
}) {
  const due = new Map<string, number>();
  const byId = new Map<string, OpenInvoice>();
  const byNumber = new Map<string, OpenInvoice>();
  // By the body of the RF reference printed on the invoice (creditorReference); null when two open invoices
  // share one (numbers cut to their last 21 characters), so neither is named by it.
  const byReference = new Map<string, OpenInvoice | null>();
  const byAmount = new Map<number, OpenInvoice[]>();
  const byAmountAndClient = new Map<string, OpenInvoice[]>();
  const byClient = new Map<string, OpenInvoice[]>();
  const clientTokens = new Map<string, string[]>();
  const clientsByToken = new Map<string, Set<string>>();
  for (const inv of input.invoices) {
    if (inv.dueCents <= 0) continue;
    due.set(inv.id, inv.dueCents);
    byId.set(inv.id, inv);
    byNumber.set(normalizeNumber(inv.number), inv);
    const body = creditorReferenceBody(inv.number);
    if (body !== null) byReference.set(body, byReference.has(body) ? null : inv);
    push(byAmount, inv.dueCents, inv);
    push(byAmountAndClient, `${inv.dueCents}|${inv.clientId}`, inv);
    push(byClient, inv.clientId, inv);
    if (!clientTokens.has(inv.clientId)) {
      const tokens = [...new Set(partyNameTokens(inv.clientName))];
      clientTokens.set(inv.clientId, tokens);
      for (const t of tokens) {
        const set = clientsByToken.get(t) ?? new Set<string>();
        set.add(inv.clientId);
        clientsByToken.set(t, set);
      }
    }
  }
  for (const list of byClient.values()) list.sort((a, b) => a.issueDate.localeCompare(b.issueDate));
  const batches = new Map(input.batches.map((b) => [b.id, b]));
  const batchByMessage = new Map(input.batches.map((b) => [normalizeNumber(b.messageId), b]));
  const batchesByTotal = new Map<number, OpenBatch[]>();
  for (const b of input.batches) push(batchesByTotal, b.totalCents, b);
  const rules = new Map(input.rules.map((r) => [r.counterpartyKey, r]));
  const dueOf = (inv: OpenInvoice) => due.get(inv.id) ?? 0;

  /** Clients whose name agrees with the counterparty's (at least half their significant words). */
  function clientsNamed(name: string): { clientId: string; similarity: number }[] {
    const tokens = [...new Set(partyNameTokens(name))];
    // Words shared by thousands of clients (MARTIN, ATELIER) say little and cost much: counted only when no
    // rarer word is there, and then only the rarest.
    const postings = tokens
      .map((t) => clientsByToken.get(t))
      .filter((p): p is Set<string> => p !== undefined)
      .sort((a, b) => a.size - b.size);
    const useful = postings.filter((p) => p.size <= maxClientsPerWord);
    const shared = new Map<string, number>();
    for (const posting of useful.length > 0 ? useful : postings.slice(0, 1))
      for (const clientId of posting) shared.set(clientId, (shared.get(clientId) ?? 0) + 1);
    // A common word left out of the count can still be shared: looked up in the candidate's few words.
    const common =
      useful.length > 0 ? tokens.filter((t) => (clientsByToken.get(t)?.size ?? 0) > maxClientsPerWord) : [];
    const found: { clientId: string; similarity: number }[] = [];
    for (const [clientId, count] of shared) {
      const own = clientTokens.get(clientId)!;
      let both = useful.length > 0 ? count : 0;
      for (const t of useful.length > 0 ? common : tokens) if (own.includes(t)) both++;
      const similarity = both / Math.min(tokens.length, own.length);
      if (similarity >= 0.5) found.push({ clientId, similarity });
      if (found.length > 200) break;
    }
    return found.sort((a, b) => b.similarity - a.similarity).slice(0, 5);
  }

  /**
   * Invoices named in a text: numbers as written, or the RF reference printed on the invoice, sent in the
   * bank's structured field or typed by the client in the free remittance (both count as structured: the
   * check digits prove the reference was copied whole).
   */
  function invoicesNamedIn(texts: readonly string[], refs: readonly string[]) {
    const found: OpenInvoice[] = [];
    let structured = false;
    const take = (inv: OpenInvoice | null | undefined) => {
      if (!inv || dueOf(inv) <= 0) return false;
      if (!found.includes(inv)) found.push(inv);
      structured = true;
      return true;
    };
    for (const ref of refs) {
      // A valid RF reference carries the invoice number's body (creditorReference); else the bank's
      // structured field may hold the number itself.
      const body = readCreditorReference(ref);
      take(body !== null ? byReference.get(body) : byNumber.get(normalizeNumber(ref)));
    }
    for (const text of texts) for (const body of findCreditorReferences(text)) take(byReference.get(body));
    for (const text of texts)
      for (const m of text.matchAll(tokenPattern)) {
        const key = normalizeNumber(m[0]);
        if (key.length < minNumberLength) continue;
        const inv = byNumber.get(key);
        if (inv && dueOf(inv) > 0 && !found.includes(inv)) found.push(inv);
      }
    return { found, structured };
  }

  function suggestIncoming(line: LineToMatch): Suggestion[] {
    const out: Suggestion[] = [];
    const amount = line.amountCents;
    const rule = rules.get(counterpartyKey(line.counterpartyName || line.label));
    // 1. The remittance names the invoices. A batch booking's parts each pay what they name.
    const partsNaming = line.parts.map((p) => ({ part: p, ...invoicesNamedIn([p.remittance], []) }));
    if (
      line.parts.length > 1 &&
      partsNaming.every((p) => p.found.length === 1 && dueOf(p.found[0]!) === p.part.amountCents)
    ) {
      const ids = new Set(partsNaming.map((p) => p.found[0]!.id));
      if (ids.size === partsNaming.length)
        out.push({
          kind: 'invoices',
          allocations: partsNaming.map((p) => ({
            invoiceId: p.found[0]!.id,
            amountCents: p.part.amountCents,
          })),
          reason: 'invoiceNumbers',
          detail: partsNaming.map((p) => p.found[0]!.number).join(', '),
          confidence: 97,
        });
    }
    const named = invoicesNamedIn([line.remittance, line.label], line.structuredRefs);
    if (named.found.length === 1) {
      const inv = named.found[0]!;
      const d = dueOf(inv);
      if (d === amount)
        out.push({
          kind: 'invoices',
          allocations: [{ invoiceId: inv.id, amountCents: amount }],
          reason: named.structured ? 'structuredReference' : 'invoiceNumber',
          detail: inv.number,
          confidence: named.structured ? 99 : 98,
        });
      else if (amount < d)
        out.push({
          kind: 'invoices',
          allocations: [{ invoiceId: inv.id, amountCents: amount }],
          reason: 'invoiceNumberPartial',
          detail: inv.number,
          confidence: 80,
        });
    } else if (named.found.length > 1) {
      const total = named.found.reduce((s, inv) => s + dueOf(inv), 0);
      if (total === amount)
        out.push({
          kind: 'invoices',
          allocations: named.found.map((inv) => ({ invoiceId: inv.id, amountCents: dueOf(inv) })),
          reason: 'invoiceNumbers',
          detail: named.found.map((i) => i.number).join(', '),
          confidence: 96,
        });
    }
    // 2. The amount and the client's name.
    const clients = clientsNamed(line.counterpartyName || line.label);
    const clientIds = new Set(clients.map((c) => c.clientId));
    if (rule?.clientId) clientIds.add(rule.clientId);
    // Looked up by amount and client, and by amount alone only up to a few: a round amount is due on
    // thousands of invoices, and reading them all for every line would make matching quadratic.
    const ofClient = [...clientIds].flatMap((clientId) =>
      (byAmountAndClient.get(`${amount}|${clientId}`) ?? []).filter((inv) => dueOf(inv) === amount),
    );
    const sameAmount: OpenInvoice[] = [];
    for (const inv of byAmount.get(amount) ?? []) {
      if (dueOf(inv) === amount) sameAmount.push(inv);
      if (sameAmount.length === 3) break;
    }
    if (ofClient.length > 0) {
      const ranked = ofClient
        .map((inv) => ({
          inv,
          byRule:
            rule !== undefined && (rule.clientId === inv.clientId || rule.activityId === inv.activityId),
        }))
        .sort(
          (a, b) => Number(b.byRule) - Number(a.byRule) || a.inv.issueDate.localeCompare(b.inv.issueDate),
        );
      for (const { inv, byRule } of ranked.slice(0, 3))
        out.push({
          kind: 'invoices',
          allocations: [{ invoiceId: inv.id, amountCents: amount }],
          reason: byRule ? 'learntRule' : 'amountAndClient',
          detail: `${inv.number} · ${inv.clientName}`,
          // Two invoices of the same client for the same amount: the oldest is likelier, neither is certain.
          confidence: ofClient.length === 1 ? (byRule ? 92 : 88) : byRule ? 75 : 65,
        });
    }
    // 3. Several invoices of one client that add up to the amount (oldest first, then any subset).
    if (!out.some((s) => s.confidence >= 88))
      for (const clientId of clientIds) {
        const open = (byClient.get(clientId) ?? []).filter((inv) => dueOf(inv) > 0);
        if (open.length < 2) continue;
        const subset = findSubset(open.slice(0, maxSplitCandidates), amount, dueOf);
        if (subset && subset.length > 1)
          out.push({
            kind: 'invoices',
            allocations: subset.map((inv) => ({ invoiceId: inv.id, amountCents: dueOf(inv) })),
            reason: 'clientSplit',
            detail: `${subset.map((i) => i.number).join(', ')} · ${subset[0]!.clientName}`,
            confidence: 72,
          });
      }
    // 4. The amount alone: worth a look, never confirmed by itself.
    if (ofClient.length === 0 && sameAmount.length > 0)
      for (const inv of sameAmount.slice(0, 3))
        out.push({
          kind: 'invoices',
          allocations: [{ invoiceId: inv.id, amountCents: amount }],
          reason: 'amountOnly',
          detail: `${inv.number} · ${inv.clientName}`,
          confidence: sameAmount.length === 1 ? 45 : 30,
        });
    return out;
  }

  function suggestOutgoing(line: LineToMatch): Suggestion[] {
    const out: Suggestion[] = [];
    const paid = -line.amountCents;
    const byMessage = line.messageId ? batchByMessage.get(normalizeNumber(line.messageId)) : undefined;
    // End-to-end ids of a batch are "<MsgId>-<n>" (salary-payments.ts), so the prefix names the batch.
    const byE2e = line.endToEndIds
      .map((id) => batchByMessage.get(normalizeNumber(id.replace(/-\d+$/, ''))))
      .find((b) => b !== undefined);
    const inText = [...`${line.remittance} ${line.label}`.matchAll(tokenPattern)]
      .map((m) => batchByMessage.get(normalizeNumber(m[0])))
      .find((b) => b !== undefined);
    const found = byMessage ?? byE2e ?? inText;
    if (found && batches.has(found.id)) {
      const exact = found.totalCents === paid;
      out.push({
        kind: 'batch',
        batchKind: found.kind,
        batchId: found.id,
        reason: byMessage ? 'batchMessageId' : 'batchEndToEndId',
        detail: found.messageId,
        confidence: exact ? (byMessage ? 99 : 97) : 50,
      });
    }
    for (const b of batchesByTotal.get(paid) ?? []) {
      if (b === found || !batches.has(b.id)) continue;
      const days = Math.abs(Date.parse(line.bookingDate) - Date.parse(b.executionDate)) / 86_400_000;
      if (days <= 10)
        out.push({
          kind: 'batch',
          batchKind: b.kind,
          batchId: b.id,
          reason: 'batchAmount',
          detail: b.messageId,
          confidence: 70,
        });
    }
    return out;
  }

  return {
    /** Ranked suggestions for one line, best first, at most five, none repeating the same targets. */
    suggest(line: LineToMatch): Suggestion[] {
      if (line.amountCents === 0) return [];
      const all = line.amountCents > 0 ? suggestIncoming(line) : suggestOutgoing(line);
      const seen = new Set<string>();
      return all
        .sort((a, b) => b.confidence - a.confidence)
        .filter((s) => {
          const key =
            s.kind === 'batch'
              ? s.batchId
              : s.allocations
                  .map((a) => a.invoiceId)
                  .sort()
                  .join(',');
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .slice(0, 5);
    },
    /** A match confirmed: what it paid is no longer due, a batch is settled. */
    allocate(suggestion: Suggestion) {
      if (suggestion.kind === 'batch') batches.delete(suggestion.batchId);
      else
        for (const a of suggestion.allocations)
          due.set(a.invoiceId, (due.get(a.invoiceId) ?? 0) - a.amountCents);
    },
    invoice: (id: string) => byId.get(id),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Invoices whose amounts due add up to the target: the oldest ones first (clients usually pay their oldest
 * invoices), else the smallest subset of the oldest ten by enumeration (at most 2^10 sums).
 */
function findSubset<T>(items: readonly T[], target: number, value: (t: T) => number): T[] | null {
  let sum = 0;
  for (let i = 0; i < items.length; i++) {
    sum += value(items[i]!);
    if (sum === target) return items.slice(0, i + 1);
    if (sum > target) break;
  }
  let best: number | null = null;
  const n = Math.min(items.length, maxSubsetEnumeration);
  for (let mask = 1; mask < 1 << n; mask++) {
    let s = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += value(items[i]!);
    if (s === target && (best === null || popcount(mask) < popcount(best))) best = mask;
  }
  return best === null ? null : items.filter((_, i) => best! & (1 << i));
}

function popcount(x: number) {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}
