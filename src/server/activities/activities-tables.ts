import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
