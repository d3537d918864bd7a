import { bigint, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SalaryPlanStatus } from '../../core/payroll/salary-plan.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Salary plans and their decisions (migrations/0006_payroll.sql). */
export const salaryPlans = pgTable('salary_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull(),
  contractId: uuid('contract_id').notNull(),
  /** The first day of the plan's first month. */
  fromMonth: date('from_month', { mode: 'string' }).notNull(),
  monthlyGrossCents: bigint('monthly_gross_cents', { mode: 'number' }).notNull(),
  fixedPartCents: bigint('fixed_part_cents', { mode: 'number' }).notNull(),
  status: text('status').$type<SalaryPlanStatus>().notNull().default('proposed'),
  note: text('note').notNull().default(''),
  proposedBy: uuid('proposed_by'),
  proposedAt: instant('proposed_at').notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedAt: instant('decided_at'),
  decisionNote: text('decision_note').notNull().default(''),
});
