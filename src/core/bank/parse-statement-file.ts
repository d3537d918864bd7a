import { AppError } from '../errors/app-error.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';
import { parseBankCsv } from './parse-bank-csv.ts';
import { parseCamt053 } from './parse-camt053.ts';
import { parseOfx } from './parse-ofx.ts';
import type {
  CsvMapping,
  ParsedStatement,
  StatementBalancesInput,
  StatementFormat,
} from './statement-schemas.ts';

/** The format of a file from its first bytes: XML with a camt namespace, an OFX header, else CSV. */
export function detectStatementFormat(content: string): StatementFormat | null {
  const head = content
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/OFXHEADER/i.test(head)) return 'ofx';
  // Any ISO 20022 message goes to the CAMT reader, which names the message it is when it is not a statement.
  if (head.startsWith('<')) return /urn:iso:std:iso:20022|camt\.05/.test(head) ? 'camt053' : null;
  // Banks put a banner of a line or two above the header; a header and a line at least, with delimiters.
  const rows = head.split(/\r?\n/).slice(0, 8);
  return rows.filter((l) => /[;,\t|]/.test(l)).length >= 2 ? 'csv' : null;
}

/**
 * Reads a statement file into statements, refusing what is not one (issue 9, bad input): another XML
 * (a pain.001 transfer file, a camt.054 notification), a file of no known format, or a CSV without mapping.
 */
export function parseStatementFile(
  content: string,
  options: { csvMapping?: CsvMapping | null; balances?: StatementBalancesInput | null } = {},
): ParsedStatement[] {
  const format = detectStatementFormat(content);
  if (format === 'camt053') return parseCamt053(content);
  if (format === 'ofx') return parseOfx(content);
  if (format === 'csv') {
    if (!options.csvMapping)
      throw new AppError('BANK_CSV_MAPPING_INVALID', {
        problem: 'aucun paramétrage de colonnes pour ce compte',
      });
    return [parseBankCsv(content, options.csvMapping, options.balances ?? null)];
  }
  throw new AppError('BANK_FILE_NOT_STATEMENT', {
    format: content.trimStart().startsWith('<') ? 'XML' : '?',
  });
}

/**
 * Whether a statement is about the given account: the same IBAN, or (OFX from a French bank) the bank, branch
 * and account numbers that make the IBAN's BBAN. A statement naming no account (CSV) belongs to the one chosen.
 */
export function statementIsForAccount(statement: ParsedStatement, iban: string): boolean {
  const own = normalizeIdentifier(iban);
  if (statement.account.iban) return normalizeIdentifier(statement.account.iban) === own;
  const number = statement.account.number ? normalizeIdentifier(statement.account.number) : '';
  if (!number) return true;
  return own.slice(4).includes(number) || own.includes(number);
}
