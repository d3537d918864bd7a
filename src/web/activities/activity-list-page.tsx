import { Button, Group, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type ActivitySummary,
  activityKinds,
  activityStatuses,
} from '../../core/activities/activity-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ActivitiesList } from '../members/activities-list.tsx';
import { useMembersTexts } from '../members/use-members-texts.ts';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CreateActivityModal } from './create-activity-modal.tsx';

const pageSize = 50;

/** Activities: member activities, cooperative groups, the structure and the funds, filtered in the URL. */
export function ActivityListPage() {
  const { m, t } = useMembersTexts();
  const me = useCurrentPerson();
  const { params, update } = useUrlFilters();
  const filters = {
    q: params.get('q') ?? '',
    kind: params.get('kind'),
    status: params.get('status'),
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const [search, setSearch] = useState(filters.q);
  const push = useDebouncedCallback((v: string) => update({ q: v.trim() || null }), 300);
  const list = useQuery({
    queryKey: ['activities', filters],
    queryFn: () =>
      api<{ items: ActivitySummary[]; total: number }>(
        'GET',
        `/activities${queryString({ ...filters, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));
  const canManage = hasPermission(me, 'activities.manage');
  return (
    <>
      <PageHeader
        title={m('activities.title')}
        description={m('activities.description')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => update({ new: '1' })}>
              {m('activities.create')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <TextInput
            label={m('activities.search')}
            placeholder={m('activities.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              push(e.currentTarget.value);
            }}
            style={{ flex: '1 1 14rem' }}
          />
          <Select
            label={m('activities.kind')}
            placeholder={m('activities.allKinds')}
            data={activityKinds.map((k) => ({ value: k, label: m(`activityKind.${k}`) }))}
            value={filters.kind}
            onChange={(v) => update({ kind: v })}
            clearable
            w={{ base: '100%', xs: 240 }}
          />
          <Select
            label={m('activities.status')}
            placeholder={m('activities.allStatuses')}
            data={activityStatuses.map((s) => ({ value: s, label: m(`activityStatus.${s}`) }))}
            value={filters.status}
            onChange={(v) => update({ status: v })}
            clearable
            w={{ base: '100%', xs: 160 }}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : !list.data || list.data.items.length === 0 ? (
          <EmptyState title={m('activities.empty')}>{m('activities.emptyHint')}</EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {list.data.total}
            </Text>
            <ActivitiesList items={list.data.items} />
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
      {canManage && (
        <CreateActivityModal opened={params.get('new') === '1'} onClose={() => update({ new: null })} />
      )}
    </>
  );
}
