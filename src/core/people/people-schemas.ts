import { z } from 'zod';
import { Role } from '../access/roles.ts';
import { Locale } from '../i18n/locale.ts';

/** E-mail addresses are compared and stored trimmed and lower-cased. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'email.invalid' }));

/** NIST SP 800-63B: length over composition rules; a long passphrase is welcome. */
export const Password = z
  .string()
  .min(12, { error: 'password.tooShort' })
  .max(256, { error: 'password.tooLong' });

export const PersonName = z.string().trim().min(1, { error: 'name.required' }).max(120);

export const Roles = z
  .array(Role)
  .min(1, { error: 'roles.required' })
  .transform((list) => [...new Set(list)]);

export const LogInRequest = z.strictObject({ email: Email, password: z.string().min(1).max(256) });
export type LogInRequest = z.infer<typeof LogInRequest>;

export const InvitePersonRequest = z.strictObject({
  email: Email,
  name: PersonName,
  roles: Roles,
  locale: Locale.default('fr'),
});
export type InvitePersonRequest = z.input<typeof InvitePersonRequest>;

export const AcceptInvitationRequest = z.strictObject({
  token: z.string().min(20).max(200),
  name: PersonName.optional(),
  password: Password,
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const RequestPasswordResetRequest = z.strictObject({ email: Email });
export const ResetPasswordRequest = z.strictObject({
  token: z.string().min(20).max(200),
  password: Password,
});

export const UpdateMyAccountRequest = z.strictObject({
  name: PersonName.optional(),
  locale: Locale.optional(),
});
export type UpdateMyAccountRequest = z.infer<typeof UpdateMyAccountRequest>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: Password,
});

export const UpdatePersonRequest = z.strictObject({
  roles: Roles.optional(),
  active: z.boolean().optional(),
});

export const PersonView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  locale: Locale,
  active: z.boolean(),
  createdAt: z.string(),
});
export type PersonView = z.infer<typeof PersonView>;

export const InvitationView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const SessionView = z.object({
  id: z.uuid(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const MeView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(Role),
  locale: Locale,
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type MeView = z.infer<typeof MeView>;
