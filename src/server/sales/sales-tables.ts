import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { VatGroup } from '../../core/sales/compute-document-totals.ts';
import type { Discount, DocumentBody, LineVat, SupplyKind } from '../../core/sales/document-line.ts';
import type { InvoiceStatus, QuoteStatus } from '../../core/sales/document-statuses.ts';
import type { CounterReset } from '../../core/sales/numbering-template.ts';
import type { PaymentTerms } from '../../core/sales/payment-terms.ts';
import type {
  ClientKind,
  PartyAddress,
  SalesDocumentType,
  SalesDocumentView,
} from '../../core/sales/sales-document-view.ts';
import type { UnitCode } from '../../core/sales/unit-codes.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const cents = (name: string) => bigint(name, { mode: 'number' });

export const salesSettings = pgTable('sales_settings', {
  id: smallint('id').primaryKey().default(1),
  numberingTemplate: text('numbering_template').notNull(),
  numberingReset: text('numbering_reset').$type<CounterReset>().notNull(),
  numberingPerActivity: boolean('numbering_per_activity').notNull(),
  vatOnDebits: boolean('vat_on_debits').notNull(),
  latePenaltyMarginBp: integer('late_penalty_margin_bp').notNull(),
  latePenaltyFixedRateBp: integer('late_penalty_fixed_rate_bp'),
  ecbRates: jsonb('ecb_rates').$type<{ semesterStart: string; rateBp: number }[]>().notNull(),
  quoteNumberingTemplate: text('quote_numbering_template').notNull(),
  quoteNumberingReset: text('quote_numbering_reset').$type<CounterReset>().notNull(),
  quoteValidityDays: integer('quote_validity_days').notNull(),
  remindersEnabled: boolean('reminders_enabled').notNull(),
  reminderDays: jsonb('reminder_days').$type<number[]>().notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const salesMemberLimits = pgTable('sales_member_limits', {
  memberId: uuid('member_id').primaryKey(),
  validationCeilingCents: cents('validation_ceiling_cents').notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const clients = pgTable('clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  kind: text('kind').$type<ClientKind>().notNull(),
  name: text('name').notNull(),
  siren: text('siren'),
  siret: text('siret'),
  vatNumber: text('vat_number'),
  billingAddress: jsonb('billing_address').$type<PartyAddress>().notNull(),
  deliveryAddress: jsonb('delivery_address').$type<PartyAddress>(),
  email: text('email'),
  paymentTerms: jsonb('payment_terms').$type<PaymentTerms>().notNull(),
  archived: boolean('archived').notNull().default(false),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const catalogueItems = pgTable('catalogue_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  unit: text('unit').$type<UnitCode>().notNull(),
  unitPriceCents: cents('unit_price_cents').notNull(),
  vat: jsonb('vat').$type<LineVat>().notNull(),
  supplyKind: text('supply_kind').$type<SupplyKind>().notNull(),
  salesAccount: text('sales_account').notNull(),
  archived: boolean('archived').notNull().default(false),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const quotes = pgTable('quotes', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  clientId: uuid('client_id').notNull(),
  reference: text('reference'),
  counterKey: text('counter_key'),
  counter: integer('counter'),
  status: text('status').$type<QuoteStatus>().notNull().default('draft'),
  body: jsonb('body').$type<DocumentBody>().notNull(),
  issueDate: day('issue_date'),
  validityDate: day('validity_date'),
  notes: text('notes'),
  deliveryAddress: jsonb('delivery_address').$type<PartyAddress>(),
  paymentTerms: jsonb('payment_terms').$type<PaymentTerms>().notNull(),
  totalLinesCents: cents('total_lines_cents').notNull().default(0),
  totalAllowancesCents: cents('total_allowances_cents').notNull().default(0),
  totalExclCents: cents('total_excl_cents').notNull().default(0),
  totalVatCents: cents('total_vat_cents').notNull().default(0),
  totalInclCents: cents('total_incl_cents').notNull().default(0),
  vatBreakdown: jsonb('vat_breakdown').$type<VatGroup[]>().notNull().default([]),
  pdfSha256: text('pdf_sha256'),
  sentAt: instant('sent_at'),
  decidedAt: instant('decided_at'),
  decidedBy: uuid('decided_by'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const numberingCounters = pgTable('numbering_counters', {
  counterKey: text('counter_key').primaryKey(),
  lastValue: integer('last_value').notNull(),
  lastIssueDate: day('last_issue_date'),
});

export const invoices = pgTable('invoices', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  clientId: uuid('client_id').notNull(),
  type: text('type').$type<SalesDocumentType>().notNull(),
  status: text('status').$type<InvoiceStatus>().notNull().default('draft'),
  quoteId: uuid('quote_id'),
  quotePart: text('quote_part').$type<QuotePart>(),
  correctsInvoiceId: uuid('corrects_invoice_id'),
  discount: jsonb('discount').$type<Discount>(),
  deliveryDate: day('delivery_date'),
  deliveryAddress: jsonb('delivery_address').$type<PartyAddress>(),
  purchaseOrderReference: text('purchase_order_reference'),
  notes: text('notes'),
  paymentTerms: jsonb('payment_terms').$type<PaymentTerms>().notNull(),
  totalLinesCents: cents('total_lines_cents').notNull().default(0),
  totalAllowancesCents: cents('total_allowances_cents').notNull().default(0),
  totalExclCents: cents('total_excl_cents').notNull().default(0),
  totalVatCents: cents('total_vat_cents').notNull().default(0),
  totalInclCents: cents('total_incl_cents').notNull().default(0),
  vatBreakdown: jsonb('vat_breakdown').$type<VatGroup[]>().notNull().default([]),
  vatPendingCents: cents('vat_pending_cents').notNull().default(0),
  submittedAt: instant('submitted_at'),
  approvedBy: uuid('approved_by'),
  approvedAt: instant('approved_at'),
  returnReason: text('return_reason'),
  number: text('number'),
  counterKey: text('counter_key'),
  counter: integer('counter'),
  issueDate: day('issue_date'),
  dueDate: day('due_date'),
  issuedView: jsonb('issued_view').$type<SalesDocumentView>(),
  pdfSha256: text('pdf_sha256'),
  xmlSha256: text('xml_sha256'),
  ledgerEntryId: uuid('ledger_entry_id'),
  issuedBy: uuid('issued_by'),
  issuedAt: instant('issued_at'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    sectionIndex: integer('section_index').notNull(),
    sectionTitle: text('section_title'),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 16, scale: 4 }).notNull(),
    unit: text('unit').$type<UnitCode>().notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    vat: jsonb('vat').$type<LineVat>().notNull(),
    discount: jsonb('discount').$type<Discount>(),
    supplyKind: text('supply_kind').$type<SupplyKind>().notNull(),
    salesAccount: text('sales_account'),
    grossCents: cents('gross_cents').notNull(),
    discountCents: cents('discount_cents').notNull(),
    netCents: cents('net_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.position] })],
);

export const payments = pgTable('payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  invoiceId: uuid('invoice_id').notNull(),
  paidOn: day('paid_on').notNull(),
  amountCents: cents('amount_cents').notNull(),
  method: text('method').$type<PaymentMethod>().notNull(),
  reference: text('reference').notNull().default(''),
  vatCollectedCents: cents('vat_collected_cents').notNull().default(0),
  ledgerEntryId: uuid('ledger_entry_id').notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export type PaymentMethod = 'transfer' | 'cheque' | 'card' | 'cash' | 'directDebit' | 'other';

/** Which part of a quote an invoice bills (issue 5 §3). */
export type QuotePart = 'deposit' | 'intermediate' | 'balance';

/** The trace of an issued document sent by e-mail, or of a reminder (issue 5 §9). Never changed. */
/** Each e-mail that carried a quote's stored PDF (issue 5 §9). */
export const quoteSendings = pgTable('quote_sendings', {
  id: uuid('id').primaryKey().defaultRandom(),
  quoteId: uuid('quote_id').notNull(),
  toAddress: text('to_address').notNull(),
  fileSha256: text('file_sha256').notNull(),
  emailId: uuid('email_id').notNull(),
  sentBy: uuid('sent_by'),
  sentAt: instant('sent_at').notNull(),
});

export const invoiceSendings = pgTable('invoice_sendings', {
  id: uuid('id').primaryKey().defaultRandom(),
  invoiceId: uuid('invoice_id').notNull(),
  kind: text('kind').$type<'document' | 'reminder'>().notNull(),
  reminderDays: integer('reminder_days'),
  toAddress: text('to_address').notNull(),
  fileSha256: text('file_sha256').notNull(),
  emailId: uuid('email_id').notNull(),
  dueCents: cents('due_cents'),
  penaltyCents: cents('penalty_cents'),
  penaltyRateBp: integer('penalty_rate_bp'),
  indemnityCents: cents('indemnity_cents'),
  sentBy: uuid('sent_by'),
  sentAt: instant('sent_at').notNull(),
});
