import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArchive,
  IconArrowLeft,
  IconFileDescription,
  IconFilePlus,
  IconPencil,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';

import { CreateClientModal } from './create-client-modal.tsx';
import { Figure } from './figure.tsx';
import { InvoiceStatusBadges } from './invoice-status-badge.tsx';
import { Money } from './money.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** A client: its details, what it owes, and every document made out to it. */
export function ClientPage() {
  const { id } = useParams();
  const { s, day, euros } = useSalesTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const detail = useQuery({ queryKey: ['sales', 'client', id], queryFn: () => salesApi.client(id!) });
  const changed = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['sales'] });
    notifications.show({ color: 'mutua', message });
    setDialog(null);
  };
  const archive = useMutation({
    mutationFn: (archived: boolean) =>
      archived ? salesApi.archiveClient(id!) : salesApi.unarchiveClient(id!),
    onSuccess: (c) => changed(s(c.archived ? 'clients.archivedDone' : 'clients.restoredDone')),
  });
  const remove = useMutation({
    mutationFn: () => salesApi.deleteClient(id!),
    onSuccess: () => {
      changed(s('clients.deleted'));
      navigate(`/sales/clients?activity=${detail.data?.client.activityId ?? ''}`);
    },
  });
  if (detail.isPending) return <PageLoader />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const { client: c, balance, invoices, quotes, deletable } = detail.data;
  const a = c.billingAddress;
  const facts: [string, string | null][] = [
    [
      s('clients.billingAddress'),
      a
        ? [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country === 'FR' ? '' : a.country]
            .filter(Boolean)
            .join(', ')
        : null,
    ],
    [s('clients.siren'), c.siren],
    [s('clients.siret'), c.siret],
    [s('clients.vatNumber'), c.vatNumber],
    [s('clients.email'), c.email],
    [
      s('clients.paymentTerms'),
      c.paymentTerms
        ? s(`terms.${c.paymentTerms.kind}_${c.paymentTerms.days}`, {
            defaultValue: s('editor.termsDays', { count: c.paymentTerms.days }),
          })
        : null,
    ],
  ];
  return (
    <>
      <Anchor component={Link} to={`/sales/clients?activity=${c.activityId}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {s('clients.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={c.name}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color="blue" style={{ textTransform: 'none' }}>
              {s(`clientKind.${c.kind}`)}
            </Badge>
            {c.archived && (
              <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                {s('clients.archivedBadge')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {!c.archived && (
              <Button
                component={Link}
                to={`/sales/quotes/new?activity=${c.activityId}&client=${c.id}`}
                variant="light"
                leftSection={<IconFileDescription size={16} />}
              >
                {s('quotes.new')}
              </Button>
            )}
            {!c.archived && (
              <Button
                component={Link}
                to={`/sales/invoices/new?activity=${c.activityId}&client=${c.id}`}
                leftSection={<IconFilePlus size={16} />}
              >
                {s('list.new')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setDialog('edit')}
            >
              {s('clients.edit')}
            </Button>
            <Button
              variant="default"
              leftSection={c.archived ? <IconRestore size={16} /> : <IconArchive size={16} />}
              onClick={() => archive.mutate(!c.archived)}
              loading={archive.isPending}
            >
              {c.archived ? s('clients.unarchive') : s('clients.archive')}
            </Button>
            {deletable && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog('delete')}
              >
                {s('clients.delete')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={archive.error} />
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label={s('clients.invoiced')} value={euros(balance.invoicedCents)} />
          <Figure label={s('clients.paid')} value={euros(balance.paidCents)} />
          <Figure
            label={s('clients.due')}
            value={euros(balance.dueCents)}
            hint={
              balance.creditedCents
                ? s('clients.creditedHint', { amount: euros(balance.creditedCents) })
                : undefined
            }
          />
          <Figure label={s('clients.overdue')} value={euros(balance.overdueCents)} />
        </SimpleGrid>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {s('clients.details')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" m={0}>
            {facts
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <Text component="dt" size="xs" c="dimmed">
                    {k}
                  </Text>
                  <Text component="dd" size="sm" m={0}>
                    {v}
                  </Text>
                </div>
              ))}
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {s('clients.documents')}
          </Title>
          {invoices.length === 0 ? (
            <EmptyState title={s('clients.noDocuments')}>{s('clients.noDocumentsHint')}</EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s('list.number')}</Table.Th>
                    <Table.Th>{s('list.issueDate')}</Table.Th>
                    <Table.Th ta="right">{s('list.totalIncl')}</Table.Th>
                    <Table.Th ta="right">{s('list.remaining')}</Table.Th>
                    <Table.Th>{s('list.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invoices.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/invoices/${i.id}`} fw={600}>
                          {i.number ?? s('list.noNumber')}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {s(`type.${i.type}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{day(i.issueDate)}</Table.Td>
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
          )}
        </Paper>
        {quotes.length > 0 && (
          <Paper withBorder radius="md" p="md">
            <Title order={2} size="h4" mb="sm">
              {s('clients.quotes')}
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Tbody>
                  {quotes.map((q) => (
                    <Table.Tr key={q.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/quotes/${q.id}`} fw={600}>
                          {q.reference ?? s('list.noNumber')}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{day(q.issueDate)}</Table.Td>
                      <Table.Td>{s(`quoteStatus.${q.status}`)}</Table.Td>
                      <Table.Td ta="right">
                        <Money cents={q.totalInclCents} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>
      <CreateClientModal
        key={`${c.id}-${dialog}`}
        activityId={c.activityId}
        client={c}
        opened={dialog === 'edit'}
        onClose={() => setDialog(null)}
        onCreated={() => setDialog(null)}
      />
      <ConfirmModal
        opened={dialog === 'delete'}
        onClose={() => setDialog(null)}
        title={s('clients.deleteTitle')}
        message={s('clients.deleteMessage', { name: c.name })}
        confirmLabel={s('clients.delete')}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
      />
    </>
  );
}
