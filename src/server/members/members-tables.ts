import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DeadlineKind } from '../../core/members/compute-journey-deadlines.ts';
import type { JourneyEntryKind, JourneyStage } from '../../core/members/journey-schemas.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const members = pgTable('members', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id'),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  email: text('email'),
  phone: text('phone').notNull().default(''),
  addressLine1: text('address_line1').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  city: text('city').notNull().default(''),
  birthDate: day('birth_date'),
  trades: text('trades').array().notNull().default([]),
  skills: text('skills').array().notNull().default([]),
  iban: text('iban'),
  bic: text('bic'),
  profilePublished: boolean('profile_published').notNull().default(false),
  profileHeadline: text('profile_headline').notNull().default(''),
  profileBio: text('profile_bio').notNull().default(''),
  profileShowEmail: boolean('profile_show_email').notNull().default(false),
  referentId: uuid('referent_id'),
  tradeKeys: text('trade_keys').array().notNull().default([]),
  skillKeys: text('skill_keys').array().notNull().default([]),
  cityKey: text('city_key').notNull().default(''),
  searchKey: text('search_key').notNull().default(''),
  profileKey: text('profile_key').notNull().default(''),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const memberRestricted = pgTable('member_restricted', {
  memberId: uuid('member_id').primaryKey(),
  benefitStatus: text('benefit_status').notNull().default('none'),
  benefitNote: text('benefit_note').notNull().default(''),
  disabilityRecognized: boolean('disability_recognized').notNull().default(false),
  otherEmployment: text('other_employment').notNull().default(''),
  socialSecurityNumber: text('social_security_number'),
  updatedAt: instant('updated_at'),
});

export const journeyEntries = pgTable('journey_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  memberId: uuid('member_id').notNull(),
  kind: text('kind').$type<JourneyEntryKind>().notNull(),
  contractId: uuid('contract_id'),
  number: integer('number'),
  onDate: day('on_date').notNull(),
  endDate: day('end_date'),
  trialEnd: day('trial_end'),
  fixedMonthlyCents: bigint('fixed_monthly_cents', { mode: 'number' }),
  reason: text('reason'),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const memberStagePeriods = pgTable('member_stage_periods', {
  memberId: uuid('member_id').notNull(),
  stage: text('stage').$type<JourneyStage>().notNull(),
  fromOn: day('from_on').notNull(),
  toOn: day('to_on').notNull(),
});

export const memberDeadlines = pgTable('member_deadlines', {
  memberId: uuid('member_id').notNull(),
  kind: text('kind').$type<DeadlineKind>().notNull(),
  contractId: uuid('contract_id'),
  dueOn: day('due_on').notNull(),
  relevantUntil: day('relevant_until').notNull(),
  met: boolean('met').notNull(),
  citation: text('citation').notNull(),
  details: jsonb('details').$type<Record<string, string | number>>().notNull().default({}),
});
