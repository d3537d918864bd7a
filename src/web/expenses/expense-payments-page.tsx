import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PayableItem, PaymentBatchView } from '../../core/expenses/expense-schemas.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { expensesApi } from './expenses-api.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

function ConfirmBatchModal({ batch, onClose }: { batch: PaymentBatchView; onClose: () => void }) {
  const { x, euros } = useExpenseTexts();
  const client = useQueryClient();
  const [paidOn, setPaidOn] = useState(localToday());
  const [rejected, setRejected] = useState<string[]>([]);
  const confirm = useMutation({
    mutationFn: () => expensesApi.confirmBatch(batch.id, { paidOn, rejectedLineIds: rejected }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: x('payments.confirmed') });
      client.invalidateQueries({ queryKey: ['expenses'] });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={x('payments.confirmTitle', { id: batch.messageId })}
      centered
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">{x('payments.confirmText')}</Text>
        <TextInput
          type="date"
          label={x('payments.paidOn')}
          required
          max={localToday()}
          value={paidOn}
          onChange={(e) => setPaidOn(e.currentTarget.value)}
        />
        {batch.lines.map((l) => (
          <Checkbox
            key={l.id}
            checked={!rejected.includes(l.id)}
            onChange={(e) => {
              const paid = e.currentTarget.checked;
              setRejected((all) => (paid ? all.filter((id) => id !== l.id) : [...all, l.id]));
            }}
            label={`${l.creditorName} — ${euros(l.amountCents)} (${l.endToEndId})`}
          />
        ))}
        <ErrorAlert error={confirm.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            ✕
          </Button>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
            {x('payments.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The accountant's payment batches: pick approved expenses, get the SEPA file, confirm what the bank paid. Under
 * Mantine's `sm` breakpoint (48em) the expenses to pay are cards, not a five-column table that would scroll
 * sideways on a phone (ui.md: a phone shows everything without horizontal scrolling).
 */
export function ExpensePaymentsPage() {
  const { x, euros, day } = useExpenseTexts();
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const client = useQueryClient();
  const payables = useQuery({ queryKey: ['expenses', 'payables'], queryFn: expensesApi.payables });
  const batches = useQuery({ queryKey: ['expenses', 'batches'], queryFn: expensesApi.batches });
  const [selected, setSelected] = useState<string[]>([]);
  const [executionDate, setExecutionDate] = useState(localToday());
  const [confirming, setConfirming] = useState<PaymentBatchView | null>(null);
  const key = (p: { type: string; id: string }) => `${p.type}:${p.id}`;
  const prepare = useMutation({
    mutationFn: () =>
      expensesApi.prepareBatch({
        executionDate,
        items: (payables.data ?? [])
          .filter((p) => selected.includes(key(p)))
          .map((p) => ({ type: p.type, id: p.id })),
      }),
    onSuccess: () => {
      setSelected([]);
      notifications.show({ color: 'teal', message: x('payments.prepared') });
      client.invalidateQueries({ queryKey: ['expenses'] });
    },
  });
  if (payables.isPending || batches.isPending) return <PageLoader />;
  const items = payables.data ?? [];
  const select = (p: PayableItem) => (
    <Checkbox
      aria-label={x('payments.select', { label: `${p.creditorName} ${p.label}` })}
      disabled={!p.bankReady}
      checked={selected.includes(key(p))}
      onChange={(e) => {
        const on = e.currentTarget.checked;
        setSelected((all) => (on ? [...all, key(p)] : all.filter((k) => k !== key(p))));
      }}
    />
  );
  const noIban = (p: PayableItem) =>
    !p.bankReady && (
      <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
        {x('payments.noIban')}
      </Badge>
    );
  return (
    <>
      <PageHeader title={x('payments.title')} description={x('payments.description')} />
      <ErrorAlert error={payables.error ?? batches.error ?? prepare.error} />
      <Stack gap="lg">
        <Title order={2} size="h4">
          {x('payments.toPay')}
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {x('payments.empty')}
          </Text>
        ) : (
          <Paper withBorder radius="md" p="sm">
            {phone ? (
              <Stack gap="xs">
                {items.map((p) => (
                  <Paper key={key(p)} withBorder radius="sm" p="xs" data-testid="payable">
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <div style={{ paddingTop: 2 }}>{select(p)}</div>
                      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                          <Text size="sm" fw={600} style={{ minWidth: 0 }}>
                            {p.creditorName}
                          </Text>
                          <Text size="sm" fw={600} style={{ ...num, flexShrink: 0 }}>
                            {euros(p.owedCents)}
                          </Text>
                        </Group>
                        <Text size="sm">{p.label}</Text>
                        <Text size="xs" c="dimmed">
                          {p.activityName}
                        </Text>
                        {noIban(p)}
                      </Stack>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40} />
                    <Table.Th>{x('payments.payee')}</Table.Th>
                    <Table.Th>{x('payments.item')}</Table.Th>
                    <Table.Th>{x('payments.activity')}</Table.Th>
                    <Table.Th ta="right">{x('payments.owed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((p) => (
                    <Table.Tr key={key(p)}>
                      <Table.Td>{select(p)}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {p.creditorName}
                          {noIban(p)}
                        </Group>
                      </Table.Td>
                      <Table.Td>{p.label}</Table.Td>
                      <Table.Td>{p.activityName}</Table.Td>
                      <Table.Td ta="right" style={num}>
                        {euros(p.owedCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group mt="sm" align="flex-end" wrap="wrap">
              <TextInput
                type="date"
                label={x('payments.executionDate')}
                min={localToday()}
                value={executionDate}
                onChange={(e) => setExecutionDate(e.currentTarget.value)}
              />
              <Button
                disabled={selected.length === 0}
                loading={prepare.isPending}
                onClick={() => prepare.mutate()}
              >
                {x('payments.prepare', { count: selected.length })}
              </Button>
            </Group>
          </Paper>
        )}
        <Title order={2} size="h4">
          {x('payments.batches')}
        </Title>
        {(batches.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            {x('payments.noBatches')}
          </Text>
        ) : (
          <Stack gap="sm">
            {(batches.data ?? []).map((b) => (
              <Paper key={b.id} withBorder radius="md" p="sm">
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Stack gap={2}>
                    <Text fw={600}>{b.messageId}</Text>
                    <Text size="xs" c="dimmed">
                      {day(b.executionDate)} · {x('payments.transfers', { count: b.lines.length })} ·{' '}
                      {b.status === 'confirmed'
                        ? x('payments.paidOf', { paid: euros(b.paidCents), total: euros(b.totalCents) })
                        : euros(b.totalCents)}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    <Badge
                      color={b.status === 'confirmed' ? 'green' : 'yellow'}
                      variant="light"
                      style={{ textTransform: 'none' }}
                    >
                      {x(`payments.batchStatus.${b.status}`)}
                    </Badge>
                    <Button
                      component="a"
                      href={`/api/expenses/batches/${b.id}/sepa`}
                      download
                      variant="default"
                      size="xs"
                      leftSection={<IconDownload size={14} />}
                    >
                      {x('payments.download')}
                    </Button>
                    {b.status === 'prepared' && (
                      <Button size="xs" onClick={() => setConfirming(b)}>
                        {x('payments.confirm')}
                      </Button>
                    )}
                  </Group>
                </Group>
                <Stack gap={2} mt="xs">
                  {b.lines.map((l) => (
                    <Group key={l.id} justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" style={{ minWidth: 0, flex: 1 }} lineClamp={phone ? 3 : 1}>
                        {l.creditorName} · {l.label}
                      </Text>
                      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                        <Text size="sm" style={num}>
                          {euros(l.amountCents)}
                        </Text>
                        <Badge
                          size="sm"
                          variant="light"
                          color={l.status === 'paid' ? 'green' : l.status === 'rejected' ? 'red' : 'gray'}
                          style={{ textTransform: 'none' }}
                        >
                          {x(`payments.lineStatus.${l.status}`)}
                        </Badge>
                      </Group>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
      {confirming && <ConfirmBatchModal batch={confirming} onClose={() => setConfirming(null)} />}
    </>
  );
}
