import { z } from 'zod';
import { CalendarDateSchema } from '../members/calendar-date.ts';
import { Email } from '../people/people-schemas.ts';
import { AssemblyCall, AssemblyType, MajorityRule } from './assembly-rules.ts';
import { AssociateCategory } from './check-capital-ratios.ts';
import { ConsultationRules } from './consultation-outcome.ts';
import { AttendanceMode } from './count-participants.ts';
import { voteChoices } from './tally-resolution.ts';

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, { error: 'value.required' }).max(max);
const optionalId = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);

export const exitReasons = ['resignation', 'employment_end', 'exclusion', 'death', 'other'] as const;
export const ExitReason = z.enum(exitReasons);

/**
 * Admission to the register: a member of the cooperative (memberId) or an outside person, the decision
 * that admitted them, their category (and SCIC college), and the shares they subscribe (at least the
 * statutes' minimum; a fraction is refused with SHARES_NOT_WHOLE).
 */
export const AdmitAssociateRequest = z.strictObject({
  memberId: optionalId,
  userId: optionalId,
  name: text(200).default(''),
  email: Email.nullish().transform((v) => v ?? null),
  category: AssociateCategory,
  college: text(32).default(''),
  emailNoticeConsent: z.boolean().default(true),
  admittedOn: CalendarDateSchema,
  admissionDecision: required(300),
  admissionResolutionId: optionalId,
  shares: z.number().positive().max(1_000_000),
});
export type AdmitAssociateRequest = z.input<typeof AdmitAssociateRequest>;

export const ExitAssociateRequest = z.strictObject({
  exitedOn: CalendarDateSchema,
  reason: ExitReason,
  decision: text(300).default(''),
});
export type ExitAssociateRequest = z.input<typeof ExitAssociateRequest>;

/** A subscription, in shares or as an amount that must buy whole shares. */
export const SubscribeSharesRequest = z
  .strictObject({
    shares: z.number().positive().max(1_000_000).optional(),
    amountCents: z.number().int().positive().max(100_000_000_000).optional(),
    subscribedOn: CalendarDateSchema,
  })
  .refine((r) => (r.shares === undefined) !== (r.amountCents === undefined), {
    error: 'shares.sharesOrAmount',
    path: ['shares'],
  });
export type SubscribeSharesRequest = z.input<typeof SubscribeSharesRequest>;

export const PaySubscriptionRequest = z.strictObject({ paidOn: CalendarDateSchema });
export const PayRefundRequest = z.strictObject({ paidOn: CalendarDateSchema });

/** The close of a fiscal year fixes the refunds of those who left during it. */
export const FixRefundsRequest = z.strictObject({
  closeOn: CalendarDateSchema,
  /** Losses the close left on the capital (not covered by reserves), in cents. */
  uncoveredLossesCents: z.number().int().min(0).max(100_000_000_000),
});

/** An agenda item. The majority rule is required: none is refused with RESOLUTION_MAJORITY_REQUIRED. */
export const ResolutionInput = z.strictObject({
  title: required(300),
  body: text(20_000).default(''),
  majority: MajorityRule.nullish(),
  backedByBoard: z.boolean().default(true),
  approvesAccounts: z.boolean().default(false),
  secret: z.boolean().default(false),
});
export type ResolutionInput = z.input<typeof ResolutionInput>;

export const AssemblyRequest = z
  .strictObject({
    title: required(200),
    type: AssemblyType,
    call: AssemblyCall,
    firstCallId: optionalId,
    meetingOn: CalendarDateSchema,
    startsAt: z
      .string()
      .regex(/^(\d{2}:\d{2})?$/, { error: 'time.invalid' })
      .default(''),
    place: text(300).default(''),
    onlineUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
    resolutions: z.array(ResolutionInput).min(1).max(100),
  })
  .refine((a) => a.place !== '' || a.onlineUrl !== '', { error: 'assembly.placeRequired', path: ['place'] })
  .refine((a) => (a.call === 'second') === (a.firstCallId !== null), {
    error: 'assembly.firstCallRequired',
    path: ['firstCallId'],
  });
export type AssemblyRequest = z.input<typeof AssemblyRequest>;

export const AttendanceRequest = z
  .strictObject({
    associateId: z.uuid(),
    mode: AttendanceMode,
    proxyHolderId: optionalId,
  })
  .refine((a) => (a.mode === 'represented') === (a.proxyHolderId !== null), {
    error: 'attendance.holderRequired',
    path: ['proxyHolderId'],
  });
export type AttendanceRequest = z.input<typeof AttendanceRequest>;

export const GiveProxyRequest = z.strictObject({ holderAssociateId: z.uuid() });

export const VoteChoice = z.enum(voteChoices);
export const CastVoteRequest = z.strictObject({
  choice: VoteChoice,
  /** The associate the voter represents, when voting with a proxy. */
  onBehalfOf: optionalId,
});
export type CastVoteRequest = z.input<typeof CastVoteRequest>;

export const PostalVoteRequest = z.strictObject({
  choices: z
    .array(z.strictObject({ resolutionId: z.uuid(), choice: VoteChoice }))
    .min(1)
    .max(100),
});

export const ConsultationRequest = ConsultationRules.extend({
  title: required(200),
  proposal: text(20_000).default(''),
  closesAt: z.iso.datetime({ offset: true }),
});
export type ConsultationRequest = z.input<typeof ConsultationRequest>;

export const AnswerConsultationRequest = z.strictObject({
  /** The option's index, or null to abstain. */
  option: z.number().int().min(0).max(19).nullable(),
});

export const CloseConsultationRequest = z.strictObject({ outcome: required(5000) });
