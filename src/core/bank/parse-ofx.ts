import { AppError } from '../errors/app-error.ts';
import { parseBankAmount } from './parse-bank-amount.ts';
import { readXml } from './read-xml.ts';
import type { ParsedBankLine, ParsedStatement } from './statement-schemas.ts';

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : v === undefined ? [] : [obj(v)]);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));

/**
 * OFX 1.x is SGML: leaf elements have no closing tag ("<TRNAMT>-12.50"). Closing them turns the body into
 * XML the same reader handles. Aggregates (STMTRS…) are closed in the file; a leaf is a tag followed by text.
 */
function sgmlToXml(body: string): string {
  return body
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/g, '&amp;')
    .replace(/<([A-Za-z0-9.]+)>([^<\r\n]*[^<\s][^<\r\n]*)\s*(?=<)(?!<\/\1>)/g, '<$1>$2</$1>');
}

/** OFX dates: YYYYMMDD, optionally followed by a time and a zone ("20260131120000.000[+1:CET]"). */
function ofxDate(value: unknown, line: number): string {
  const s = text(value).trim();
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(s);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (
    !m ||
    Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
    new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
  )
    throw new AppError('BANK_DATE_INVALID', { line, value: s.slice(0, 40) });
  return iso;
}

/** OFX amounts use "." but French banks often write ","; either, never both as thousands separators. */
function ofxCents(value: unknown, line: number): number {
  const s = text(value).trim();
  const cents = parseBankAmount(s, s.includes(',') ? ',' : '.');
  if (cents === null) throw new AppError('BANK_AMOUNT_INVALID', { line, value: s.slice(0, 40) });
  return cents;
}

/**
 * Reads an OFX bank statement, version 1 (SGML, header "OFXHEADER:100") or 2 (XML, "<?OFX OFXHEADER="200"?>").
 * Every statement response in the file, each with its account (French banks give bank, branch and account
 * numbers, the BBAN inside the IBAN), its transactions and the ledger balance (LEDGERBAL) as closing balance;
 * OFX gives no opening balance, so it is derived from the closing one and the lines.
 */
export function parseOfx(content: string): ParsedStatement[] {
  const start = content.search(/<OFX>/i);
  if (start < 0 || !/OFXHEADER/i.test(content.slice(0, Math.max(start, 0) + 1)))
    throw new AppError('BANK_FILE_NOT_STATEMENT', { format: 'OFX' });
  const isXml = /<\?OFX\s/i.test(content.slice(0, start));
  const body = content.slice(start);
  const root = readXml(isXml ? body : sgmlToXml(body));
  const ofx = obj(root.OFX);
  const responses = arr(obj(ofx.BANKMSGSRSV1).STMTTRNRS);
  if (responses.length === 0) throw new AppError('BANK_FILE_NOT_STATEMENT', { format: 'OFX' });
  let lineNo = 0;
  return responses.map((r) => {
    const rs = obj(r.STMTRS);
    const from = obj(rs.BANKACCTFROM);
    const list = obj(rs.BANKTRANLIST);
    const lines: ParsedBankLine[] = arr(list.STMTTRN).map((t) => {
      lineNo += 1;
      const name = text(t.NAME).trim();
      const memo = text(t.MEMO).trim();
      return {
        bookingDate: ofxDate(t.DTPOSTED, lineNo),
        valueDate: t.DTUSER ? ofxDate(t.DTUSER, lineNo) : null,
        amountCents: ofxCents(t.TRNAMT, lineNo),
        label: [name, memo].filter(Boolean).join(' ').slice(0, 500) || text(t.TRNTYPE),
        counterpartyName: text(obj(t.PAYEE).NAME || t.NAME).slice(0, 200),
        remittance: [memo, name].filter(Boolean).join(' ').slice(0, 2000),
        structuredRefs: [],
        bankReference: text(t.FITID).trim() || null,
        endToEndIds: [],
        messageId: null,
        parts: [],
        raw: t,
      };
    });
    const bal = obj(rs.LEDGERBAL);
    const closing =
      bal.BALAMT === undefined ? null : { cents: ofxCents(bal.BALAMT, 0), date: ofxDate(bal.DTASOF, 0) };
    const total = lines.reduce((s, l) => s + l.amountCents, 0);
    const bank = text(from.BANKID);
    const branch = text(from.BRANCHID);
    const account = text(from.ACCTID);
    return {
      format: 'ofx' as const,
      statementId: null,
      account: {
        iban: /^[A-Z]{2}\d{2}/.test(account) && account.length > 14 ? account : null,
        number: `${bank}${branch}${account}` || null,
      },
      currency: text(rs.CURDEF) || 'EUR',
      opening:
        closing && list.DTSTART ? { cents: closing.cents - total, date: ofxDate(list.DTSTART, 0) } : null,
      closing,
      lines,
    };
  });
}
