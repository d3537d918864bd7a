import { bigint, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PayrollSettings } from '../../core/payroll/payroll-settings.ts';
import type { ContributionLine, SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const cents = (name: string) => bigint(name, { mode: 'number' });

/** Advances approved by a manager (migrations/0008_payroll_runs.sql). */
export const payrollAdvances = pgTable('payroll_advances', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  fundActivityId: uuid('fund_activity_id').notNull(),
  note: text('note').notNull().default(''),
  approvedBy: uuid('approved_by'),
  approvedAt: instant('approved_at').notNull().defaultNow(),
  advancedCents: cents('advanced_cents').notNull().default(0),
  repaidCents: cents('repaid_cents').notNull().default(0),
});

/** Runs of a month. */
export const payrollRuns = pgTable('payroll_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  month: date('month', { mode: 'string' }).notNull(),
  settings: jsonb('settings').$type<PayrollSettings>().notNull(),
  rulesVersion: text('rules_version').notNull(),
  paidCount: integer('paid_count').notNull(),
  zeroCount: integer('zero_count').notNull(),
  refused: jsonb('refused').$type<{ memberId: string; code: string; message: string }[]>().notNull(),
  runBy: uuid('run_by'),
  runAt: instant('run_at').notNull().defaultNow(),
});

/** Net salary payment batches (SEPA files). */
export const payrollPayments = pgTable('payroll_payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  month: date('month', { mode: 'string' }).notNull(),
  messageId: text('message_id').notNull(),
  executionDate: date('execution_date', { mode: 'string' }).notNull(),
  totalCents: cents('total_cents').notNull(),
  transferCount: integer('transfer_count').notNull(),
  status: text('status').$type<'prepared' | 'confirmed'>().notNull().default('prepared'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  confirmedBy: uuid('confirmed_by'),
  confirmedAt: instant('confirmed_at'),
  fileSha256: text('file_sha256'),
});

/** One member's month: the figures, the entry, the payment. */
export const payrollSlips = pgTable('payroll_slips', {
  id: uuid('id').primaryKey().defaultRandom(),
  runId: uuid('run_id').notNull(),
  memberId: uuid('member_id').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  kind: text('kind').$type<'salary' | 'cape_zero'>().notNull(),
  basis: text('basis').$type<'plan' | 'fixed_part' | 'none'>().notNull(),
  contractId: uuid('contract_id').notNull(),
  salaryPlanId: uuid('salary_plan_id'),
  activityId: uuid('activity_id'),
  grossCents: cents('gross_cents').notNull(),
  netSocialCents: cents('net_social_cents').notNull(),
  netBeforeIncomeTaxCents: cents('net_before_income_tax_cents').notNull(),
  netTaxableCents: cents('net_taxable_cents').notNull(),
  employerCostCents: cents('employer_cost_cents').notNull(),
  employeeContributionsCents: cents('employee_contributions_cents').notNull(),
  employerContributionsCents: cents('employer_contributions_cents').notNull(),
  contributionLines: jsonb('contribution_lines').$type<ContributionLine[]>().notNull(),
  treasuryBeforeCents: cents('treasury_before_cents'),
  advanceId: uuid('advance_id'),
  advanceCents: cents('advance_cents').notNull().default(0),
  periodFrom: date('period_from', { mode: 'string' }),
  periodTo: date('period_to', { mode: 'string' }),
  entryId: uuid('entry_id'),
  paymentId: uuid('payment_id'),
  paidOn: date('paid_on', { mode: 'string' }),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** The cooperative's payroll settings, one version per change (migrations/0014_payroll_settings.sql). */
export const payrollSettingsVersions = pgTable('payroll_settings_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  settings: jsonb('settings').$type<PayrollSettings>().notNull(),
  safetyBufferCents: cents('safety_buffer_cents').notNull(),
  establishmentSiret: text('establishment_siret').notNull().default(''),
  apeCode: text('ape_code').notNull().default(''),
  collectiveAgreement: text('collective_agreement').notNull().default(''),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** Repayments of fund advances, one per advance and month. */
export const payrollAdvanceRepayments = pgTable('payroll_advance_repayments', {
  id: uuid('id').primaryKey().defaultRandom(),
  advanceId: uuid('advance_id').notNull(),
  runId: uuid('run_id').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  amountCents: cents('amount_cents').notNull(),
  entryId: uuid('entry_id').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** Year-end true-ups: accrued (4286), then paid. */
export const payrollTrueUps = pgTable('payroll_true_ups', {
  id: uuid('id').primaryKey().defaultRandom(),
  fiscalYearId: integer('fiscal_year_id').notNull(),
  memberId: uuid('member_id').notNull(),
  activityId: uuid('activity_id').notNull(),
  pricingMonth: date('pricing_month', { mode: 'string' }).notNull(),
  assemblyDate: date('assembly_date', { mode: 'string' }).notNull(),
  payBy: date('pay_by', { mode: 'string' }).notNull(),
  grossCents: cents('gross_cents').notNull(),
  employerCostCents: cents('employer_cost_cents').notNull(),
  figures: jsonb('figures').$type<SalaryFigures>().notNull(),
  accrualEntryId: uuid('accrual_entry_id').notNull(),
  accruedBy: uuid('accrued_by'),
  accruedAt: instant('accrued_at').notNull().defaultNow(),
  paidOn: date('paid_on', { mode: 'string' }),
  paymentEntryId: uuid('payment_entry_id'),
  paidBy: uuid('paid_by'),
  paidAt: instant('paid_at'),
});
