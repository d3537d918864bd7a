import { Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, queryString } from '../app/api-client.ts';
import { formatDateTime } from '../app/format.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { useAuditLabels } from './use-audit-labels.ts';

type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  objectType: string;
  objectId: string | null;
  changes: Record<string, unknown>;
  ipAddress: string | null;
};
type AuditPage = { items: AuditEntry[]; nextBefore: number | null };

const day = /^\d{4}-\d{2}-\d{2}$/;

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The append-only audit log, newest first, filtered through the URL, loaded a page at a time. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [params, setParams] = useSearchParams();
  const filters = {
    action: params.get('action') ?? '',
    objectType: params.get('objectType') ?? '',
    actor: params.get('actor') ?? '',
    from: day.test(params.get('from') ?? '') ? params.get('from')! : '',
    to: day.test(params.get('to') ?? '') ? params.get('to')! : '',
  };
  const [actor, setActor] = useState(filters.actor);
  const update = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const pushActor = useDebouncedCallback((v: string) => update('actor', v.trim() || null), 300);
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      api<AuditPage>('GET', `/audit${queryString({ ...filters, before: pageParam, limit: 50 })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <Select
            label={t('audit.action')}
            placeholder={t('audit.allActions')}
            data={labels.familyOptions}
            value={filters.action || null}
            onChange={(v) => update('action', v)}
            clearable
            w={{ base: '100%', xs: 190 }}
          />
          <Select
            label={t('audit.objectType')}
            placeholder={t('audit.allObjects')}
            data={labels.objectOptions}
            value={filters.objectType || null}
            onChange={(v) => update('objectType', v)}
            clearable
            w={{ base: '100%', xs: 170 }}
          />
          <TextInput
            label={t('audit.actor')}
            placeholder={t('audit.actorPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={actor}
            onChange={(e) => {
              setActor(e.currentTarget.value);
              pushActor(e.currentTarget.value);
            }}
            style={{ flex: '1 1 12rem' }}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={filters.from}
            onChange={(e) => update('from', e.currentTarget.value || null)}
            w={{ base: 'calc(50% - 6px)', xs: 160 }}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={filters.to}
            onChange={(e) => update('to', e.currentTarget.value || null)}
            w={{ base: 'calc(50% - 6px)', xs: 160 }}
          />
        </Group>
        <ErrorAlert error={log.error} />
        {log.isPending ? (
          <PageLoader />
        ) : entries.length === 0 ? (
          <EmptyState
            title={filtered ? t('audit.noMatch') : t('audit.empty')}
            action={
              filtered ? (
                <Button
                  variant="light"
                  onClick={() => {
                    setActor('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              ) : null
            }
          >
            {filtered ? t('audit.noMatchHint') : t('audit.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <Stack
              gap="xs"
              hiddenFrom="sm"
              component="ul"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {entries.map((e) => (
                <Paper key={e.id} component="li" withBorder p="sm" radius="md">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={600}>
                      {labels.action(e.action)}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.at)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {e.actorLabel}
                    {e.ipAddress ? ` · ${e.ipAddress}` : ''} · {labels.objectType(e.objectType)}
                  </Text>
                  <Changes changes={e.changes} />
                </Paper>
              ))}
            </Stack>
            <Table.ScrollContainer minWidth={760} visibleFrom="sm">
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.when')}</Table.Th>
                    <Table.Th>{t('audit.who')}</Table.Th>
                    <Table.Th>{t('audit.what')}</Table.Th>
                    <Table.Th>{t('audit.object')}</Table.Th>
                    <Table.Th w="40%">{t('audit.changes')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {formatDateTime(e.at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.actorLabel}</Text>
                        {e.ipAddress && (
                          <Text size="xs" c="dimmed">
                            {e.ipAddress}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{labels.action(e.action)}</Text>
                        <Text size="xs" c="dimmed">
                          {e.action}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{labels.objectType(e.objectType)}</Text>
                        {e.objectId && (
                          <Text size="xs" c="dimmed" title={e.objectId}>
                            {e.objectId.length > 12 ? `${e.objectId.slice(0, 8)}…` : e.objectId}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Changes changes={e.changes} dash />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('audit.shown', { count: entries.length })}
              </Text>
              {log.hasNextPage ? (
                <Button variant="light" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  {t('audit.loadMore')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('audit.end')}
                </Text>
              )}
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}

function Changes({ changes, dash = false }: { changes: Record<string, unknown>; dash?: boolean }) {
  const entries = Object.entries(changes);
  if (entries.length === 0)
    return dash ? (
      <Text size="sm" c="dimmed">
        —
      </Text>
    ) : null;
  return (
    <Stack gap={2} mt={dash ? 0 : 4}>
      {entries.map(([field, value]) => {
        const full = describeValue(value);
        // Long values (lists, nested objects) are cut; the whole value is in the tooltip.
        const shown = full.length > 120 ? `${full.slice(0, 119)}…` : full;
        return (
          <Text
            size="xs"
            key={field}
            style={{ overflowWrap: 'anywhere' }}
            title={shown === full ? undefined : full}
          >
            <Code>{field}</Code> {shown}
          </Text>
        );
      })}
    </Stack>
  );
}
