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
import type { AssemblyCall, AssemblyType, MajorityRule } from '../../core/governance/assembly-rules.ts';
import type { AssociateCategory } from '../../core/governance/check-capital-ratios.ts';
import type { AttendanceMode } from '../../core/governance/count-participants.ts';
import type { GovernanceSettings } from '../../core/governance/governance-settings.ts';
import type { GovernanceStatus } from '../../core/governance/governance-statuses.ts';
import type { VoteChoice } from '../../core/governance/tally-resolution.ts';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const cents = (name: string) => bigint(name, { mode: 'bigint' });

export const governanceSettings = pgTable('governance_settings', {
  id: smallint('id').primaryKey().default(1),
  settings: jsonb('settings').$type<GovernanceSettings>().notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const governanceCounters = pgTable('governance_counters', {
  name: text('name').$type<'associate' | 'certificate' | 'movement'>().primaryKey(),
  lastValue: integer('last_value').notNull().default(0),
});

export type ExitReason = 'resignation' | 'employment_end' | 'exclusion' | 'death' | 'other';

export const associates = pgTable('associates', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: integer('number').notNull(),
  memberId: uuid('member_id'),
  userId: uuid('user_id'),
  name: text('name').notNull(),
  email: text('email'),
  category: text('category').$type<AssociateCategory>().notNull(),
  college: text('college').notNull().default(''),
  emailNoticeConsent: boolean('email_notice_consent').notNull().default(true),
  admittedOn: day('admitted_on').notNull(),
  admissionDecision: text('admission_decision').notNull(),
  admissionResolutionId: uuid('admission_resolution_id'),
  exitedOn: day('exited_on'),
  exitReason: text('exit_reason').$type<ExitReason>(),
  exitDecision: text('exit_decision'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const shareSubscriptions = pgTable('share_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  associateId: uuid('associate_id').notNull(),
  shares: integer('shares').notNull(),
  nominalCents: cents('nominal_cents').notNull(),
  amountCents: cents('amount_cents').notNull(),
  subscribedOn: day('subscribed_on').notNull(),
  status: text('status').$type<GovernanceStatus<'subscription'>>().notNull().default('subscribed'),
  paidOn: day('paid_on'),
  entryId: uuid('entry_id'),
  certificateNumber: integer('certificate_number'),
  certificateSha256: text('certificate_sha256'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const shareRefunds = pgTable('share_refunds', {
  id: uuid('id').primaryKey().defaultRandom(),
  associateId: uuid('associate_id').notNull(),
  shares: integer('shares').notNull(),
  nominalCents: cents('nominal_cents').notNull(),
  exitOn: day('exit_on').notNull(),
  fixedOn: day('fixed_on').notNull(),
  dueBy: day('due_by').notNull(),
  status: text('status').$type<GovernanceStatus<'refund'>>().notNull().default('awaitingClose'),
  amountCents: cents('amount_cents'),
  uncoveredLossesCents: cents('uncovered_losses_cents'),
  capitalAtCloseCents: cents('capital_at_close_cents'),
  paidOn: day('paid_on'),
  entryId: uuid('entry_id'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const shareMovements = pgTable('share_movements', {
  number: integer('number').primaryKey(),
  associateId: uuid('associate_id').notNull(),
  kind: text('kind').$type<'subscription' | 'refund'>().notNull(),
  onDate: day('on_date').notNull(),
  shares: integer('shares').notNull(),
  nominalCents: cents('nominal_cents').notNull(),
  capitalCents: cents('capital_cents').notNull(),
  cashCents: cents('cash_cents').notNull(),
  subscriptionId: uuid('subscription_id'),
  refundId: uuid('refund_id'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** The rules copied into an assembly when it is convened. */
export type AssemblyRulesSnapshot = {
  legalForm: string;
  quorum: { fraction: { num: number; den: number }; base: 'allAssociates' };
  majority: MajorityRule;
  proxyCap: number;
  remoteAttendance: boolean;
  postalVoting: boolean;
  noticeDays: number;
  colleges: { key: string; label: string; weightBp: number }[];
};

export const assemblies = pgTable('assemblies', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  type: text('type').$type<AssemblyType>().notNull(),
  call: text('call').$type<AssemblyCall>().notNull(),
  firstCallId: uuid('first_call_id'),
  meetingOn: day('meeting_on').notNull(),
  startsAt: text('starts_at').notNull().default(''),
  place: text('place').notNull().default(''),
  onlineUrl: text('online_url').notNull().default(''),
  status: text('status').$type<GovernanceStatus<'assembly'>>().notNull().default('draft'),
  rules: jsonb('rules').$type<AssemblyRulesSnapshot>(),
  noticeSentOn: day('notice_sent_on'),
  openedAt: instant('opened_at'),
  closedAt: instant('closed_at'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const assemblyDocuments = pgTable(
  'assembly_documents',
  {
    assemblyId: uuid('assembly_id').notNull(),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    addedAt: instant('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assemblyId, t.sha256] })],
);

export const assemblyVoters = pgTable(
  'assembly_voters',
  {
    assemblyId: uuid('assembly_id').notNull(),
    associateId: uuid('associate_id').notNull(),
    college: text('college').notNull().default(''),
    notifiedBy: text('notified_by').$type<'email' | 'post'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.assemblyId, t.associateId] })],
);

export const assemblyAttendance = pgTable(
  'assembly_attendance',
  {
    assemblyId: uuid('assembly_id').notNull(),
    associateId: uuid('associate_id').notNull(),
    mode: text('mode').$type<AttendanceMode>().notNull(),
    proxyHolderId: uuid('proxy_holder_id'),
    recordedBy: uuid('recorded_by'),
    recordedAt: instant('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assemblyId, t.associateId] })],
);

export const resolutions = pgTable('resolutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  assemblyId: uuid('assembly_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  majority: jsonb('majority').$type<MajorityRule>().notNull(),
  backedByBoard: boolean('backed_by_board').notNull().default(true),
  approvesAccounts: boolean('approves_accounts').notNull().default(false),
  secret: boolean('secret').notNull().default(false),
  status: text('status').$type<GovernanceStatus<'resolution'>>().notNull().default('pending'),
  openedAt: instant('opened_at'),
  closedAt: instant('closed_at'),
  result: jsonb('result').$type<Record<string, unknown>>(),
});

export const ballotParticipations = pgTable(
  'ballot_participations',
  {
    resolutionId: uuid('resolution_id').notNull(),
    associateId: uuid('associate_id').notNull(),
    castBy: uuid('cast_by').notNull(),
    postal: boolean('postal').notNull().default(false),
    castAt: instant('cast_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resolutionId, t.associateId] })],
);

export const openBallots = pgTable(
  'open_ballots',
  {
    resolutionId: uuid('resolution_id').notNull(),
    associateId: uuid('associate_id').notNull(),
    college: text('college').notNull().default(''),
    choice: text('choice').$type<VoteChoice>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.resolutionId, t.associateId] })],
);

export const secretTallies = pgTable(
  'secret_tallies',
  {
    resolutionId: uuid('resolution_id').notNull(),
    college: text('college').notNull().default(''),
    yes: integer('yes').notNull().default(0),
    no: integer('no').notNull().default(0),
    abstain: integer('abstain').notNull().default(0),
    blank: integer('blank').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.resolutionId, t.college] })],
);

export const assemblyMinutes = pgTable('assembly_minutes', {
  assemblyId: uuid('assembly_id').primaryKey(),
  sha256: text('sha256').notNull(),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const consultations = pgTable('consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  proposal: text('proposal').notNull().default(''),
  options: jsonb('options').$type<string[]>().notNull(),
  closesAt: instant('closes_at').notNull(),
  participationQuorumBp: integer('participation_quorum_bp').notNull(),
  requiredShareBp: integer('required_share_bp').notNull(),
  anonymous: boolean('anonymous').notNull(),
  status: text('status').$type<GovernanceStatus<'consultation'>>().notNull().default('draft'),
  eligible: integer('eligible'),
  openedAt: instant('opened_at'),
  closedAt: instant('closed_at'),
  result: jsonb('result').$type<Record<string, unknown>>(),
  outcome: text('outcome'),
  createdBy: uuid('created_by'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const consultationVoters = pgTable(
  'consultation_voters',
  { consultationId: uuid('consultation_id').notNull(), associateId: uuid('associate_id').notNull() },
  (t) => [primaryKey({ columns: [t.consultationId, t.associateId] })],
);

export const consultationParticipations = pgTable(
  'consultation_participations',
  {
    consultationId: uuid('consultation_id').notNull(),
    associateId: uuid('associate_id').notNull(),
    castAt: instant('cast_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.associateId] })],
);

export const consultationAnswers = pgTable(
  'consultation_answers',
  {
    consultationId: uuid('consultation_id').notNull(),
    associateId: uuid('associate_id').notNull(),
    option: integer('option'),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.associateId] })],
);

export const consultationTallies = pgTable('consultation_tallies', {
  consultationId: uuid('consultation_id').primaryKey(),
  votes: integer('votes').array().notNull(),
  abstentions: integer('abstentions').notNull().default(0),
});
