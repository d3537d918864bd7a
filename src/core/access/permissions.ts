import type { Role } from './roles.ts';

/**
 * What each role may do. Deny by default: a permission not listed for any of a person's roles is refused.
 * Per-activity rules (a member sees only their own activity) are checked by the use cases on top of this.
 */
export const permissionsByRole = {
  member: ['home.read', 'cooperative.read'],
  support: ['home.read', 'cooperative.read', 'people.read'],
  accountant: [
    'home.read',
    'cooperative.read',
    'integrity.verify',
    // Ledger (issue 4): read the books, post manual entries, close years and set the lock date, edit the chart.
    'ledger.read',
    'ledger.post',
    'ledger.close',
    'ledger.chart',
  ],
  manager: ['home.read', 'cooperative.read', 'people.read'],
  admin: [
    'home.read',
    'cooperative.read',
    'cooperative.update',
    'people.read',
    'people.invite',
    'people.manage',
    'audit.read',
    'outbox.read',
    'integrity.verify',
    'ledger.read',
    'ledger.post',
    'ledger.close',
    'ledger.chart',
  ],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof permissionsByRole)[Role][number];

export function can(personRoles: readonly Role[], permission: Permission): boolean {
  return personRoles.some((role) => (permissionsByRole[role] as readonly string[]).includes(permission));
}
