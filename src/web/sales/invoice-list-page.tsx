import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilePlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';

import { useUrlFilters } from '../members/use-url-filters.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { InvoiceStatusBadges } from './invoice-status-badge.tsx';
import { Money } from './money.tsx';
import { SalesActivitySelect } from './sales-activity-select.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

const stages = ['draft', 'submitted', 'approved', 'issued'] as const;
const paymentStatuses = ['unpaid', 'partlyPaid', 'paid', 'overdue'] as const;
const types = ['invoice', 'deposit', 'creditNote'] as const;

/** Invoices and credit notes: filters in the URL, statuses as badges, amounts right-aligned. */
export function InvoiceListPage() {
  const { s, t, day } = useSalesTexts();
  const { params, update } = useUrlFilters();
  const filters = {
    activityId: params.get('activity'),
    stage: params.get('status'),
    payment: params.get('payment'),
    type: params.get('type'),
    client: params.get('client') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const [client, setClient] = useState(filters.client);
  const pushClient = useDebouncedCallback((v: string) => update({ client: v.trim() || null }), 300);
  // Every filter is applied by the server: the 500 documents it answers at most are the matching ones.
  const query = {
    activityId: filters.activityId,
    status: filters.stage,
    payment: filters.payment,
    type: filters.type,
    client: filters.client.trim() || null,
    from: filters.from || null,
    to: filters.to || null,
  };
  const list = useQuery({
    queryKey: ['sales', 'invoices', query],
    queryFn: () => salesApi.invoices(query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data ?? [];
  const filtered = Boolean(
    filters.activityId ||
      filters.stage ||
      filters.payment ||
      filters.type ||
      filters.client ||
      filters.from ||
      filters.to,
  );
  const clear = () => {
    setClient('');
    update({ activity: null, status: null, payment: null, type: null, client: null, from: null, to: null });
  };
  const number = (i: InvoiceView) => i.number ?? s('list.noNumber');
  const newLink = `/sales/invoices/new${filters.activityId ? `?activity=${filters.activityId}` : ''}`;

  return (
    <>
      <PageHeader
        title={s('list.title')}
        description={s('list.description')}
        actions={
          <Button component={Link} to={newLink} leftSection={<IconFilePlus size={16} />}>
            {s('list.new')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <SalesActivitySelect
            label={s('common.activity')}
            value={filters.activityId}
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
            data={stages.map((v) => ({ value: v, label: s(`stage.${v}`) }))}
            value={filters.stage}
            onChange={(v) => update({ status: v })}
            clearable
            w={{ base: 'calc(50% - 6px)', xs: 190 }}
          />
          <Select
            label={s('list.payment')}
            placeholder={s('list.anyPayment')}
            data={paymentStatuses.map((v) => ({ value: v, label: s(`payment.${v}`) }))}
            value={filters.payment}
            onChange={(v) => update({ payment: v })}
            clearable
            w={{ base: 'calc(50% - 6px)', xs: 170 }}
          />
          <Select
            label={s('list.type')}
            placeholder={s('list.anyType')}
            data={types.map((v) => ({ value: v, label: s(`type.${v}`) }))}
            value={filters.type}
            onChange={(v) => update({ type: v })}
            clearable
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            type="date"
            label={s('list.from')}
            value={filters.from}
            onChange={(e) => update({ from: e.currentTarget.value || null })}
            w={{ base: 'calc(50% - 6px)', xs: 160 }}
          />
          <TextInput
            type="date"
            label={s('list.to')}
            value={filters.to}
            onChange={(e) => update({ to: e.currentTarget.value || null })}
            w={{ base: 'calc(50% - 6px)', xs: 160 }}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : rows.length === 0 ? (
          <EmptyState
            title={filtered ? s('list.noMatch') : s('list.empty')}
            action={
              filtered ? (
                <Button variant="light" onClick={clear}>
                  {t('common.clearFilters')}
                </Button>
              ) : (
                <Button component={Link} to={newLink} variant="light">
                  {s('list.new')}
                </Button>
              )
            }
          >
            {filtered ? s('list.noMatchHint') : s('list.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {s('list.count', { count: rows.length })}
            </Text>
            <Table.ScrollContainer minWidth={760} visibleFrom="sm">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s('list.number')}</Table.Th>
                    <Table.Th>{s('list.client')}</Table.Th>
                    <Table.Th>{s('list.issueDate')}</Table.Th>
                    <Table.Th>{s('list.dueDate')}</Table.Th>
                    <Table.Th ta="right">{s('list.totalIncl')}</Table.Th>
                    <Table.Th ta="right">{s('list.remaining')}</Table.Th>
                    <Table.Th>{s('list.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/invoices/${i.id}`} fw={600}>
                          {number(i)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {s(`type.${i.type}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{i.clientName}</Table.Td>
                      <Table.Td>{day(i.issueDate)}</Table.Td>
                      <Table.Td>{day(i.dueDate)}</Table.Td>
                      <Table.Td ta="right">
                        <Money cents={i.type === 'creditNote' ? -i.totalInclCents : i.totalInclCents} />
                      </Table.Td>
                      <Table.Td ta="right">{i.paymentStatus ? <Money cents={i.dueCents} /> : '—'}</Table.Td>
                      <Table.Td>
                        <InvoiceStatusBadges invoice={i} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="xs" hiddenFrom="sm">
              {rows.map((i) => (
                <Paper key={i.id} withBorder p="sm" radius="md" component="article">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/sales/invoices/${i.id}`} fw={600}>
                        {number(i)}
                      </Anchor>
                      <Text size="sm" truncate="end">
                        {i.clientName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s(`type.${i.type}`)}
                        {i.issueDate ? ` · ${day(i.issueDate)}` : ''}
                      </Text>
                    </Stack>
                    <Stack gap={4} align="flex-end">
                      <Money strong cents={i.type === 'creditNote' ? -i.totalInclCents : i.totalInclCents} />
                      <InvoiceStatusBadges invoice={i} />
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
            {list.data && list.data.length >= 500 && (
              <Text size="xs" c="dimmed">
                {s('list.truncated')}
              </Text>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
