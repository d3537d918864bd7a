import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ActivityKind, ActivityStatus } from '../../core/activities/activity-schemas.ts';

export const activities = pgTable('activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  brand: text('brand').notNull().default(''),
  trade: text('trade').notNull().default(''),
  nafCode: text('naf_code'),
  kind: text('kind').$type<ActivityKind>().notNull(),
  status: text('status').$type<ActivityStatus>().notNull().default('active'),
  /** Support referent; every member activity has one (issue 3). */
  referentId: uuid('referent_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Members of an activity with their dated shares in basis points (10 000 = 100 %). */
export const activityMembers = pgTable('activity_members', {
  id: uuid('id').primaryKey().defaultRandom(),
  activityId: uuid('activity_id').notNull(),
  memberId: uuid('member_id').notNull(),
  shareBp: integer('share_bp').notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
