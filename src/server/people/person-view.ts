import type { PersonView } from '../../core/people/people-schemas.ts';
import type { users } from './people-tables.ts';

export function toPersonView(u: typeof users.$inferSelect): PersonView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    locale: u.locale,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}
