import {
  Anchor,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { daysBetween } from '../../core/members/calendar-date.ts';
import { alertBuckets } from '../../core/members/compute-journey-deadlines.ts';
import { journeyStages } from '../../core/members/journey-schemas.ts';
import { queryString } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CreateMemberModal } from './create-member-modal.tsx';
import { DeadlineBadge } from './deadline-badge.tsx';
import { localToday } from './format-day.ts';
import { membersApi } from './members-api.ts';
import { StageBadge } from './stage-badge.tsx';
import { useMembersTexts } from './use-members-texts.ts';
import { useUrlFilters } from './use-url-filters.ts';

const pageSize = 50;

/**
 * Entrepreneurs: the member list with its filters in the URL. Support staff land on their own portfolio
 * (referent=me); "Tout le monde" shows the whole cooperative.
 */
export function MemberListPage() {
  const { m, t } = useMembersTexts();
  const me = useCurrentPerson();
  const { params, update } = useUrlFilters();
  const isSupport = me.roles.includes('support');
  const referent = params.get('referent') ?? (isSupport ? 'me' : 'all');
  const filters = {
    q: params.get('q') ?? '',
    stage: params.get('stage'),
    trade: params.get('trade') ?? '',
    activityStatus: params.get('activityStatus'),
    deadline: params.get('deadline'),
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const [search, setSearch] = useState(filters.q);
  const [trade, setTrade] = useState(filters.trade);
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);
  const pushTrade = useDebouncedCallback((value: string) => update({ trade: value.trim() || null }), 400);
  const creating = params.get('new') === '1';
  const referents = useQuery({
    queryKey: ['member-referents'],
    queryFn: membersApi.referents,
    staleTime: 60_000,
  });
  const list = useQuery({
    queryKey: ['members', referent, filters],
    queryFn: () =>
      membersApi.list(queryString({ ...filters, referent: referent === 'all' ? null : referent, pageSize })),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(
    filters.q || filters.stage || filters.trade || filters.activityStatus || filters.deadline,
  );
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));
  const canManage = hasPermission(me, 'members.manage');
  const today = localToday();

  return (
    <>
      <PageHeader
        title={m('list.title')}
        description={m('list.description')}
        actions={
          canManage ? (
            <>
              {hasPermission(me, 'members.import') && (
                <Button
                  component={Link}
                  to="/members/import"
                  variant="default"
                  leftSection={<IconFileImport size={16} />}
                >
                  {m('list.import')}
                </Button>
              )}
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => update({ new: '1' })}>
                {m('list.new')}
              </Button>
            </>
          ) : null
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <TextInput
            label={m('list.search')}
            placeholder={m('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              pushSearch(e.currentTarget.value);
            }}
            style={{ flex: '1 1 14rem' }}
          />
          <Select
            label={m('list.referent')}
            data={[
              { value: 'me', label: m('list.mine') },
              { value: 'all', label: m('list.everyone') },
              { value: 'none', label: m('list.noReferent') },
              ...(referents.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.members})` })),
            ]}
            value={referent}
            onChange={(v) => update({ referent: v ?? 'all' })}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={m('list.stage')}
            placeholder={m('list.allStages')}
            data={journeyStages.map((s) => ({ value: s, label: m(`stage.${s}`) }))}
            value={filters.stage}
            onChange={(v) => update({ stage: v })}
            clearable
            w={{ base: 'calc(50% - 6px)', xs: 210 }}
          />
          <TextInput
            label={m('list.trade')}
            placeholder={m('list.tradePlaceholder')}
            value={trade}
            onChange={(e) => {
              setTrade(e.currentTarget.value);
              pushTrade(e.currentTarget.value);
            }}
            w={{ base: 'calc(50% - 6px)', xs: 180 }}
          />
          <Select
            label={m('list.activityStatus')}
            placeholder={m('list.anyActivity')}
            data={(['active', 'suspended', 'closed', 'none'] as const).map((s) => ({
              value: s,
              label: m(`activityStatus.${s}`),
            }))}
            value={filters.activityStatus}
            onChange={(v) => update({ activityStatus: v })}
            clearable
            w={{ base: 'calc(50% - 6px)', xs: 160 }}
          />
          <Select
            label={m('list.deadline')}
            placeholder={m('list.anyDeadline')}
            data={alertBuckets.map((b) => ({ value: b, label: m(`bucket.${b}`) }))}
            value={filters.deadline}
            onChange={(v) => update({ deadline: v })}
            clearable
            w={{ base: 'calc(50% - 6px)', xs: 170 }}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : !list.data || list.data.items.length === 0 ? (
          <EmptyState
            title={filtered ? m('list.noMatch') : m('list.empty')}
            action={
              filtered ? (
                <Button
                  variant="light"
                  onClick={() => {
                    setSearch('');
                    setTrade('');
                    update({ q: null, stage: null, trade: null, activityStatus: null, deadline: null });
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              ) : null
            }
          >
            {filtered ? m('list.noMatchHint') : m('list.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {m('list.count', { count: list.data.total })}
            </Text>
            <Table.ScrollContainer minWidth={640} visibleFrom="sm">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{m('list.name')}</Table.Th>
                    <Table.Th>{m('list.stage')}</Table.Th>
                    <Table.Th visibleFrom="sm">{m('list.trades')}</Table.Th>
                    <Table.Th visibleFrom="md">{m('list.referent')}</Table.Th>
                    <Table.Th>{m('list.nextDeadline')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/members/${p.id}`} fw={600}>
                          {p.displayName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {[p.city, p.hasAccount ? null : m('list.noAccount')].filter(Boolean).join(' · ') ||
                            ' '}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StageBadge stage={p.stage} />
                      </Table.Td>
                      <Table.Td visibleFrom="sm">{p.trades.join(', ') || m('list.none')}</Table.Td>
                      <Table.Td visibleFrom="md">{p.referent?.name ?? m('list.none')}</Table.Td>
                      <Table.Td>
                        {p.nextDeadline ? (
                          <Stack gap={2}>
                            <Text size="xs">{m(`deadline.${p.nextDeadline.kind}`)}</Text>
                            <DeadlineBadge
                              dueOn={p.nextDeadline.dueOn}
                              daysLeft={daysBetween(today, p.nextDeadline.dueOn)}
                            />
                          </Stack>
                        ) : (
                          m('list.none')
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="xs" hiddenFrom="sm">
              {list.data.items.map((p) => (
                <Paper key={p.id} withBorder p="sm" radius="md" component="article">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/members/${p.id}`} fw={600}>
                        {p.displayName}
                      </Anchor>
                      <Text size="xs" c="dimmed" truncate="end">
                        {[p.trades.join(', '), p.city].filter(Boolean).join(' · ') || ' '}
                      </Text>
                    </Stack>
                    <StageBadge stage={p.stage} />
                  </Group>
                  {p.nextDeadline && (
                    <Group gap="xs" mt={6}>
                      <Text size="xs">{m(`deadline.${p.nextDeadline.kind}`)}</Text>
                      <DeadlineBadge
                        dueOn={p.nextDeadline.dueOn}
                        daysLeft={daysBetween(today, p.nextDeadline.dueOn)}
                      />
                    </Group>
                  )}
                </Paper>
              ))}
            </Stack>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={filters.page}
                onChange={(p) => update({ page: String(p) })}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              />
            )}
          </>
        )}
      </Stack>
      {canManage && <CreateMemberModal opened={creating} onClose={() => update({ new: null })} />}
    </>
  );
}
