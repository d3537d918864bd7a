import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ExpenseStatus } from '../../core/expenses/expense-approval.ts';
import type { ExpenseItemType } from '../../core/expenses/expense-schemas.ts';
import type { VatTotal } from '../../core/expenses/expense-totals.ts';
import type { VehicleKind } from '../../core/expenses/mileage-scale.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const cents = (name: string) => bigint(name, { mode: 'number' });
const day = (name: string) => date(name, { mode: 'string' });

/** Expense categories (migrations/0012_expenses.sql). */
export const expenseCategories = pgTable('expense_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  label: text('label').notNull(),
  labelEn: text('label_en').notNull(),
  kind: text('kind').$type<'expense' | 'mileage'>().notNull(),
  accountNumber: text('account_number').notNull(),
  defaultVatRateBp: integer('default_vat_rate_bp').notNull(),
  vatRecoverable: boolean('vat_recoverable').notNull(),
  active: boolean('active').notNull(),
  position: integer('position').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const expenseSettings = pgTable('expense_settings', {
  id: smallint('id').primaryKey(),
  doubleApprovalAboveCents: cents('double_approval_above_cents').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const expenseClaims = pgTable('expense_claims', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number'),
  activityId: uuid('activity_id').notNull(),
  memberId: uuid('member_id').notNull(),
  title: text('title').notNull(),
  status: text('status').$type<ExpenseStatus>().notNull(),
  totalCents: cents('total_cents').notNull(),
  vatCents: cents('vat_cents').notNull(),
  paidCents: cents('paid_cents').notNull().default(0),
  submittedAt: instant('submitted_at'),
  rejectedReason: text('rejected_reason'),
  decidedBy: uuid('decided_by'),
  decidedAt: instant('decided_at'),
  entryId: uuid('entry_id'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const expenseClaimLines = pgTable('expense_claim_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  claimId: uuid('claim_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<'expense' | 'mileage'>().notNull(),
  lineDate: day('line_date').notNull(),
  categoryId: uuid('category_id').notNull(),
  description: text('description').notNull(),
  totalCents: cents('total_cents').notNull(),
  vatCents: cents('vat_cents').notNull(),
  receiptSha256: text('receipt_sha256'),
  vehicle: text('vehicle').$type<VehicleKind>(),
  fiscalHp: integer('fiscal_hp'),
  electric: boolean('electric'),
  distanceKm: integer('distance_km'),
  scaleValidFrom: day('scale_valid_from'),
  kmBefore: integer('km_before'),
});

export const supplierInvoices = pgTable('supplier_invoices', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  categoryId: uuid('category_id').notNull(),
  supplierName: text('supplier_name').notNull(),
  supplierSiren: text('supplier_siren'),
  supplierKey: text('supplier_key').notNull(),
  supplierIban: text('supplier_iban').notNull(),
  supplierBic: text('supplier_bic'),
  number: text('number').notNull(),
  numberKey: text('number_key').notNull(),
  issueDate: day('issue_date').notNull(),
  dueDate: day('due_date'),
  description: text('description').notNull(),
  vatTotals: jsonb('vat_totals').$type<VatTotal[]>().notNull(),
  totalCents: cents('total_cents').notNull(),
  vatCents: cents('vat_cents').notNull(),
  paidCents: cents('paid_cents').notNull().default(0),
  pdfSha256: text('pdf_sha256').notNull(),
  status: text('status').$type<ExpenseStatus>().notNull(),
  submittedAt: instant('submitted_at'),
  rejectedReason: text('rejected_reason'),
  decidedBy: uuid('decided_by'),
  decidedAt: instant('decided_at'),
  entryId: uuid('entry_id'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const expenseApprovals = pgTable('expense_approvals', {
  id: uuid('id').primaryKey().defaultRandom(),
  itemType: text('item_type').$type<ExpenseItemType>().notNull(),
  itemId: uuid('item_id').notNull(),
  userId: uuid('user_id').notNull(),
  approvedAt: instant('approved_at').notNull().defaultNow(),
});

export const expensePaymentBatches = pgTable('expense_payment_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  messageId: text('message_id').notNull(),
  executionDate: day('execution_date').notNull(),
  status: text('status').$type<'prepared' | 'confirmed'>().notNull().default('prepared'),
  totalCents: cents('total_cents').notNull(),
  paidCents: cents('paid_cents').notNull().default(0),
  fileSha256: text('file_sha256').notNull(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  confirmedBy: uuid('confirmed_by'),
  confirmedAt: instant('confirmed_at'),
  paidOn: day('paid_on'),
});

export const expensePaymentLines = pgTable('expense_payment_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  batchId: uuid('batch_id').notNull(),
  position: integer('position').notNull(),
  itemType: text('item_type').$type<ExpenseItemType>().notNull(),
  itemId: uuid('item_id').notNull(),
  activityId: uuid('activity_id').notNull(),
  endToEndId: text('end_to_end_id').notNull(),
  creditorName: text('creditor_name').notNull(),
  iban: text('iban').notNull(),
  bic: text('bic'),
  amountCents: cents('amount_cents').notNull(),
  label: text('label').notNull(),
  status: text('status').$type<'pending' | 'paid' | 'rejected'>().notNull().default('pending'),
  entryId: uuid('entry_id'),
});
