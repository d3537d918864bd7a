import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { CreateClientModal } from './create-client-modal.tsx';
import { SalesActivitySelect, useMySalesActivities } from './sales-activity-select.tsx';
import { type ClientView, salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

const place = (c: ClientView) =>
  c.billingAddress ? `${c.billingAddress.postalCode} ${c.billingAddress.city}` : '';

/** An activity's clients: companies, individuals and public bodies, archived ones on request. */
export function ClientListPage() {
  const { s } = useSalesTexts();
  const navigate = useNavigate();
  const { params, update } = useUrlFilters();
  const mine = useMySalesActivities();
  const activityId = params.get('activity');
  const show = params.get('show') ?? 'active';
  const [q, setQ] = useState('');
  useEffect(() => {
    if (!activityId && mine.items.length === 1) update({ activity: mine.items[0]!.id });
  }, [activityId, mine.items, update]);
  const list = useQuery({
    queryKey: ['sales', 'clients', activityId],
    queryFn: () => salesApi.clients(activityId!),
    enabled: Boolean(activityId),
  });
  const needle = q.trim().toLocaleLowerCase('fr');
  const rows = (list.data ?? []).filter(
    (c) =>
      (show === 'all' || c.archived === (show === 'archived')) &&
      (!needle ||
        c.name.toLocaleLowerCase('fr').includes(needle) ||
        (c.siren ?? '').includes(needle) ||
        place(c).toLocaleLowerCase('fr').includes(needle)),
  );
  const creating = params.get('new') === '1';

  return (
    <>
      <PageHeader
        title={s('clients.title')}
        description={s('clients.description')}
        actions={
          <Button
            leftSection={<IconUserPlus size={16} />}
            onClick={() => update({ new: '1' })}
            disabled={!activityId}
          >
            {s('clients.new')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <SalesActivitySelect
            label={s('common.activity')}
            placeholder={s('editor.chooseActivity')}
            value={activityId}
            onChange={(v) => update({ activity: v })}
            w={{ base: '100%', xs: 260 }}
          />
          <TextInput
            label={s('clients.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 12rem' }}
          />
          <SegmentedControl
            aria-label={s('clients.show')}
            data={(['active', 'archived', 'all'] as const).map((v) => ({
              value: v,
              label: s(`clients.${v}`),
            }))}
            value={show}
            onChange={(v) => update({ show: v === 'active' ? null : v })}
          />
        </Group>
        <ErrorAlert error={list.error} />
        {!activityId ? (
          <EmptyState title={s('clients.pickActivity')}>{s('clients.pickActivityHint')}</EmptyState>
        ) : list.isPending ? (
          <PageLoader />
        ) : rows.length === 0 ? (
          <EmptyState
            title={list.data?.length ? s('clients.noMatch') : s('clients.empty')}
            action={
              <Button variant="light" onClick={() => update({ new: '1' })}>
                {s('clients.new')}
              </Button>
            }
          >
            {list.data?.length ? null : s('clients.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <Table.ScrollContainer minWidth={640} visibleFrom="sm">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s('clients.name')}</Table.Th>
                    <Table.Th>{s('clients.kind')}</Table.Th>
                    <Table.Th>{s('clients.siren')}</Table.Th>
                    <Table.Th>{s('clients.city')}</Table.Th>
                    <Table.Th>{s('clients.email')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Group gap="xs">
                          <Anchor component={Link} to={`/sales/clients/${c.id}`} fw={600}>
                            {c.name}
                          </Anchor>
                          {c.archived && (
                            <Badge color="gray" variant="light" size="sm">
                              {s('clients.archivedBadge')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{s(`clientKind.${c.kind}`)}</Table.Td>
                      <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{c.siren ?? '—'}</Table.Td>
                      <Table.Td>{place(c) || '—'}</Table.Td>
                      <Table.Td>{c.email ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="xs" hiddenFrom="sm">
              {rows.map((c) => (
                <Paper key={c.id} withBorder p="sm" radius="md" component="article">
                  <Group justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={`/sales/clients/${c.id}`} fw={600}>
                      {c.name}
                    </Anchor>
                    {c.archived && (
                      <Badge color="gray" variant="light" size="sm">
                        {s('clients.archivedBadge')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[s(`clientKind.${c.kind}`), place(c), c.siren].filter(Boolean).join(' · ')}
                  </Text>
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      {activityId && (
        <CreateClientModal
          activityId={activityId}
          opened={creating}
          onClose={() => update({ new: null })}
          onCreated={(c) => navigate(`/sales/clients/${c.id}`)}
        />
      )}
    </>
  );
}
