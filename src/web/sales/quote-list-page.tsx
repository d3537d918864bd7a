import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilePlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { quoteStatuses } from '../../core/sales/document-statuses.ts';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { Money } from './money.tsx';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { SalesActivitySelect } from './sales-activity-select.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** Quotes: drafts, sent, accepted, refused or expired; filters in the URL. */
export function QuoteListPage() {
  const { s, t, day } = useSalesTexts();
  const { params, update } = useUrlFilters();
  const activityId = params.get('activity');
  const status = params.get('status');
  const clientFilter = params.get('client') ?? '';
  const [client, setClient] = useState(clientFilter);
  const pushClient = useDebouncedCallback((v: string) => update({ client: v.trim() || null }), 300);
  const list = useQuery({
    queryKey: ['sales', 'quotes', activityId, status],
    queryFn: () => salesApi.quotes({ activityId, status }),
    placeholderData: keepPreviousData,
  });
  const needle = clientFilter.toLocaleLowerCase('fr');
  const rows = (list.data ?? []).filter(
    (q) => !needle || q.clientName.toLocaleLowerCase('fr').includes(needle),
  );
  const filtered = Boolean(activityId || status || clientFilter);
  const newLink = `/sales/quotes/new${activityId ? `?activity=${activityId}` : ''}`;
  const reference = (r: string | null) => r ?? s('list.noNumber');
  return (
    <>
      <PageHeader
        title={s('quotes.title')}
        description={s('quotes.description')}
        actions={
          <Button component={Link} to={newLink} leftSection={<IconFilePlus size={16} />}>
            {s('quotes.new')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <SalesActivitySelect
            label={s('common.activity')}
            value={activityId}
            onChange={(v) => update({ activity: v })}
            w={{ base: '100%', xs: 240 }}
          />
          <TextInput
            label={s('list.client')}
            placeholder={s('list.clientPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={client}
            onChange={(e) => {
              setClient(e.currentTarget.value);
              pushClient(e.currentTarget.value);
            }}
            style={{ flex: '1 1 12rem' }}
          />
          <Select
            label={s('list.status')}
            placeholder={s('list.anyStatus')}
            data={quoteStatuses.map((v) => ({ value: v, label: s(`quoteStatus.${v}`) }))}
            value={status}
            onChange={(v) => update({ status: v })}
            clearable
            w={{ base: '100%', xs: 190 }}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : rows.length === 0 ? (
          <EmptyState
            title={filtered ? s('quotes.noMatch') : s('quotes.empty')}
            action={
              filtered ? (
                <Button
                  variant="light"
                  onClick={() => {
                    setClient('');
                    update({ activity: null, status: null, client: null });
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              ) : (
                <Button component={Link} to={newLink} variant="light">
                  {s('quotes.new')}
                </Button>
              )
            }
          >
            {filtered ? s('list.noMatchHint') : s('quotes.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {s('quotes.count', { count: rows.length })}
            </Text>
            <Table.ScrollContainer minWidth={720} visibleFrom="sm">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s('quotes.reference')}</Table.Th>
                    <Table.Th>{s('list.client')}</Table.Th>
                    <Table.Th>{s('quotes.sentOn')}</Table.Th>
                    <Table.Th>{s('quotes.validUntil')}</Table.Th>
                    <Table.Th ta="right">{s('list.totalIncl')}</Table.Th>
                    <Table.Th ta="right">{s('quotes.remaining')}</Table.Th>
                    <Table.Th>{s('list.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/quotes/${q.id}`} fw={600}>
                          {reference(q.reference)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{q.clientName}</Table.Td>
                      <Table.Td>{day(q.issueDate)}</Table.Td>
                      <Table.Td>{day(q.validityDate)}</Table.Td>
                      <Table.Td ta="right">
                        <Money cents={q.totalInclCents} />
                      </Table.Td>
                      <Table.Td ta="right">
                        {q.status === 'sent' || q.status === 'accepted' ? (
                          <Money cents={q.remainingExclCents} />
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                      <Table.Td>
                        <QuoteStatusBadge status={q.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="xs" hiddenFrom="sm">
              {rows.map((q) => (
                <Paper key={q.id} withBorder p="sm" radius="md" component="article">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/sales/quotes/${q.id}`} fw={600}>
                        {reference(q.reference)}
                      </Anchor>
                      <Text size="sm" truncate="end">
                        {q.clientName}
                      </Text>
                      {q.validityDate && (
                        <Text size="xs" c="dimmed">
                          {s('quotes.validUntilDate', { date: day(q.validityDate) })}
                        </Text>
                      )}
                    </Stack>
                    <Stack gap={4} align="flex-end">
                      <Money strong cents={q.totalInclCents} />
                      <QuoteStatusBadge status={q.status} />
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </>
  );
}
