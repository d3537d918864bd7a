import { z } from 'zod';
import { CalendarDateSchema } from '../members/calendar-date.ts';

/** member: a member's (or a group's) business; structure: the pooled services; fund: a mutual fund. */
export const activityKinds = ['member', 'structure', 'fund'] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const activityStatuses = ['active', 'suspended', 'closed'] as const;
export const ActivityStatus = z.enum(activityStatuses);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const ActivityCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/);

/** NAF code of INSEE's activity nomenclature, e.g. 74.10Z (graphic design). */
export const NafCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{2}\.\d{2}[A-Z]$/, { error: 'naf.invalid' });

/** Basis points of an activity's result: 10 000 = 100 %. */
export const ShareBp = z
  .number()
  .int()
  .min(1, { error: 'share.invalid' })
  .max(10_000, { error: 'share.invalid' });

export const CreateActivityRequest = z.strictObject({
  code: ActivityCode,
  name: z.string().trim().min(1, { error: 'name.required' }).max(120),
  /** Trade name printed on documents (enseigne). */
  brand: z.string().trim().max(120).default(''),
  trade: z.string().trim().max(120).default(''),
  nafCode: NafCode.nullable().default(null),
  kind: ActivityKind.default('member'),
  /** Support referent; required for a member activity. */
  referentId: z.uuid().nullable().default(null),
  /** First members and their shares, from `from` (member activities only). */
  members: z
    .strictObject({
      from: CalendarDateSchema,
      shares: z.array(z.strictObject({ memberId: z.uuid(), shareBp: ShareBp })).min(1),
    })
    .optional(),
});
export type CreateActivityRequest = z.input<typeof CreateActivityRequest>;

/** The code and the kind never change: the books and the numbering refer to them. */
export const UpdateActivityRequest = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'name.required' }).max(120),
    brand: z.string().trim().max(120),
    trade: z.string().trim().max(120),
    nafCode: NafCode.nullable(),
    status: ActivityStatus,
    referentId: z.uuid().nullable(),
  })
  .partial();
export type UpdateActivityRequest = z.input<typeof UpdateActivityRequest>;

export const SetActivitySharesRequest = z.strictObject({
  /** First day of the new split. */
  from: CalendarDateSchema,
  shares: z.array(z.strictObject({ memberId: z.uuid(), shareBp: ShareBp })).min(1),
});
export type SetActivitySharesRequest = z.input<typeof SetActivitySharesRequest>;

export const ActivityShareView = z.object({
  memberId: z.uuid(),
  displayName: z.string(),
  shareBp: z.number().int(),
  from: z.string(),
  to: z.string().nullable(),
});
export type ActivityShareView = z.infer<typeof ActivityShareView>;

export const ActivityView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  brand: z.string(),
  trade: z.string(),
  nafCode: z.string().nullable(),
  kind: ActivityKind,
  status: ActivityStatus,
  referent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The members and shares in force today. */
  members: z.array(ActivityShareView),
  /** Several members today: a cooperative group. */
  isGroup: z.boolean(),
  /** Every split since the start, for the activity page. */
  history: z.array(ActivityShareView),
  createdAt: z.string(),
});
export type ActivityView = z.infer<typeof ActivityView>;

export const ActivityListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: ActivityKind.optional(),
  status: ActivityStatus.optional(),
  memberId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const ActivitySummary = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  brand: z.string(),
  trade: z.string(),
  kind: ActivityKind,
  status: ActivityStatus,
  referent: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  memberNames: z.array(z.string()),
});
export type ActivitySummary = z.infer<typeof ActivitySummary>;
