import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconShieldCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FiscalYearView } from '../../core/ledger/report-schemas.ts';
import { api } from '../app/api-client.ts';
import { formatDateTime } from '../app/format.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

/** Fiscal years: open the next, lock declared periods, close a year, download its FEC; and verify the book. */
export function LedgerClosingPage() {
  const { l, day } = useLedgerTexts();
  const me = useCurrentPerson();
  const canClose = hasPermission(me, 'ledger.close');
  const canVerify = hasPermission(me, 'integrity.verify');
  const queryClient = useQueryClient();
  const years = useQuery({ queryKey: ['ledger', 'years'], queryFn: ledgerApi.years });
  const [closing, setClosing] = useState<FiscalYearView | null>(null);
  const [lockDate, setLockDate] = useState('');
  const [confirmLock, setConfirmLock] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['ledger'] });
  const openNext = useMutation({
    mutationFn: () => api<FiscalYearView>('POST', '/ledger/fiscal-years', { body: {} }),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'mutua', message: l('closing.opened') });
    },
  });
  const close = useMutation({
    mutationFn: (y: FiscalYearView) =>
      api<{ openingEntries: number }>('POST', `/ledger/fiscal-years/${y.id}/close`),
    onSuccess: (r) => {
      refresh();
      setClosing(null);
      notifications.show({ color: 'mutua', message: l('closing.closedDone', { count: r.openingEntries }) });
    },
  });
  const lock = useMutation({
    mutationFn: () => api('PUT', '/ledger/lock-date', { body: { lockDate } }),
    onSuccess: () => {
      refresh();
      setConfirmLock(false);
      setLockDate('');
      notifications.show({ color: 'mutua', message: l('closing.locked') });
    },
  });
  const verify = useMutation({ mutationFn: ledgerApi.verify });
  if (years.isPending) return <PageLoader />;
  const list = [...(years.data?.years ?? [])].reverse();
  return (
    <>
      <PageHeader
        title={l('closing.title')}
        description={l('closing.description')}
        actions={
          canClose ? (
            <Button variant="default" onClick={() => openNext.mutate()} loading={openNext.isPending}>
              {l('closing.openNext')}
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        <ErrorAlert error={years.error ?? openNext.error} />
        <Stack gap="xs">
          <Title order={2} size="h4">
            {l('closing.years')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{l('closing.period')}</Table.Th>
                  <Table.Th>{l('closing.status')}</Table.Th>
                  <Table.Th>{l('closing.fec')}</Table.Th>
                  {canClose && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((y) => (
                  <Table.Tr key={y.id}>
                    <Table.Td>
                      {day(y.startDate)} – {day(y.endDate)}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={y.status === 'open' ? 'green' : 'gray'}>
                        {y.status === 'open' ? l('common.open') : l('common.closed')}
                      </Badge>{' '}
                      {y.closedAt && (
                        <Text span size="xs" c="dimmed">
                          {l('closing.closedAt', { at: formatDateTime(y.closedAt) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="sm">
                        <Anchor href={`/api/ledger/fec/${y.id}`} size="sm">
                          <Group gap={4}>
                            <IconDownload size={14} aria-hidden />
                            {l('closing.fecFile')}
                          </Group>
                        </Anchor>
                        <Anchor href={`/api/ledger/fec/${y.id}/description`} size="sm">
                          {l('closing.fecDescription')}
                        </Anchor>
                      </Group>
                    </Table.Td>
                    {canClose && (
                      <Table.Td ta="right">
                        {y.status === 'open' && (
                          <Button size="xs" color="red" variant="light" onClick={() => setClosing(y)}>
                            {l('closing.close')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>

        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {l('closing.lockDate')}
            </Title>
            <Text size="sm">
              {years.data?.lockDate
                ? l('closing.lockDateCurrent', { date: day(years.data.lockDate) })
                : l('closing.lockDateNone')}
            </Text>
            {canClose && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (lockDate) setConfirmLock(true);
                }}
              >
                <Group align="flex-end" gap="sm">
                  <TextInput
                    type="date"
                    label={l('closing.lockDate')}
                    description={l('closing.lockDateHint')}
                    value={lockDate}
                    onChange={(e) => setLockDate(e.currentTarget.value)}
                    w={{ base: '100%', xs: 320 }}
                  />
                  <Button type="submit" variant="default" disabled={!lockDate}>
                    {l('closing.setLockDate')}
                  </Button>
                </Group>
              </form>
            )}
          </Stack>
        </Paper>

        {canVerify && (
          <Paper withBorder p="md" radius="md">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {l('closing.verify')}
              </Title>
              <Text size="sm" c="dimmed">
                {l('closing.verifyHint')}
              </Text>
              <Group>
                <Button
                  leftSection={<IconShieldCheck size={16} />}
                  onClick={() => verify.mutate()}
                  loading={verify.isPending}
                >
                  {l('closing.verifyRun')}
                </Button>
              </Group>
              <ErrorAlert error={verify.error} />
              {verify.data && (
                <Alert
                  color={verify.data.ok ? 'green' : 'red'}
                  title={verify.data.ok ? l('closing.verifyOk') : l('closing.verifyFailed')}
                  role="status"
                >
                  <Text size="xs" c="dimmed" mb="xs">
                    {l('closing.checkedAt', { at: formatDateTime(verify.data.checkedAt) })}
                  </Text>
                  <List spacing={4} size="sm">
                    {verify.data.checks.map((c) => (
                      <List.Item
                        key={c.name}
                        icon={
                          c.ok ? (
                            <IconCheck size={16} color="green" aria-label="ok" />
                          ) : (
                            <IconX size={16} color="red" aria-label="échec" />
                          )
                        }
                      >
                        {c.name}
                        {c.details.length > 0 && (
                          <List size="xs" withPadding>
                            {c.details.map((d) => (
                              <List.Item key={d}>{d}</List.Item>
                            ))}
                          </List>
                        )}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          </Paper>
        )}
      </Stack>
      <ConfirmModal
        opened={closing !== null}
        onClose={() => setClosing(null)}
        title={
          closing ? l('closing.closeTitle', { start: day(closing.startDate), end: day(closing.endDate) }) : ''
        }
        message={l('closing.closeMessage')}
        confirmLabel={l('closing.close')}
        onConfirm={() => closing && close.mutate(closing)}
        pending={close.isPending}
        error={close.error}
      />
      <ConfirmModal
        opened={confirmLock}
        onClose={() => setConfirmLock(false)}
        title={l('closing.lockTitle', { date: day(lockDate) })}
        message={l('closing.lockMessage')}
        confirmLabel={l('closing.setLockDate')}
        onConfirm={() => lock.mutate()}
        pending={lock.isPending}
        error={lock.error}
      />
    </>
  );
}
