import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, type Permission, permissionsByRole } from './permissions.ts';
import { Role, roles } from './roles.ts';

const allPermissions = [...new Set(Object.values(permissionsByRole).flat())] as Permission[];

describe('can', () => {
  it('refuses everything to a person without a role', () => {
    for (const p of allPermissions) expect(can([], p)).toBe(false);
  });

  it('refuses a permission that no role lists (deny by default)', () => {
    expect(can([...roles], 'nothing.granted' as Permission)).toBe(false);
    expect(can(['admin'], '' as Permission)).toBe(false);
    expect(can(['admin'], 'toString' as Permission)).toBe(false);
  });

  it('keeps administration to administrators', () => {
    for (const p of [
      'cooperative.update',
      'people.invite',
      'people.manage',
      'audit.read',
      'outbox.read',
    ] as const) {
      expect(can(['admin'], p)).toBe(true);
      for (const r of ['member', 'support', 'accountant', 'manager'] as const)
        expect(can([r], p)).toBe(false);
    }
  });

  it('lets every role read its home and the cooperative', () => {
    for (const r of roles) {
      expect(can([r], 'home.read')).toBe(true);
      expect(can([r], 'cooperative.read')).toBe(true);
    }
  });

  it('grants a person with several roles exactly the union of their permissions', () => {
    fc.assert(
      fc.property(fc.subarray([...roles]), fc.constantFrom(...allPermissions), (held, p) => {
        const expected = held.some((r) => (permissionsByRole[r] as readonly string[]).includes(p));
        return can(held, p) === expected;
      }),
    );
  });
});

describe('Role', () => {
  it('accepts the five roles and refuses any other with a translatable key', () => {
    for (const r of roles) expect(Role.parse(r)).toBe(r);
    const result = Role.safeParse('superuser');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('role.unknown');
  });
});
