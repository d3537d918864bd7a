import { z } from 'zod';
import { isValidBic, isValidIban } from '../identity/bank-details.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';
import { Email } from '../people/people-schemas.ts';
import { CalendarDateSchema } from './calendar-date.ts';
import { alertBuckets, deadlineKinds } from './compute-journey-deadlines.ts';
import { isValidNir, normalizeNir } from './is-valid-nir.ts';
import { JourneyEntryView, JourneyStage } from './journey-schemas.ts';
import { nextStepCodes } from './list-next-steps.ts';
import { cleanTags } from './normalize-tag.ts';

/** A member's name part: required, one line. */
const NamePart = z.string().trim().min(1, { error: 'name.required' }).max(80);
const Tags = z.array(z.string().max(60)).max(30).transform(cleanTags);
const PostalCode = z
  .string()
  .trim()
  .refine((v) => v === '' || /^\d{5}$/.test(v), { error: 'postalCode.invalid' });
export const Iban = z
  .string()
  .trim()
  .refine(isValidIban, { error: 'iban.invalid' })
  .transform(normalizeIdentifier);
export const Bic = z
  .string()
  .trim()
  .refine(isValidBic, { error: 'bic.invalid' })
  .transform(normalizeIdentifier);

/** What the member chooses to show in the directory (product.md M13). */
export const PublicProfile = z.strictObject({
  published: z.boolean(),
  headline: z.string().trim().max(120),
  bio: z.string().trim().max(2000),
  showEmail: z.boolean(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

/** Fields the member may correct on their own file: identity, contact, trades and skills, profile, IBAN. */
const selfEditable = {
  firstName: NamePart,
  lastName: NamePart,
  email: Email.nullable(),
  phone: z.string().trim().max(30),
  addressLine1: z.string().trim().max(200),
  postalCode: PostalCode,
  city: z.string().trim().max(100),
  birthDate: CalendarDateSchema.nullable(),
  trades: Tags,
  skills: Tags,
  iban: Iban.nullable(),
  bic: Bic.nullable(),
  profile: PublicProfile,
};

export const UpdateMyMemberRequest = z.strictObject(selfEditable).partial();
export type UpdateMyMemberRequest = z.input<typeof UpdateMyMemberRequest>;

/** Support staff may also set the referent and the account the file belongs to. */
export const UpdateMemberRequest = z
  .strictObject({ ...selfEditable, referentId: z.uuid().nullable(), userId: z.uuid().nullable() })
  .partial();
export type UpdateMemberRequest = z.input<typeof UpdateMemberRequest>;

export const CreateMemberRequest = z.strictObject({
  firstName: NamePart,
  lastName: NamePart,
  email: Email.nullable().default(null),
  phone: selfEditable.phone.default(''),
  addressLine1: selfEditable.addressLine1.default(''),
  postalCode: PostalCode.default(''),
  city: selfEditable.city.default(''),
  birthDate: CalendarDateSchema.nullable().default(null),
  trades: Tags.default([]),
  skills: Tags.default([]),
  iban: Iban.nullable().default(null),
  bic: Bic.nullable().default(null),
  profile: PublicProfile.default({ published: false, headline: '', bio: '', showEmail: false }),
  referentId: z.uuid().nullable().default(null),
  /** A member may exist before having an account; link it later. */
  userId: z.uuid().nullable().default(null),
});
export type CreateMemberRequest = z.input<typeof CreateMemberRequest>;

const PersonRef = z.object({ id: z.uuid(), name: z.string() });

export const MemberView = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string(),
  addressLine1: z.string(),
  postalCode: z.string(),
  city: z.string(),
  birthDate: z.string().nullable(),
  trades: z.array(z.string()),
  skills: z.array(z.string()),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  profile: PublicProfile,
  referent: PersonRef.nullable(),
  stage: JourneyStage,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const NextDeadlineView = z.object({
  kind: z.enum(deadlineKinds),
  dueOn: z.string(),
  status: z.enum(['upcoming', 'overdue']),
});

export const MemberSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  city: z.string(),
  trades: z.array(z.string()),
  stage: JourneyStage,
  referent: PersonRef.nullable(),
  nextDeadline: NextDeadlineView.nullable(),
  hasAccount: z.boolean(),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

/** Benefit the member receives, which the cooperative must know for payroll and reporting. */
export const benefitStatuses = ['none', 'are', 'rsa', 'ass', 'aah', 'other'] as const;
export const BenefitStatus = z.enum(benefitStatuses);
export type BenefitStatus = z.infer<typeof BenefitStatus>;

const Nir = z.string().trim().refine(isValidNir, { error: 'nir.invalid' }).transform(normalizeNir);

/**
 * The restricted class (issue 3): social data only support staff and admins read, each read logged; the
 * member reads and corrects their own.
 */
export const RestrictedData = z.strictObject({
  benefitStatus: BenefitStatus,
  benefitNote: z.string().trim().max(500),
  disabilityRecognized: z.boolean(),
  otherEmployment: z.string().trim().max(500),
  socialSecurityNumber: Nir.nullable(),
});
export const UpdateRestrictedRequest = RestrictedData.partial();
export type UpdateRestrictedRequest = z.input<typeof UpdateRestrictedRequest>;
export const RestrictedView = z.object({
  benefitStatus: BenefitStatus,
  benefitNote: z.string(),
  disabilityRecognized: z.boolean(),
  otherEmployment: z.string(),
  socialSecurityNumber: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type RestrictedView = z.infer<typeof RestrictedView>;

export const deadlineFilters = alertBuckets;
export const MemberListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  stage: JourneyStage.optional(),
  /** 'me' (my portfolio), 'none' (no referent) or a support person's id. */
  referent: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  trade: z.string().trim().max(60).optional(),
  activityStatus: z.enum(['active', 'suspended', 'closed', 'none']).optional(),
  deadline: z.enum(alertBuckets).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQuery = z.input<typeof MemberListQuery>;

export const DirectoryQuery = z.object({
  q: z.string().trim().max(100).optional(),
  trade: z.string().trim().max(60).optional(),
  skill: z.string().trim().max(60).optional(),
  town: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});

export const DirectoryProfile = z.object({
  id: z.uuid(),
  displayName: z.string(),
  headline: z.string(),
  bio: z.string(),
  trades: z.array(z.string()),
  skills: z.array(z.string()),
  city: z.string(),
  email: z.string().nullable(),
});
export type DirectoryProfile = z.infer<typeof DirectoryProfile>;

export const DeadlineView = z.object({
  kind: z.enum(deadlineKinds),
  contractId: z.string().nullable(),
  dueOn: z.string(),
  citation: z.string(),
  status: z.enum(['upcoming', 'overdue', 'met', 'closed']),
  daysLeft: z.number(),
  bucket: z.enum(alertBuckets).nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type DeadlineView = z.infer<typeof DeadlineView>;

export const JourneyView = z.object({
  memberId: z.uuid(),
  today: z.string(),
  stage: JourneyStage,
  entries: z.array(JourneyEntryView),
  stages: z.array(z.object({ stage: JourneyStage, from: z.string().nullable(), to: z.string().nullable() })),
  deadlines: z.array(DeadlineView),
  nextSteps: z.array(
    z.object({
      code: z.enum(nextStepCodes),
      dueOn: z.string().nullable(),
      overdue: z.boolean(),
      citation: z.string().nullable(),
      details: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
  /** CESA in force today: its fixed monthly part in cents. */
  fixedMonthlyCents: z.number().nullable(),
});
export type JourneyView = z.infer<typeof JourneyView>;

export const AlertView = z.object({
  memberId: z.uuid(),
  displayName: z.string(),
  referent: PersonRef.nullable(),
  kind: z.enum(deadlineKinds),
  dueOn: z.string(),
  citation: z.string(),
  daysLeft: z.number(),
  bucket: z.enum(alertBuckets),
});
export type AlertView = z.infer<typeof AlertView>;
