import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CsvMapping, StatementFormat } from '../../core/bank/statement-schemas.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const cents = (name: string) => bigint(name, { mode: 'number' });
const day = (name: string) => date(name, { mode: 'string' });

/** The cooperative's bank accounts (migrations/0013_bank.sql). */
export const bankAccounts = pgTable('bank_accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  iban: text('iban').notNull(),
  bic: text('bic'),
  journalCode: text('journal_code').notNull(),
  ledgerAccountNumber: text('ledger_account_number').notNull(),
  csvMapping: jsonb('csv_mapping').$type<CsvMapping>(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const bankUploads = pgTable('bank_uploads', {
  id: uuid('id').primaryKey().defaultRandom(),
  bankAccountId: uuid('bank_account_id').notNull(),
  fileName: text('file_name').notNull(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const bankUploadParts = pgTable('bank_upload_parts', {
  uploadId: uuid('upload_id').notNull(),
  part: integer('part').notNull(),
  content: text('content').notNull(),
});

export const bankImports = pgTable('bank_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  bankAccountId: uuid('bank_account_id').notNull(),
  format: text('format').$type<StatementFormat>().notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  statementCount: integer('statement_count').notNull(),
  lineCount: integer('line_count').notNull(),
  newLineCount: integer('new_line_count').notNull(),
  openingCents: cents('opening_cents'),
  openingDate: day('opening_date'),
  closingCents: cents('closing_cents'),
  closingDate: day('closing_date'),
  statementDifferenceCents: cents('statement_difference_cents'),
  bookBalanceCents: cents('book_balance_cents'),
  autoConfirmed: integer('auto_confirmed').notNull().default(0),
  importedBy: uuid('imported_by'),
  importedAt: instant('imported_at').notNull().defaultNow(),
});

export type BankLineStatus = 'unmatched' | 'suspense' | 'matched';

export const bankLines = pgTable('bank_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  bankAccountId: uuid('bank_account_id').notNull(),
  importId: uuid('import_id').notNull(),
  lineKey: text('line_key').notNull(),
  bookingDate: day('booking_date').notNull(),
  valueDate: day('value_date'),
  amountCents: cents('amount_cents').notNull(),
  label: text('label').notNull(),
  counterpartyName: text('counterparty_name').notNull().default(''),
  remittance: text('remittance').notNull().default(''),
  structuredRefs: text('structured_refs').array().notNull().default([]),
  bankReference: text('bank_reference'),
  endToEndIds: text('end_to_end_ids').array().notNull().default([]),
  messageId: text('message_id'),
  parts: jsonb('parts').$type<{ amountCents: number; remittance: string }[]>().notNull().default([]),
  raw: jsonb('raw').notNull(),
  status: text('status').$type<BankLineStatus>().notNull().default('unmatched'),
  suspenseEntryId: uuid('suspense_entry_id'),
  suggestions: jsonb('suggestions').notNull().default([]),
  matchedBy: uuid('matched_by'),
  matchedAt: instant('matched_at'),
});

export const bankMatches = pgTable('bank_matches', {
  id: uuid('id').primaryKey().defaultRandom(),
  lineId: uuid('line_id').notNull(),
  kind: text('kind').$type<'invoice' | 'salary_batch' | 'expense_batch'>().notNull(),
  targetId: uuid('target_id').notNull(),
  amountCents: cents('amount_cents').notNull(),
  paymentId: uuid('payment_id'),
  releaseEntryId: uuid('release_entry_id'),
  reason: text('reason').notNull(),
  confidence: integer('confidence').notNull(),
  auto: boolean('auto').notNull().default(false),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const bankMatchRules = pgTable('bank_match_rules', {
  counterpartyKey: text('counterparty_key').primaryKey(),
  clientId: uuid('client_id'),
  activityId: uuid('activity_id').notNull(),
  uses: integer('uses').notNull().default(1),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
