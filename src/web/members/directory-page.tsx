import { Anchor, Badge, Card, Group, Pagination, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconMail, IconMapPin, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DirectoryProfile } from '../../core/members/member-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useMembersTexts } from './use-members-texts.ts';
import { useUrlFilters } from './use-url-filters.ts';

const pageSize = 24;

/** The directory: members find each other by trade, skill and town, over what each chose to publish. */
export function DirectoryPage() {
  const { m, t } = useMembersTexts();
  const { params, update } = useUrlFilters();
  const filters = {
    q: params.get('q') ?? '',
    trade: params.get('trade') ?? '',
    skill: params.get('skill') ?? '',
    town: params.get('town') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const [draft, setDraft] = useState({
    q: filters.q,
    trade: filters.trade,
    skill: filters.skill,
    town: filters.town,
  });
  const push = useDebouncedCallback(
    (key: string, value: string) => update({ [key]: value.trim() || null }),
    350,
  );
  const list = useQuery({
    queryKey: ['directory', filters],
    queryFn: () =>
      api<{ items: DirectoryProfile[]; total: number }>(
        'GET',
        `/directory${queryString({ ...filters, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const field = (key: keyof typeof draft, label: string, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={draft[key]}
      leftSection={key === 'q' ? <IconSearch size={16} /> : undefined}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDraft((d) => ({ ...d, [key]: value }));
        push(key, value);
      }}
      style={{ flex: key === 'q' ? '2 1 14rem' : '1 1 10rem' }}
    />
  );
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));
  return (
    <>
      <PageHeader title={m('directory.title')} description={m('directory.description')} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          {field('q', m('directory.search'), m('directory.searchPlaceholder'))}
          {field('trade', m('directory.trade'))}
          {field('skill', m('directory.skill'))}
          {field('town', m('directory.town'))}
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : !list.data || list.data.items.length === 0 ? (
          <EmptyState title={m('directory.empty')}>{m('directory.emptyHint')}</EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {m('list.count', { count: list.data.total })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
              {list.data.items.map((p) => (
                <Card key={p.id} withBorder padding="md" radius="md" component="article">
                  <Stack gap={6}>
                    <Text fw={700} component="h2" size="md" m={0}>
                      {p.displayName}
                    </Text>
                    {p.headline && <Text size="sm">{p.headline}</Text>}
                    <Group gap={4}>
                      {p.trades.map((x) => (
                        <Badge key={x} variant="light" style={{ textTransform: 'none' }}>
                          {x}
                        </Badge>
                      ))}
                      {p.skills.map((x) => (
                        <Badge key={x} variant="outline" color="gray" style={{ textTransform: 'none' }}>
                          {x}
                        </Badge>
                      ))}
                    </Group>
                    {p.bio && (
                      <Text size="sm" c="dimmed" lineClamp={3}>
                        {p.bio}
                      </Text>
                    )}
                    <Group gap="md" mt={4}>
                      {p.city && (
                        <Group gap={4}>
                          <IconMapPin size={14} aria-hidden />
                          <Text size="sm">{p.city}</Text>
                        </Group>
                      )}
                      {p.email && (
                        <Anchor href={`mailto:${p.email}`} size="sm">
                          <Group gap={4}>
                            <IconMail size={14} aria-hidden />
                            {m('directory.write')}
                          </Group>
                        </Anchor>
                      )}
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
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
    </>
  );
}
