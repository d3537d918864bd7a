import {
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../core/access/roles.ts';
import type { PersonView } from '../../core/people/people-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { formatDate } from '../app/format.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RoleBadges } from '../ui/role-badges.tsx';
import { EditPersonModal } from './edit-person-modal.tsx';

const pageSize = 50;

export function PeopleTable({
  params,
  update,
  canManage,
}: {
  params: URLSearchParams;
  update: (changes: Record<string, string | null>) => void;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const q = params.get('q') ?? '';
  const role = params.get('role');
  const active = params.get('active');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<PersonView | null>(null);
  const pushSearch = useDebouncedCallback(
    (value: string) => update({ q: value.trim() || null, page: null }),
    300,
  );
  const people = useQuery({
    queryKey: ['people', { q, role, active, page }],
    queryFn: () =>
      api<{ items: PersonView[]; total: number }>(
        'GET',
        `/people${queryString({ q, role, active, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(q || role || active);
  const pages = Math.max(1, Math.ceil((people.data?.total ?? 0) / pageSize));

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap" role="search">
        <TextInput
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          style={{ flex: '1 1 16rem' }}
        />
        <Select
          label={t('people.role')}
          placeholder={t('people.allRoles')}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={role}
          onChange={(v) => update({ role: v, page: null })}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('people.status')}
          placeholder={t('people.allStatuses')}
          data={[
            { value: 'true', label: t('people.active') },
            { value: 'false', label: t('people.disabled') },
          ]}
          value={active}
          onChange={(v) => update({ active: v, page: null })}
          clearable
          w={{ base: '100%', xs: 180 }}
        />
      </Group>
      <ErrorAlert error={people.error} />
      {people.isPending ? (
        <PageLoader />
      ) : !people.data || people.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t('people.noMatch') : t('people.empty')}
          action={
            filtered ? (
              <Button
                variant="light"
                onClick={() => {
                  setSearch('');
                  update({ q: null, role: null, active: null, page: null });
                }}
              >
                {t('common.clearFilters')}
              </Button>
            ) : null
          }
        >
          {filtered ? t('people.noMatchHint') : t('people.emptyHint')}
        </EmptyState>
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('people.count', { count: people.data.total })}
          </Text>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('people.roles')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('people.status')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('people.since')}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {p.email}
                    </Text>
                    <Group gap={4} mt={4} hiddenFrom="sm">
                      <RoleBadges roles={p.roles} />
                      <StatusBadge active={p.active} />
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <RoleBadges roles={p.roles} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <StatusBadge active={p.active} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    <Text size="sm">{formatDate(p.createdAt)}</Text>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(p)}
                        aria-label={t('people.editOf', { name: p.name })}
                      >
                        {t('people.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(p) => update({ page: p === 1 ? null : String(p) })}
              getControlProps={(control) => ({
                'aria-label': t(`common.pagination.${control}`),
              })}
            />
          )}
        </>
      )}
      {editing && <EditPersonModal person={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={active ? 'green' : 'gray'} size="sm">
      {active ? t('people.active') : t('people.disabled')}
    </Badge>
  );
}
