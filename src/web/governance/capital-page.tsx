import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { localToday } from '../members/format-day.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { governanceApi, type PlannedRefund } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

const Num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * The share capital: its figures and floor, the refunds still owed in the order of departure (each payable
 * or waiting, with the reason in words), and the register of share movements.
 */
export function CapitalPage() {
  const { g, day, euros } = useGovernanceTexts();
  const me = useCurrentPerson();
  const canManage = hasPermission(me, 'governance.manage');
  const queryClient = useQueryClient();
  const capital = useQuery({ queryKey: ['governance', 'capital'], queryFn: governanceApi.capital });
  const movements = useQuery({ queryKey: ['governance', 'movements'], queryFn: governanceApi.movements });
  const all = useQuery({
    queryKey: ['governance', 'associates', 'all'],
    queryFn: () => governanceApi.associates('all'),
  });
  const names = new Map((all.data ?? []).map((a) => [a.id, a.name]));
  const [paying, setPaying] = useState<PlannedRefund | null>(null);
  const paidOn = localToday();
  const [closeOn, setCloseOn] = useState('');
  const [losses, setLosses] = useState<number | string>(0);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['governance'] });
  const pay = useMutation({
    mutationFn: () => governanceApi.payRefund(paying!.id, paidOn),
    onSuccess: () => {
      setPaying(null);
      refresh();
      notifications.show({ color: 'mutua', message: g('refund.paidDone') });
    },
  });
  const fix = useMutation({
    mutationFn: () =>
      governanceApi.fixRefunds({ closeOn, uncoveredLossesCents: Math.round(Number(losses || 0) * 100) }),
    onSuccess: (fixed) => {
      refresh();
      notifications.show({ color: 'mutua', message: g('refund.fixedDone', { count: fixed.length }) });
    },
  });
  if (capital.isPending) return <PageLoader />;
  const c = capital.data;
  return (
    <>
      <PageHeader title={g('capital.title')} description={g('capital.description')} />
      <ErrorAlert error={capital.error ?? movements.error} />
      {c && (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <StatCard
              label={g('capital.capital')}
              value={euros(c.capitalCents)}
              hint={g('capital.sharesOf', { count: c.shares, nominal: euros(c.nominalCents) })}
            />
            <StatCard
              label={g('capital.highest')}
              value={euros(c.highestCents)}
              hint={g('capital.highestHint')}
            />
            <StatCard label={g('capital.floor')} value={euros(c.floorCents)} hint={g('capital.floorHint')} />
            <StatCard
              label={g('capital.refundsOwed')}
              value={c.refunds.length}
              hint={g('capital.refundsOwedHint')}
            />
          </SimpleGrid>

          <Stack gap="xs">
            <Title order={2} size="h4">
              {g('refund.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {g('refund.rule')}
            </Text>
            {c.refunds.length === 0 ? (
              <EmptyState title={g('refund.none')}>{g('refund.noneHint')}</EmptyState>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{g('refund.associate')}</Table.Th>
                      <Table.Th>{g('refund.exitOn')}</Table.Th>
                      <Table.Th ta="right">{g('refund.amount')}</Table.Th>
                      <Table.Th>{g('refund.dueByLabel')}</Table.Th>
                      <Table.Th>{g('refund.state')}</Table.Th>
                      {canManage && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.refunds.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{names.get(r.associateId) ?? '—'}</Table.Td>
                        <Table.Td>{day(r.exitOn)}</Table.Td>
                        <Table.Td ta="right" style={Num}>
                          {r.amountCents !== null ? euros(r.amountCents) : g('refund.amountLater')}
                        </Table.Td>
                        <Table.Td>
                          {day(r.dueBy)}{' '}
                          {r.overdue && (
                            <Badge color="red" size="sm">
                              {g('refund.overdue')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td maw={360}>
                          {r.payable ? (
                            <Badge color="green" variant="light">
                              {g('refund.payable')}
                            </Badge>
                          ) : (
                            <Stack gap={2}>
                              <Badge color="orange" variant="light">
                                {g('refund.waiting')}
                              </Badge>
                              <Text size="xs">
                                {g(`refund.reason.${r.reason}`, { floor: euros(r.floorCents) })}
                              </Text>
                            </Stack>
                          )}
                        </Table.Td>
                        {canManage && (
                          <Table.Td ta="right">
                            {r.payable && (
                              <Button size="xs" onClick={() => setPaying(r)}>
                                {g('refund.pay')}
                              </Button>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {canManage && (
              <Paper withBorder p="md" radius="md">
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    fix.mutate();
                  }}
                >
                  <Stack gap="xs">
                    <Text fw={600} size="sm">
                      {g('refund.fixTitle')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {g('refund.fixHint')}
                    </Text>
                    <Group align="flex-end" gap="sm">
                      <TextInput
                        type="date"
                        label={g('refund.closeOn')}
                        required
                        value={closeOn}
                        onChange={(e) => setCloseOn(e.currentTarget.value)}
                      />
                      <NumberInput
                        label={g('refund.losses')}
                        min={0}
                        decimalScale={2}
                        value={losses}
                        onChange={setLosses}
                        w={200}
                      />
                      <Button type="submit" variant="default" loading={fix.isPending} disabled={!closeOn}>
                        {g('refund.fix')}
                      </Button>
                    </Group>
                    <ErrorAlert error={fix.error} />
                  </Stack>
                </form>
              </Paper>
            )}
          </Stack>

          <Stack gap="xs">
            <Title order={2} size="h4">
              {g('movements.title')}
            </Title>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{g('movements.number')}</Table.Th>
                    <Table.Th>{g('movements.date')}</Table.Th>
                    <Table.Th>{g('movements.associate')}</Table.Th>
                    <Table.Th>{g('movements.kind')}</Table.Th>
                    <Table.Th ta="right">{g('movements.shares')}</Table.Th>
                    <Table.Th ta="right">{g('movements.capital')}</Table.Th>
                    <Table.Th ta="right">{g('movements.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...(movements.data ?? [])].reverse().map((m) => (
                    <Table.Tr key={m.number}>
                      <Table.Td style={Num}>{m.number}</Table.Td>
                      <Table.Td>{day(m.onDate)}</Table.Td>
                      <Table.Td>
                        {m.name}{' '}
                        <Text span size="xs" c="dimmed">
                          n° {m.associateNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>{g(`movements.kinds.${m.kind}`)}</Table.Td>
                      <Table.Td ta="right" style={Num}>
                        {m.shares > 0 ? `+${m.shares}` : m.shares}
                      </Table.Td>
                      <Table.Td ta="right" style={Num} c={m.capitalCents < 0 ? 'red.8' : undefined}>
                        {euros(m.capitalCents)}
                      </Table.Td>
                      <Table.Td ta="right" style={Num}>
                        {euros(m.capitalAfterCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        </Stack>
      )}
      <ConfirmModal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={g('refund.payTitle')}
        message={g('refund.payMessage', {
          name: paying ? names.get(paying.associateId) : '',
          amount: paying ? euros(paying.amountCents) : '',
          date: day(paidOn),
        })}
        confirmLabel={g('refund.pay')}
        onConfirm={() => pay.mutate()}
        pending={pay.isPending}
        error={pay.error}
        color="mutua"
      />
    </>
  );
}
