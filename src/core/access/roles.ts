import { z } from 'zod';

/** The roles a person may hold (several at once). product.md, "Who uses it". */
export const roles = ['member', 'support', 'accountant', 'manager', 'admin'] as const;
export const Role = z.enum(roles, { error: 'role.unknown' });
export type Role = z.infer<typeof Role>;
