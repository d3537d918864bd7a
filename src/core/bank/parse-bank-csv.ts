import { AppError } from '../errors/app-error.ts';
import { requireBankAmount } from './parse-bank-amount.ts';
import { requireBankDate } from './parse-bank-date.ts';
import type {
  CsvMapping,
  ParsedBankLine,
  ParsedStatement,
  StatementBalancesInput,
} from './statement-schemas.ts';

/** Splits CSV text into rows (RFC 4180: quoted fields, "" inside quotes, CRLF or LF), keeping line numbers. */
export function splitCsv(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

/**
 * Reads a CSV statement with the bank's saved column mapping: French decimals ("1 234,56") and dates
 * (dd/mm/yyyy) by default, one signed amount column or separate debit and credit columns. A column of the
 * mapping missing from the header, or a file whose first lines do not read with it, is refused as a wrong
 * mapping, naming what was found; a bad amount or a date that does not exist names its line.
 */
export function parseBankCsv(
  content: string,
  mapping: CsvMapping,
  balances: StatementBalancesInput | null = null,
): ParsedStatement {
  const text = content.replace(/^\uFEFF/, '');
  const rows = splitCsv(text, mapping.delimiter).slice(mapping.skipLines);
  const header = rows.shift();
  if (!header) throw new AppError('BANK_FILE_NOT_STATEMENT', { format: 'CSV' });
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const column = (name: string, required: boolean) => {
    if (!name) return -1;
    const index = names.indexOf(name.trim().toLowerCase());
    if (index < 0 && required)
      throw new AppError('BANK_CSV_MAPPING_INVALID', {
        problem: `colonne « ${name} » absente (colonnes lues : ${header.cells.slice(0, 12).join(', ')})`,
      });
    return index;
  };
  const date = column(mapping.dateColumn, true);
  const valueDate = column(mapping.valueDateColumn, false);
  const label = column(mapping.labelColumn, true);
  const amount = column(mapping.amountColumn, Boolean(mapping.amountColumn));
  const debit = column(mapping.debitColumn, Boolean(mapping.debitColumn));
  const credit = column(mapping.creditColumn, Boolean(mapping.creditColumn));
  const reference = column(mapping.referenceColumn, false);
  const counterparty = column(mapping.counterpartyColumn, false);
  if (amount < 0 && (debit < 0 || credit < 0))
    throw new AppError('BANK_CSV_MAPPING_INVALID', {
      problem: 'il faut une colonne de montant, ou une colonne de débit et une de crédit',
    });
  const lines: ParsedBankLine[] = [];
  for (const [index, row] of rows.entries()) {
    const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
    if (row.cells.length < names.length && index === rows.length - 1 && cell(date) === '') break;
    const read = () => {
      const booking = requireBankDate(cell(date), mapping.dateFormat, row.line);
      let cents: number;
      if (amount >= 0) cents = requireBankAmount(cell(amount), mapping.decimalSeparator, row.line);
      else {
        const d = cell(debit)
          ? Math.abs(requireBankAmount(cell(debit), mapping.decimalSeparator, row.line))
          : 0;
        const c = cell(credit)
          ? Math.abs(requireBankAmount(cell(credit), mapping.decimalSeparator, row.line))
          : 0;
        if ((d === 0) === (c === 0))
          throw new AppError('BANK_AMOUNT_INVALID', {
            line: row.line,
            value: `${cell(debit)}|${cell(credit)}`,
          });
        cents = c - d;
      }
      return { booking, cents };
    };
    let parsed: { booking: string; cents: number };
    try {
      parsed = read();
    } catch (error) {
      // The first data line not reading at all means the mapping is wrong, not the bank's data.
      if (index === 0 && error instanceof AppError)
        throw new AppError('BANK_CSV_MAPPING_INVALID', {
          problem: `la première ligne (${row.line}) ne se lit pas : ${String(error.details.value ?? '')}`,
        });
      throw error;
    }
    const raw: Record<string, string> = {};
    header.cells.forEach((name, i) => {
      raw[name.trim() || `col${i + 1}`] = row.cells[i] ?? '';
    });
    lines.push({
      bookingDate: parsed.booking,
      valueDate:
        valueDate >= 0 && cell(valueDate)
          ? requireBankDate(cell(valueDate), mapping.dateFormat, row.line)
          : null,
      amountCents: parsed.cents,
      label: cell(label).slice(0, 500),
      counterpartyName: cell(counterparty).slice(0, 200),
      remittance: cell(label).slice(0, 2000),
      structuredRefs: [],
      bankReference: cell(reference) || null,
      endToEndIds: [],
      messageId: null,
      parts: [],
      raw,
    });
  }
  return {
    format: 'csv',
    statementId: null,
    account: { iban: null, number: null },
    currency: 'EUR',
    opening: balances ? { cents: balances.openingCents, date: balances.openingDate } : null,
    closing: balances ? { cents: balances.closingCents, date: balances.closingDate } : null,
    lines,
  };
}
