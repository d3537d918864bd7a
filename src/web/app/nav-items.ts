import {
  IconBuildingBank,
  IconHome,
  IconListSearch,
  IconMail,
  IconUserCircle,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';

export type NavItem = {
  to: string;
  /** Translation key of the label. */
  label: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown only to people holding this permission (null: everyone logged in). */
  permission: string | null;
  section: 'main' | 'administration' | 'me';
};

/**
 * The left navigation, built from the person's permissions. Only screens that exist are listed: a
 * module adds its line here when its screens ship.
 */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome, permission: 'home.read', section: 'main' },
  {
    to: '/people',
    label: 'nav.people',
    icon: IconUsers,
    permission: 'people.read',
    section: 'administration',
  },
  {
    to: '/settings',
    label: 'nav.settings',
    icon: IconBuildingBank,
    permission: 'cooperative.update',
    section: 'administration',
  },
  {
    to: '/audit',
    label: 'nav.audit',
    icon: IconListSearch,
    permission: 'audit.read',
    section: 'administration',
  },
  {
    to: '/outbox',
    label: 'nav.outbox',
    icon: IconMail,
    permission: 'outbox.read',
    section: 'administration',
  },
  { to: '/account', label: 'nav.account', icon: IconUserCircle, permission: null, section: 'me' },
];

export function visibleNavItems(permissions: readonly string[]): NavItem[] {
  return navItems.filter((item) => item.permission === null || permissions.includes(item.permission));
}
