import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { formatDateTime } from '../app/format.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { Money } from './money.tsx';
import { ReturnInvoiceModal } from './return-invoice-modal.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** Support's queue: invoices members submitted for validation, oldest first. */
export function ValidationQueuePage() {
  const { s, euros } = useSalesTexts();
  const queryClient = useQueryClient();
  const [approving, setApproving] = useState<InvoiceView | null>(null);
  const [returning, setReturning] = useState<InvoiceView | null>(null);
  const list = useQuery({
    queryKey: ['sales', 'invoices', null, 'submitted'],
    queryFn: () => salesApi.invoices({ status: 'submitted' }),
  });
  const waiting = (list.data ?? [])
    .filter((i) => !i.approvedAt)
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: ['sales'] });
    notifications.show({ color: 'mutua', message });
    setApproving(null);
    setReturning(null);
  };
  const approve = useMutation({
    mutationFn: (id: string) => salesApi.approve(id),
    onSuccess: () => done(s('validation.approved')),
  });
  const actions = (i: InvoiceView) => (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={() => setReturning(i)}
        aria-label={s('validation.returnOf', { client: i.clientName })}
      >
        {s('validation.return')}
      </Button>
      <Button
        size="xs"
        leftSection={<IconCheck size={14} />}
        onClick={() => setApproving(i)}
        aria-label={s('validation.approveOf', { client: i.clientName })}
      >
        {s('validation.approve')}
      </Button>
    </Group>
  );
  return (
    <>
      <PageHeader title={s('validation.title')} description={s('validation.description')} />
      <Stack gap="md">
        <ErrorAlert error={list.error} />
        {list.isPending ? (
          <PageLoader />
        ) : waiting.length === 0 ? (
          <EmptyState title={s('validation.empty')}>{s('validation.emptyHint')}</EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {s('validation.count', { count: waiting.length })}
            </Text>
            <Table.ScrollContainer minWidth={700} visibleFrom="sm">
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{s('list.client')}</Table.Th>
                    <Table.Th>{s('validation.submittedAt')}</Table.Th>
                    <Table.Th ta="right">{s('list.totalIncl')}</Table.Th>
                    <Table.Th ta="right">{s('validation.decision')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {waiting.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/invoices/${i.id}`} fw={600}>
                          {i.clientName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {s(`type.${i.type}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{i.submittedAt ? formatDateTime(i.submittedAt) : '—'}</Table.Td>
                      <Table.Td ta="right">
                        <Money cents={i.totalInclCents} />
                      </Table.Td>
                      <Table.Td>{actions(i)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap="xs" hiddenFrom="sm">
              {waiting.map((i) => (
                <Paper key={i.id} withBorder p="sm" radius="md" component="article">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/sales/invoices/${i.id}`} fw={600}>
                        {i.clientName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {i.submittedAt ? formatDateTime(i.submittedAt) : ''}
                      </Text>
                    </Stack>
                    <Money cents={i.totalInclCents} strong />
                  </Group>
                  <Group mt="xs" justify="flex-end">
                    {actions(i)}
                  </Group>
                </Paper>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      {approving && (
        <ConfirmModal
          opened
          onClose={() => setApproving(null)}
          title={s('validation.approveTitle')}
          message={s('validation.approveMessage', {
            client: approving.clientName,
            amount: euros(approving.totalInclCents),
          })}
          confirmLabel={s('validation.approve')}
          onConfirm={() => approve.mutate(approving.id)}
          pending={approve.isPending}
          error={approve.error}
          color="mutua"
        />
      )}
      {returning && (
        <ReturnInvoiceModal
          invoice={returning}
          opened
          onClose={() => setReturning(null)}
          onReturned={() => done(s('validation.returned'))}
        />
      )}
    </>
  );
}
