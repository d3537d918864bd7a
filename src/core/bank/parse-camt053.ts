import { AppError } from '../errors/app-error.ts';
import { readXml } from './read-xml.ts';
import type { ParsedBankLine, ParsedStatement } from './statement-schemas.ts';

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : v === undefined ? [] : [obj(v)]);
const text = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && '#text' in v) return String((v as Node)['#text']);
  return '';
};

/** CAMT.053 versions banks send (ISO 20022 bank-to-customer statement, .001.02 to .001.08). */
const namespace = /urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.0([2-8])\b/;

/** "1234.56" (ISO 20022 decimal) into cents; refuses more than two decimals rather than rounding. */
function xmlCents(value: unknown, where: string): number {
  const s = text(value).trim();
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new AppError('BANK_AMOUNT_INVALID', { line: where, value: s.slice(0, 40) });
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
}

function signed(cents: number, indicator: unknown) {
  return text(indicator) === 'DBIT' ? -cents : cents;
}

/** Dt or DtTm (the date part: a booking day is a calendar date). */
function dateOf(node: unknown): string {
  const n = obj(node);
  return (text(n.Dt) || text(n.DtTm)).slice(0, 10);
}

/** A party's name: v2-v7 write Dbtr/Nm, v8 Dbtr/Pty/Nm. */
function partyName(party: unknown): string {
  const p = obj(party);
  return text(p.Nm) || text(obj(p.Pty).Nm);
}

function remittanceOf(rmt: unknown) {
  const r = obj(rmt);
  const unstructured = arr(r.Ustrd).length ? (r.Ustrd as unknown[]).map(text) : [];
  const refs: string[] = [];
  for (const s of arr(r.Strd)) {
    const ref = text(obj(s.CdtrRefInf).Ref);
    if (ref) refs.push(ref);
    for (const d of arr(s.RfrdDocInf)) if (text(d.Nb)) refs.push(text(d.Nb));
    const add = s.AddtlRmtInf;
    if (add) unstructured.push(...(Array.isArray(add) ? add.map(text) : [text(add)]));
  }
  return { unstructured: unstructured.filter(Boolean).join(' '), refs };
}

function balance(balances: Node[], codes: string[]) {
  for (const code of codes) {
    const b = balances.find((x) => text(obj(obj(x.Tp).CdOrPrtry).Cd) === code);
    if (b) return { cents: signed(xmlCents(b.Amt, `Bal ${code}`), b.CdtDbtInd), date: dateOf(b.Dt) };
  }
  return null;
}

function isBooked(entry: Node) {
  const status = entry.Sts;
  const code = typeof status === 'string' ? status : text(obj(status).Cd);
  return code === '' || code === 'BOOK';
}

/**
 * Reads an ISO 20022 CAMT.053 file (versions .001.02 to .001.08): every statement in it, each with its
 * account, opening (OPBD, else PRCD) and closing (CLBD) booked balances and its booked entries. One line per
 * entry (Ntry), as the bank booked it; a batch booking keeps its transactions (TxDtls) as parts, each with its
 * amount, remittance and end-to-end id. Pending entries are left out: they are not on the account yet.
 */
export function parseCamt053(xml: string): ParsedStatement[] {
  // The namespace names the message and its version; the reader drops namespaces (banks prefix them or not),
  // so it is read from the root element's declaration first.
  const declared = /xmlns(?::\w+)?="(urn:iso:std:iso:20022:tech:xsd:[a-z]+\.\d{3}\.\d{3}\.\d{2})"/.exec(
    xml.slice(0, 2000),
  );
  const ns = declared?.[1] ?? '';
  const version = namespace.exec(ns);
  if (!version)
    throw new AppError('BANK_FILE_NOT_STATEMENT', { format: ns ? ns.replace(/^.*xsd:/, '') : 'XML' });
  const root = readXml(xml);
  const doc = obj(root.Document);
  const body = obj(doc.BkToCstmrStmt);
  if (!doc.BkToCstmrStmt) throw new AppError('BANK_FILE_NOT_STATEMENT', { format: 'camt.053' });
  const statements = arr(body.Stmt);
  if (statements.length === 0) throw new AppError('BANK_FILE_NOT_STATEMENT', { format: 'camt.053' });
  return statements.map((stmt, s) => {
    const acct = obj(stmt.Acct);
    const id = obj(acct.Id);
    const balances = arr(stmt.Bal);
    const lines: ParsedBankLine[] = [];
    for (const [n, entry] of arr(stmt.Ntry).entries()) {
      if (!isBooked(entry)) continue;
      const where = `Stmt ${s + 1} Ntry ${n + 1}`;
      const amountCents = signed(xmlCents(entry.Amt, where), entry.CdtDbtInd);
      const incoming = amountCents > 0;
      const txs = arr(entry.NtryDtls).flatMap((d) => arr(d.TxDtls));
      const parts = txs.map((tx) => {
        const amt = obj(tx.AmtDtls);
        const txAmount = tx.Amt ?? obj(amt.TxAmt).Amt;
        const rp = obj(tx.RltdPties);
        const rmt = remittanceOf(tx.RmtInf);
        return {
          amountCents:
            txAmount === undefined
              ? amountCents
              : signed(xmlCents(txAmount, where), tx.CdtDbtInd ?? entry.CdtDbtInd),
          remittance: rmt.unstructured,
          refs: rmt.refs,
          counterpartyName:
            partyName(incoming ? rp.Dbtr : rp.Cdtr) || partyName(incoming ? rp.UltmtDbtr : rp.UltmtCdtr),
          endToEndId: text(obj(tx.Refs).EndToEndId) || null,
          messageId: text(obj(tx.Refs).MsgId) || null,
          reference: text(obj(tx.Refs).AcctSvcrRef) || null,
        };
      });
      const extra = text(entry.AddtlNtryInf);
      const remittance = [...parts.map((p) => p.remittance), extra].filter(Boolean).join(' ');
      const counterparty = [...new Set(parts.map((p) => p.counterpartyName).filter(Boolean))].join(', ');
      lines.push({
        bookingDate: dateOf(entry.BookgDt),
        valueDate: dateOf(entry.ValDt) || null,
        amountCents,
        label: (extra || parts[0]?.remittance || counterparty || 'Opération').slice(0, 500),
        counterpartyName: counterparty.slice(0, 200),
        remittance: remittance.slice(0, 2000),
        structuredRefs: parts.flatMap((p) => p.refs),
        bankReference:
          text(entry.AcctSvcrRef) ||
          text(entry.NtryRef) ||
          (parts.length === 1 ? parts[0]!.reference : null) ||
          null,
        endToEndIds: parts
          .map((p) => p.endToEndId)
          .filter((x): x is string => x !== null && x !== 'NOTPROVIDED'),
        messageId: parts.find((p) => p.messageId)?.messageId ?? null,
        parts:
          parts.length > 1
            ? parts.map((p) => ({
                amountCents: p.amountCents,
                remittance: p.remittance,
                counterpartyName: p.counterpartyName,
                endToEndId: p.endToEndId,
              }))
            : [],
        raw: entry,
      });
    }
    return {
      format: 'camt053' as const,
      statementId: text(stmt.Id) || null,
      account: { iban: text(id.IBAN) || null, number: text(obj(id.Othr).Id) || null },
      currency: text(acct.Ccy) || text(obj(balances[0]?.Amt)['@_Ccy']) || 'EUR',
      opening: balance(balances, ['OPBD', 'PRCD']),
      closing: balance(balances, ['CLBD']),
      lines,
    };
  });
}
