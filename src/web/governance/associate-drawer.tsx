import {
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { localToday } from '../members/format-day.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { certificateUrl, governanceApi, type Subscription } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

const exitReasons = ['resignation', 'employment_end', 'exclusion', 'death', 'other'] as const;

/** One associate: their subscriptions (payment, certificate), more shares, their exit and refund. */
export function AssociateDrawer({
  associateId,
  onClose,
  canManage,
}: {
  associateId: string | null;
  onClose: () => void;
  canManage: boolean;
}) {
  const { t, g, day, euros } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: ['governance', 'associate', associateId],
    queryFn: () => governanceApi.associate(associateId!),
    enabled: associateId !== null,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['governance'] });
  const [paying, setPaying] = useState<Subscription | null>(null);
  const [paidOn, setPaidOn] = useState(localToday());
  const [moreShares, setMoreShares] = useState<number | string>(1);
  const [subscribedOn, setSubscribedOn] = useState(localToday());
  const [exitOn, setExitOn] = useState(localToday());
  const [reason, setReason] = useState<string | null>('resignation');
  const [exitDecision, setExitDecision] = useState('');
  const [confirmExit, setConfirmExit] = useState(false);
  const pay = useMutation({
    mutationFn: () => governanceApi.paySubscription(paying!.id, paidOn),
    onSuccess: () => {
      setPaying(null);
      refresh();
    },
  });
  const subscribe = useMutation({
    mutationFn: () => governanceApi.subscribe(associateId!, { shares: Number(moreShares), subscribedOn }),
    onSuccess: refresh,
  });
  const exit = useMutation({
    mutationFn: () => governanceApi.exit(associateId!, { exitedOn: exitOn, reason, decision: exitDecision }),
    onSuccess: () => {
      setConfirmExit(false);
      refresh();
    },
  });
  const a = detail.data;
  return (
    <Drawer
      opened={associateId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={a ? g('associate.title', { number: a.number, name: a.name }) : ''}
    >
      {detail.isPending ? (
        <PageLoader />
      ) : !a ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="light">{g(`category.${a.category}`)}</Badge>
            {a.exitedOn ? (
              <Badge color="gray">{g('associate.exitedOn', { date: day(a.exitedOn) })}</Badge>
            ) : (
              <Badge color="green" variant="light">
                {g('associate.active')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {g('associate.admitted', { date: day(a.admittedOn), decision: a.admissionDecision })}
          </Text>
          <Text size="sm" fw={600}>
            {g('associate.holds', { count: a.shares, amount: euros(a.capitalCents) })}
          </Text>
          <Title order={3} size="h5">
            {g('associate.subscriptions')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{g('associate.subscribedOn')}</Table.Th>
                  <Table.Th ta="right">{g('associate.shares')}</Table.Th>
                  <Table.Th ta="right">{g('associate.amount')}</Table.Th>
                  <Table.Th>{g('associate.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.subscriptions.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{day(s.subscribedOn)}</Table.Td>
                    <Table.Td ta="right">{s.shares}</Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {euros(s.amountCents)}
                    </Table.Td>
                    <Table.Td>
                      {s.status === 'paid' ? (
                        <Group gap={6}>
                          <Badge color="green" variant="light">
                            {g('subscription.paidOn', { date: day(s.paidOn) })}
                          </Badge>
                          <Anchor href={certificateUrl(s.id)} target="_blank" size="sm">
                            {g('subscription.certificate', { number: s.certificateNumber })}
                          </Anchor>
                        </Group>
                      ) : s.status === 'subscribed' ? (
                        <Group gap={6}>
                          <Badge color="orange" variant="light">
                            {g('subscription.awaiting')}
                          </Badge>
                          {canManage && !a.exitedOn && (
                            <Button size="compact-xs" onClick={() => setPaying(s)}>
                              {g('subscription.pay')}
                            </Button>
                          )}
                        </Group>
                      ) : (
                        <Badge color="gray" variant="light">
                          {g('subscription.cancelled')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {a.refund && (
            <Text size="sm">
              {g(`refund.status.${a.refund.status}`)} —{' '}
              {a.refund.amountCents !== null ? euros(a.refund.amountCents) : g('refund.amountLater')} ·{' '}
              {g('refund.dueBy', { date: day(a.refund.dueBy) })}
            </Text>
          )}
          {canManage && !a.exitedOn && (
            <>
              <Divider />
              <Title order={3} size="h5">
                {g('associate.subscribeMore')}
              </Title>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  subscribe.mutate();
                }}
              >
                <Group align="flex-end" gap="sm">
                  <NumberInput
                    label={g('associate.shares')}
                    min={1}
                    allowDecimal={false}
                    value={moreShares}
                    onChange={setMoreShares}
                    w={120}
                  />
                  <TextInput
                    type="date"
                    label={g('associate.subscribedOn')}
                    value={subscribedOn}
                    onChange={(e) => setSubscribedOn(e.currentTarget.value)}
                  />
                  <Button type="submit" variant="default" loading={subscribe.isPending}>
                    {g('associate.subscribe')}
                  </Button>
                </Group>
              </form>
              <ErrorAlert error={subscribe.error} />
              <Divider />
              <Title order={3} size="h5">
                {g('associate.exit')}
              </Title>
              <Text size="xs" c="dimmed">
                {g('associate.exitHint')}
              </Text>
              <Group align="flex-end" gap="sm">
                <TextInput
                  type="date"
                  label={g('associate.exitOn')}
                  value={exitOn}
                  onChange={(e) => setExitOn(e.currentTarget.value)}
                />
                <Select
                  label={g('associate.exitReason')}
                  data={exitReasons.map((r) => ({ value: r, label: g(`exitReason.${r}`) }))}
                  value={reason}
                  onChange={setReason}
                  allowDeselect={false}
                />
              </Group>
              <TextInput
                label={g('associate.exitDecision')}
                value={exitDecision}
                onChange={(e) => setExitDecision(e.currentTarget.value)}
              />
              <Group>
                <Button color="red" variant="light" onClick={() => setConfirmExit(true)}>
                  {g('associate.recordExit')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={g('subscription.payTitle')}
        centered
      >
        <Stack gap="sm">
          <Text size="sm">
            {g('subscription.payMessage', { amount: paying ? euros(paying.amountCents) : '' })}
          </Text>
          <TextInput
            type="date"
            label={g('subscription.paidOnLabel')}
            value={paidOn}
            onChange={(e) => setPaidOn(e.currentTarget.value)}
          />
          <ErrorAlert error={pay.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPaying(null)} disabled={pay.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => pay.mutate()} loading={pay.isPending}>
              {g('subscription.pay')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={confirmExit}
        onClose={() => setConfirmExit(false)}
        title={g('associate.exitTitle')}
        message={g('associate.exitMessage')}
        confirmLabel={g('associate.recordExit')}
        onConfirm={() => exit.mutate()}
        pending={exit.isPending}
        error={exit.error}
      />
    </Drawer>
  );
}
