import type { Role } from '../../core/access/roles.ts';
import type { Locale } from '../../core/i18n/locale.ts';

/** Who is acting: a signed-in person, or the system itself (seed, jobs, commands). */
export type Actor = {
  userId: string | null;
  label: string;
  roles: Role[];
  locale: Locale;
  ipAddress: string | null;
};

export const systemActor: Actor = {
  userId: null,
  label: 'system',
  roles: ['admin'],
  locale: 'fr',
  ipAddress: null,
};
