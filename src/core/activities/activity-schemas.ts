import { z } from 'zod';

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
