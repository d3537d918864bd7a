import { z } from 'zod';
import { Password } from '../../core/people/people-schemas.ts';

/** The API's Password rule, typed twice: the second entry must match (message key in the web locales). */
export const NewPasswordForm = z
  .object({ password: Password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { error: 'passwordMismatch', path: ['confirm'] });
