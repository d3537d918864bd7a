import {
  AppShell,
  Avatar,
  Burger,
  Group,
  Image,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoader } from '../ui/page-loader.tsx';
import { api, setCsrfToken } from './api-client.ts';
import { GlobalSearch } from './global-search.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { logoSrc } from './logo-src.ts';
import { type NavItem, visibleNavItems } from './nav-items.ts';
import { useBrand } from './use-brand.ts';
import { meQueryKey, useCurrentPerson } from './use-me.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
}

function isActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The shell: top bar (cooperative, language, account), left navigation from roles, a drawer on phones. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentPerson();
  const brand = useBrand();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the "sm" breakpoint the navigation is a drawer: closed, it is out of reach of keyboards and
  // screen readers too, not only out of sight.
  const phone = useMediaQuery('(max-width: 47.99em)');
  const drawerClosed = Boolean(phone) && !opened;
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = useMutation({
    mutationFn: () => api('POST', '/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      navigate('/login', { replace: true });
    },
  });

  const items = visibleNavItems(me.permissions);
  const sections = (['main', 'administration', 'me'] as const)
    .map((section) => ({ section, items: items.filter((i) => i.section === section) }))
    .filter((s) => s.items.length > 0);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="nowrap">
                {logoSrc(brand.data?.logoUrl) ? (
                  <Image
                    src={logoSrc(brand.data?.logoUrl) ?? undefined}
                    alt=""
                    h={32}
                    w="auto"
                    maw={96}
                    fit="contain"
                  />
                ) : null}
                <Text fw={700} truncate="end" size="md">
                  {brand.data?.name ?? 'Mutua'}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            <LanguageSwitch />
            <Menu position="bottom-end" width={220} withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('shell.accountMenu', { name: me.name })}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size={32} radius="xl" color="mutua" aria-hidden>
                      {initials(me.name)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="md" truncate="end" maw={160}>
                      {me.name}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
                    {me.name}
                  </Text>
                  <Text size="xs" truncate="end">
                    {me.email}
                  </Text>
                </Menu.Label>
                <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} />}>
                  {t('nav.account')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} />}
                  onClick={() => logout.mutate()}
                  disabled={logout.isPending}
                >
                  {t('shell.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="main-navigation"
        aria-label={t('shell.navigation')}
        p="xs"
        inert={drawerClosed}
        aria-hidden={drawerClosed || undefined}
      >
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {sections.map(({ section, items: list }) => (
              <Stack gap={2} key={section}>
                {section !== 'main' && (
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="xs">
                    {t(`nav.section.${section}`)}
                  </Text>
                )}
                {list.map((item) => {
                  const Icon = item.icon;
                  const active = isActive(item, pathname);
                  return (
                    <NavLink
                      key={item.to}
                      component={Link}
                      to={item.to}
                      label={t(item.label)}
                      leftSection={<Icon size={18} stroke={1.6} />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={close}
                      variant="light"
                    />
                  );
                })}
              </Stack>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            Mutua
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <div id="content" style={{ maxWidth: 1200, marginInline: 'auto' }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
