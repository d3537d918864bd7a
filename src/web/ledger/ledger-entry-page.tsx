import { Anchor, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../app/format.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { Amount } from './amount.tsx';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One entry: its lines, where it came from, its place in the chain, and its reversal. */
export function LedgerEntryPage() {
  const { l, day, source } = useLedgerTexts();
  const { id = '' } = useParams();
  const me = useCurrentPerson();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const entry = useQuery({ queryKey: ['ledger', 'entry', id], queryFn: () => ledgerApi.entry(id) });
  const reverse = useMutation({
    mutationFn: () => ledgerApi.reverse(id),
    onSuccess: (reversal) => {
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
      notifications.show({ color: 'mutua', message: l('entry.reversedDone') });
      setConfirming(false);
      navigate(`/ledger/entries/${reversal.id}`);
    },
  });
  const back = (
    <Anchor component={Link} to="/ledger/entries" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {l('common.back')}
      </Group>
    </Anchor>
  );
  if (entry.isPending) return <PageLoader />;
  if (!entry.data)
    return (
      <Stack>
        {back}
        <ErrorAlert error={entry.error} />
      </Stack>
    );
  const e = entry.data;
  const canReverse = hasPermission(me, 'ledger.post') && !e.reversedByEntryId;
  return (
    <>
      {back}
      <PageHeader
        title={l('entry.title', { journal: e.journalCode, number: e.number })}
        description={e.label}
        actions={
          canReverse ? (
            <Button
              variant="default"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setConfirming(true)}
            >
              {l('entry.reverse')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Field label={l('common.date')}>{day(e.entryDate)}</Field>
            <Field label={l('common.piece')}>
              {e.pieceRef} · {day(e.pieceDate)}
            </Field>
            <Field label={l('entry.source')}>{source(e.sourceType)}</Field>
            <Field label={l('entry.postedOn')}>{formatDateTime(e.postedAt)}</Field>
          </SimpleGrid>
          {(e.reversedByEntryId || e.reversesEntryId) && (
            <Group mt="md" gap="xs">
              {e.reversedByEntryId && (
                <Badge color="orange" variant="light">
                  {l('entry.reversedBy')}{' '}
                  <Anchor component={Link} to={`/ledger/entries/${e.reversedByEntryId}`} size="xs">
                    →
                  </Anchor>
                </Badge>
              )}
              {e.reversesEntryId && (
                <Anchor component={Link} to={`/ledger/entries/${e.reversesEntryId}`} size="sm">
                  {l('entry.reverses')} →
                </Anchor>
              )}
            </Group>
          )}
        </Paper>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{l('common.account')}</Table.Th>
                <Table.Th>{l('common.activity')}</Table.Th>
                <Table.Th>{l('common.thirdParty')}</Table.Th>
                <Table.Th>{l('common.label')}</Table.Th>
                <Table.Th ta="right">{l('common.debit')}</Table.Th>
                <Table.Th ta="right">{l('common.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.lines.map((line) => (
                <Table.Tr key={line.lineNo}>
                  <Table.Td>
                    <Text span ff="monospace" size="sm">
                      {line.accountNumber}
                    </Text>{' '}
                    <Text span size="xs" c="dimmed">
                      {line.accountLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace">{line.activityCode}</Table.Td>
                  <Table.Td>
                    {line.thirdPartyCode ? `${line.thirdPartyName} (${line.thirdPartyCode})` : ''}
                  </Table.Td>
                  <Table.Td>{line.label}</Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={line.debitCents} blankZero />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={line.creditCents} blankZero />
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text fw={600} size="sm">
                    {l('common.total')}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Amount cents={e.totalCents} strong />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount cents={e.totalCents} strong />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <div>
          <Text size="xs" c="dimmed" fw={500}>
            {l('entry.hash')}
          </Text>
          <Code style={{ wordBreak: 'break-all' }}>{e.hash}</Code>
        </div>
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={l('entry.reverseTitle')}
        message={l('entry.reverseMessage')}
        confirmLabel={l('entry.reverse')}
        onConfirm={() => reverse.mutate()}
        pending={reverse.isPending}
        error={reverse.error}
      />
    </>
  );
}
