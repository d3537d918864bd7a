import { z } from 'zod';
import { CalendarDate } from '../sales/calendar-date.ts';

/** The statement formats Mutua reads (issue 9 §2). */
export const statementFormats = ['camt053', 'ofx', 'csv'] as const;
export type StatementFormat = (typeof statementFormats)[number];

/** One booked transaction as the bank wrote it: amount signed (credit > 0, debit < 0), integer cents. */
export type ParsedBankLine = {
  bookingDate: string;
  valueDate: string | null;
  amountCents: number;
  label: string;
  counterpartyName: string;
  /** Unstructured remittance information, every part joined. */
  remittance: string;
  /** Structured creditor references (ISO 11649 "RF…" or the bank's own), in order. */
  structuredRefs: string[];
  /** The bank's own reference of the line (CAMT AcctSvcrRef / NtryRef, OFX FITID, a CSV column). */
  bankReference: string | null;
  /** SEPA identifiers of the transactions inside the line (a batch booking carries several). */
  endToEndIds: string[];
  messageId: string | null;
  /** The transactions inside a batch booking, each with its amount and remittance (CAMT TxDtls). */
  parts: { amountCents: number; remittance: string; counterpartyName: string; endToEndId: string | null }[];
  /** The line as read from the file, kept with it (issue 9 §2: "each line kept with its raw data"). */
  raw: unknown;
};

export type ParsedStatement = {
  format: StatementFormat;
  /** The bank's identifier of the statement, when it gives one. */
  statementId: string | null;
  /** The account the statement is about: an IBAN, or the bank's account number (OFX, French RIB). */
  account: { iban: string | null; number: string | null };
  currency: string;
  opening: { cents: number; date: string } | null;
  closing: { cents: number; date: string } | null;
  lines: ParsedBankLine[];
};

/**
 * A saved CSV column mapping, one per bank (issue 9 §2). Columns are named by their header, so a file of
 * another layout is refused instead of read wrong.
 */
export const CsvMapping = z.strictObject({
  delimiter: z.enum([';', ',', '\t', '|']).default(';'),
  /** Lines before the header (bank banners). */
  skipLines: z.number().int().min(0).max(50).default(0),
  dateColumn: z.string().trim().min(1).max(100),
  dateFormat: z.enum(['dd/mm/yyyy', 'yyyy-mm-dd', 'dd/mm/yy']).default('dd/mm/yyyy'),
  valueDateColumn: z.string().trim().max(100).default(''),
  labelColumn: z.string().trim().min(1).max(100),
  /** Either one signed amount column, or a debit and a credit column. */
  amountColumn: z.string().trim().max(100).default(''),
  debitColumn: z.string().trim().max(100).default(''),
  creditColumn: z.string().trim().max(100).default(''),
  decimalSeparator: z.enum([',', '.']).default(','),
  referenceColumn: z.string().trim().max(100).default(''),
  counterpartyColumn: z.string().trim().max(100).default(''),
});
export type CsvMapping = z.infer<typeof CsvMapping>;

/** Balances typed by the accountant for a CSV statement, which carries none. */
export const StatementBalancesInput = z.strictObject({
  openingCents: z.number().int(),
  openingDate: CalendarDate,
  closingCents: z.number().int(),
  closingDate: CalendarDate,
});
export type StatementBalancesInput = z.infer<typeof StatementBalancesInput>;
