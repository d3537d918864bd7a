import {
  bigint,
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
import type { ContributionExplanation } from '../../core/contribution/compute-contribution.ts';
import type { ContributionPolicy } from '../../core/contribution/contribution-policy.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Versions of the contribution policy (migrations/0011_contribution.sql). */
export const contributionPolicyVersions = pgTable('contribution_policy_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  note: text('note').notNull().default(''),
  policy: jsonb('policy').$type<ContributionPolicy>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Members' dated exemptions, with their reason. */
export const contributionExemptions = pgTable('contribution_exemptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull(),
  fromOn: date('from_on', { mode: 'string' }).notNull(),
  toOn: date('to_on', { mode: 'string' }).notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  /** Revoked from this day on (migrations/0015_contribution_revocation.sql); null while it runs its course. */
  revokedFrom: date('revoked_from', { mode: 'string' }),
  revokeReason: text('revoke_reason'),
  revokedBy: uuid('revoked_by'),
  revokedAt: instant('revoked_at'),
});

/** The portfolio alerts' thresholds (one row). */
export const contributionSettings = pgTable('contribution_settings', {
  id: smallint('id').primaryKey().default(1),
  fallingMonths: integer('falling_months').notNull(),
  fallingPercentBp: integer('falling_percent_bp').notNull(),
  fallingMinCents: bigint('falling_min_cents', { mode: 'number' }).notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Monthly runs. */
export const contributionRuns = pgTable('contribution_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  month: text('month').notNull(),
  activityCount: integer('activity_count').notNull(),
  postedCount: integer('posted_count').notNull(),
  totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  runBy: uuid('run_by'),
  runAt: instant('run_at').notNull().defaultNow(),
});

/** What each run charged each activity, and why. */
export const contributionCharges = pgTable(
  'contribution_charges',
  {
    activityId: uuid('activity_id').notNull(),
    month: text('month').notNull(),
    seq: integer('seq').notNull(),
    runId: uuid('run_id').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    entryId: uuid('entry_id'),
    policyVersionId: uuid('policy_version_id'),
    explanation: jsonb('explanation').$type<ContributionExplanation>().notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.month, t.seq] })],
);
