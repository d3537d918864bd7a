import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { JournalKind } from '../../core/ledger/ledger-journals.ts';

// The book of record (migrations/0004_ledger.sql). Entries, lines and balances are written by postEntries
// only; the database refuses any change to them.

export const ledgerAccounts = pgTable('ledger_accounts', {
  number: text('number').primaryKey(),
  label: text('label').notNull(),
  requiresThirdParty: boolean('requires_third_party').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const ledgerJournals = pgTable('ledger_journals', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  kind: text('kind').$type<JournalKind>().notNull(),
  manual: boolean('manual').notNull().default(false),
  active: boolean('active').notNull().default(true),
  chainLength: bigint('chain_length', { mode: 'number' }).notNull().default(0),
  lastHash: text('last_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const fiscalYears = pgTable('fiscal_years', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  closedBy: uuid('closed_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const ledgerSettings = pgTable('ledger_settings', {
  id: smallint('id').primaryKey().default(1),
  lockDate: date('lock_date', { mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const ledgerJournalSequences = pgTable(
  'ledger_journal_sequences',
  {
    journalCode: text('journal_code').notNull(),
    fiscalYearId: integer('fiscal_year_id').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.journalCode, t.fiscalYearId] })],
);

export const ledgerEntries = pgTable('ledger_entries', {
  id: uuid('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  journalCode: text('journal_code').notNull(),
  fiscalYearId: integer('fiscal_year_id').notNull(),
  number: integer('number').notNull(),
  chainIndex: bigint('chain_index', { mode: 'number' }).notNull(),
  entryDate: date('entry_date', { mode: 'string' }).notNull(),
  pieceRef: text('piece_ref').notNull(),
  pieceDate: date('piece_date', { mode: 'string' }).notNull(),
  label: text('label').notNull(),
  sourceType: text('source_type').notNull(),
  sourceId: text('source_id'),
  idempotencyKey: text('idempotency_key').notNull(),
  reversesEntryId: uuid('reverses_entry_id'),
  lineCount: integer('line_count').notNull(),
  totalCents: bigint('total_cents', { mode: 'bigint' }).notNull(),
  postedAt: timestamp('posted_at', { withTimezone: true, mode: 'date' }).notNull(),
  postedBy: uuid('posted_by'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const ledgerEntryLines = pgTable(
  'ledger_entry_lines',
  {
    entryId: uuid('entry_id').notNull(),
    lineNo: integer('line_no').notNull(),
    accountNumber: text('account_number').notNull(),
    activityId: uuid('activity_id').notNull(),
    thirdPartyCode: text('third_party_code'),
    thirdPartyName: text('third_party_name'),
    debitCents: bigint('debit_cents', { mode: 'bigint' }).notNull(),
    creditCents: bigint('credit_cents', { mode: 'bigint' }).notNull(),
    label: text('label').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.lineNo] })],
);

export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    fiscalYearId: integer('fiscal_year_id').notNull(),
    accountNumber: text('account_number').notNull(),
    activityId: uuid('activity_id').notNull(),
    debitCents: bigint('debit_cents', { mode: 'bigint' }).notNull(),
    creditCents: bigint('credit_cents', { mode: 'bigint' }).notNull(),
    lineCount: bigint('line_count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.fiscalYearId, t.accountNumber] })],
);

export const ledgerLetterings = pgTable(
  'ledger_letterings',
  {
    entryId: uuid('entry_id').notNull(),
    lineNo: integer('line_no').notNull(),
    code: text('code').notNull(),
    letteredOn: date('lettered_on', { mode: 'string' }).notNull(),
    letteredAt: timestamp('lettered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    letteredBy: uuid('lettered_by'),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.lineNo] })],
);

/** A draft line as stored in ledger_drafts.lines (amounts as strings of cents, JSON has no bigint). */
export type DraftLine = {
  accountNumber: string;
  activityId: string;
  thirdParty: { code: string; name: string } | null;
  debitCents: string;
  creditCents: string;
  label: string;
};

export const ledgerDrafts = pgTable('ledger_drafts', {
  id: uuid('id').primaryKey().defaultRandom(),
  journalCode: text('journal_code').notNull(),
  entryDate: date('entry_date', { mode: 'string' }).notNull(),
  pieceRef: text('piece_ref').notNull(),
  pieceDate: date('piece_date', { mode: 'string' }).notNull(),
  label: text('label').notNull(),
  lines: jsonb('lines').$type<DraftLine[]>().notNull(),
  status: text('status').$type<'draft' | 'posted' | 'discarded'>().notNull().default('draft'),
  postedEntryId: uuid('posted_entry_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
