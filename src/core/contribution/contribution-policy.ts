import { z } from 'zod';
import { ActivityKind } from '../activities/activity-schemas.ts';
import { CalendarDateSchema } from '../members/calendar-date.ts';

/**
 * The cooperative contribution's policy (cae-domain.md §2.1; Code du travail R7331-9: the contribution
 * finances the pooled services, its computation is set by the statutes and the member's contract). Money
 * is integer cents, rates basis points (10 000 = 100 %). Amounts in a policy stay far below 2^53, so they
 * are plain JSON numbers; the computation itself works in bigint.
 */

/** What the rates apply to, year to date, excluding VAT. */
export const contributionBases = ['collected', 'invoiced', 'gross_margin'] as const;
export const ContributionBase = z.enum(contributionBases);
export type ContributionBase = z.infer<typeof ContributionBase>;

const maxCents = 100_000_000_000; // one billion euros: anything above is a typing mistake

export const PolicyCents = z
  .number({ error: 'contribution.amount' })
  .int({ error: 'contribution.amount' })
  .min(0, { error: 'contribution.negative' })
  .max(maxCents, { error: 'contribution.amount' });

export const RateBp = z
  .number({ error: 'contribution.rate' })
  .int({ error: 'contribution.rate' })
  .min(0, { error: 'contribution.negative' })
  .max(10_000, { error: 'contribution.rateAbove100' });

/** A bracket: `rateBp` applies to the part of the year-to-date base from `fromCents` to the next bracket. */
export const ContributionBracket = z.strictObject({ fromCents: PolicyCents, rateBp: RateBp });
export type ContributionBracket = z.infer<typeof ContributionBracket>;

/** Progressive brackets on the year-to-date base, and a fixed fee for every month. */
export const ContributionSchedule = z.strictObject({
  brackets: z
    .array(ContributionBracket)
    .min(1, { error: 'contribution.bracketsRequired' })
    .max(20)
    .superRefine((brackets, ctx) => {
      if (brackets[0] && brackets[0].fromCents !== 0)
        ctx.addIssue({ code: 'custom', path: [0, 'fromCents'], message: 'contribution.firstBracket' });
      for (let i = 1; i < brackets.length; i++)
        if (brackets[i]!.fromCents <= brackets[i - 1]!.fromCents)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'fromCents'],
            message: 'contribution.bracketsIncreasing',
          });
    }),
  monthlyFeeCents: PolicyCents,
});
export type ContributionSchedule = z.infer<typeof ContributionSchedule>;

/**
 * What an activity whose members are under a CAPE pays (Code de commerce L127-1; in practice many CAEs
 * charge less, or nothing, before the first salary): the policy's schedule, nothing, or its own schedule.
 */
export const CapeRule = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('same') }),
  z.strictObject({ mode: z.literal('exempt') }),
  z.strictObject({ mode: z.literal('custom'), schedule: ContributionSchedule }),
]);
export type CapeRule = z.infer<typeof CapeRule>;

export const OverrideTarget = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('activity'), activityId: z.uuid() }),
  z.strictObject({ type: z.literal('kind'), kind: ActivityKind }),
]);
export type OverrideTarget = z.infer<typeof OverrideTarget>;

/** Another schedule for one activity (the most specific), or for every activity of a kind. */
export const ContributionOverride = z.strictObject({
  target: OverrideTarget,
  schedule: ContributionSchedule,
  note: z.string().trim().max(200).default(''),
});
export type ContributionOverride = z.infer<typeof ContributionOverride>;

/** A share of the proceeds paid on to another activity (a mutual fund); the structure keeps the rest. */
export const ProceedsShare = z.strictObject({
  activityId: z.uuid(),
  shareBp: z
    .number()
    .int()
    .min(1, { error: 'contribution.shareInvalid' })
    .max(10_000, { error: 'contribution.shareInvalid' }),
});
export type ProceedsShare = z.infer<typeof ProceedsShare>;

/** Purchase accounts deducted from revenue for a gross-margin base: class 6 prefixes (601, 604, 611…). */
export const PurchaseAccountPrefix = z
  .string()
  .trim()
  .regex(/^6\d{1,9}$/, { error: 'contribution.purchaseAccount' });

export const ContributionPolicy = z
  .strictObject({
    base: ContributionBase,
    marginPurchaseAccounts: z.array(PurchaseAccountPrefix).max(30).default([]),
    schedule: ContributionSchedule,
    cape: CapeRule.default({ mode: 'same' }),
    overrides: z.array(ContributionOverride).max(500).default([]),
    split: z.array(ProceedsShare).max(10).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.base === 'gross_margin' && p.marginPurchaseAccounts.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['marginPurchaseAccounts'],
        message: 'contribution.marginAccounts',
      });
    const targets = new Set<string>();
    p.overrides.forEach((o, i) => {
      const key = o.target.type === 'activity' ? `a:${o.target.activityId}` : `k:${o.target.kind}`;
      if (targets.has(key))
        ctx.addIssue({ code: 'custom', path: ['overrides', i, 'target'], message: 'contribution.duplicate' });
      targets.add(key);
    });
    const funds = new Set<string>();
    let total = 0;
    p.split.forEach((s, i) => {
      if (funds.has(s.activityId))
        ctx.addIssue({ code: 'custom', path: ['split', i, 'activityId'], message: 'contribution.duplicate' });
      funds.add(s.activityId);
      total += s.shareBp;
    });
    if (total > 10_000)
      ctx.addIssue({ code: 'custom', path: ['split'], message: 'contribution.splitAbove100' });
  });
export type ContributionPolicy = z.infer<typeof ContributionPolicy>;
export type ContributionPolicyInput = z.input<typeof ContributionPolicy>;

/** Versions start on the first day of a month: a month is always charged under one version. */
export const MonthStartSchema = CalendarDateSchema.refine((d) => d.endsWith('-01'), {
  error: 'contribution.monthStart',
});

/** A version of the policy and its validity (validTo included; null: until a later version starts). */
export const ContributionPolicyVersion = z
  .strictObject({
    validFrom: MonthStartSchema,
    validTo: CalendarDateSchema.nullable().default(null),
    note: z.string().trim().max(500).default(''),
    policy: ContributionPolicy,
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, {
    path: ['validTo'],
    error: 'contribution.validToBeforeFrom',
  });
export type ContributionPolicyVersion = z.infer<typeof ContributionPolicyVersion>;

/**
 * A member's dated exemption (e.g. a minimum-benefit recipient), with the reason the cooperative records;
 * both days included. It applies to the member's share of each of their activities.
 */
export const ContributionExemptionRequest = z
  .strictObject({
    memberId: z.uuid(),
    fromOn: CalendarDateSchema,
    toOn: CalendarDateSchema,
    reason: z
      .string({ error: 'contribution.reasonRequired' })
      .trim()
      .min(3, { error: 'contribution.reasonRequired' })
      .max(300),
  })
  .refine((e) => e.toOn >= e.fromOn, { path: ['toOn'], error: 'contribution.validToBeforeFrom' });
export type ContributionExemptionRequest = z.infer<typeof ContributionExemptionRequest>;

/**
 * Ends an exemption early: from `revokedFrom` on, the member is charged again (from its first day, the
 * exemption is cancelled). Months already run are not changed: the next run charges the difference.
 */
export const ExemptionRevocationRequest = z.strictObject({
  revokedFrom: CalendarDateSchema,
  reason: z
    .string({ error: 'contribution.reasonRequired' })
    .trim()
    .min(3, { error: 'contribution.reasonRequired' })
    .max(300),
});
export type ExemptionRevocationRequest = z.infer<typeof ExemptionRevocationRequest>;

/**
 * The cooperative's thresholds for the portfolio alert "treasury falling": over the last `fallingMonths`
 * months, the available treasury fell by more than `fallingMinCents` and by more than `fallingPercentBp`
 * of what it was (both: a small activity's 50 € is not an alert, nor is 2 % of a large one).
 */
export const ContributionSettings = z.strictObject({
  fallingMonths: z.number().int().min(1).max(12),
  fallingPercentBp: RateBp,
  fallingMinCents: PolicyCents,
});
export type ContributionSettings = z.infer<typeof ContributionSettings>;

/** A month 'YYYY-MM'. */
export const ContributionMonth = z
  .string()
  .regex(/^(19|20|21|22|23|24|25|26|27|28|29)\d{2}-(0[1-9]|1[0-2])$/, { error: 'contribution.month' });
