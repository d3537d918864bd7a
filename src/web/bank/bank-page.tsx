import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowsExchange, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ImportResultView } from '../../core/bank/bank-schemas.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { bankApi } from './bank-api.ts';
import { useBankTexts } from './use-bank-texts.ts';

/** The bank account shown: ?account= in the URL, else the first one. */
export function useSelectedAccount() {
  const [params, setParams] = useSearchParams();
  const accounts = useQuery({ queryKey: ['bank', 'accounts'], queryFn: bankApi.accounts });
  const id = params.get('account') ?? accounts.data?.[0]?.id ?? null;
  const select = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('account', value);
    setParams(next, { replace: true });
  };
  return { accounts, id, select };
}

export function AccountSelect({ accounts, id, select }: ReturnType<typeof useSelectedAccount>) {
  const { b } = useBankTexts();
  if ((accounts.data?.length ?? 0) < 2) return null;
  return (
    <Select
      label={b('account')}
      data={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} — ${a.iban.slice(-4)}` }))}
      value={id}
      onChange={select}
      allowDeselect={false}
      maw={360}
    />
  );
}

function AddAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { b } = useBankTexts();
  const client = useQueryClient();
  const [form, setForm] = useState({
    name: 'Compte courant',
    iban: '',
    bic: '',
    journalCode: 'BQ',
    ledgerAccountNumber: '512000',
  });
  const save = useMutation({
    mutationFn: () => bankApi.createAccount(form),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['bank'] });
      onClose();
    },
  });
  const field = (key: keyof typeof form, label: string) => (
    <TextInput
      label={label}
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
    />
  );
  return (
    <Modal opened={opened} onClose={onClose} title={b('addAccount')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {field('name', b('accountName'))}
          {field('iban', b('iban'))}
          {field('bic', b('bic'))}
          <Group grow>
            {field('journalCode', b('journal'))}
            {field('ledgerAccountNumber', b('ledgerAccount'))}
          </Group>
          <ErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending}>
            {b('save')}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function ImportsTable({ imports }: { imports: ImportResultView[] }) {
  const { b, euros, day } = useBankTexts();
  if (imports.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{b('imports.date')}</Table.Th>
            <Table.Th>{b('imports.file')}</Table.Th>
            <Table.Th ta="right">{b('imports.lines')}</Table.Th>
            <Table.Th ta="right">{b('imports.new')}</Table.Th>
            <Table.Th ta="right">{b('imports.auto')}</Table.Th>
            <Table.Th>{b('imports.check')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{day(i.importedAt.slice(0, 10))}</Table.Td>
              <Table.Td>
                <Text size="sm" truncate maw={260}>
                  {i.fileName}
                </Text>
                <Text size="xs" c="dimmed">
                  {i.format.toUpperCase()}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{i.lineCount}</Table.Td>
              <Table.Td ta="right">{i.newLineCount}</Table.Td>
              <Table.Td ta="right">{i.autoConfirmed}</Table.Td>
              <Table.Td>
                {i.statementDifferenceCents === null ? (
                  <Badge color="gray" variant="light">
                    {b('imports.noBalances')}
                  </Badge>
                ) : i.statementDifferenceCents === 0 ? (
                  <Badge color="teal" variant="light">
                    {b('imports.ok')}
                  </Badge>
                ) : (
                  <Badge color="red" variant="light">
                    {b('imports.gap', { amount: euros(i.statementDifferenceCents) })}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The reconciliation summary of a bank account (issue 9 §4), with the way to import and to match. */
export function BankPage() {
  const { b, euros, day } = useBankTexts();
  const selected = useSelectedAccount();
  const [adding, setAdding] = useState(false);
  const state = useQuery({
    queryKey: ['bank', 'reconciliation', selected.id],
    queryFn: () => bankApi.reconciliation(selected.id!),
    enabled: selected.id !== null,
  });
  if (selected.accounts.isPending) return <PageLoader />;
  const query = selected.id ? `?account=${selected.id}` : '';
  const s = state.data;
  return (
    <>
      <PageHeader
        title={b('title')}
        description={b('description')}
        actions={
          selected.id ? (
            <>
              <Button
                component={Link}
                to={`/bank/import${query}`}
                leftSection={<IconFileImport size={16} />}
                variant="default"
              >
                {b('importStatement')}
              </Button>
              <Button
                component={Link}
                to={`/bank/matching${query}`}
                leftSection={<IconArrowsExchange size={16} />}
              >
                {b('reconcile')}
              </Button>
            </>
          ) : undefined
        }
      />
      <ErrorAlert error={selected.accounts.error ?? state.error} />
      {selected.accounts.data?.length === 0 && (
        <EmptyState
          title={b('noAccount')}
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {b('addAccount')}
            </Button>
          }
        >
          {b('noAccountText')}
        </EmptyState>
      )}
      <AddAccountModal opened={adding} onClose={() => setAdding(false)} />
      <Stack gap="lg">
        <AccountSelect {...selected} />
        {s && (
          <>
            <Text size="sm" c="dimmed">
              {s.account.name} · {s.account.iban.replace(/(.{4})(?=.)/g, '$1 ')} · {s.account.journalCode} ·{' '}
              {s.account.ledgerAccountNumber}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              <StatCard
                label={b('summary.bankBalance')}
                value={s.bankBalanceCents === null ? '—' : euros(s.bankBalanceCents)}
                hint={
                  s.bankBalanceDate
                    ? b('summary.bankBalanceAt', { date: day(s.bankBalanceDate) })
                    : b('summary.noStatement')
                }
              />
              <StatCard
                label={b('summary.bookBalance')}
                value={
                  s.bookBalanceAtBankDateCents === null
                    ? euros(s.bookBalanceCents)
                    : euros(s.bookBalanceAtBankDateCents)
                }
                hint={b('summary.bookBalanceAt', { account: s.account.ledgerAccountNumber })}
              />
              <StatCard
                label={b('summary.difference')}
                value={
                  <Text span inherit c={s.differenceCents ? 'red' : 'teal'}>
                    {s.differenceCents === null ? '—' : euros(s.differenceCents)}
                  </Text>
                }
              />
              <StatCard
                label={b('summary.unmatched')}
                value={s.unmatchedCount}
                hint={b('summary.unmatchedHint', { amount: euros(s.unmatchedCents) })}
              />
              <StatCard
                label={b('summary.suspense')}
                value={euros(s.suspenseCents)}
                hint={
                  s.suspenseCount === 0
                    ? b('summary.suspenseEmpty')
                    : b('summary.suspenseHint', { count: s.suspenseCount, days: s.oldestSuspenseDays ?? 0 })
                }
              />
              <StatCard label={b('summary.matched')} value={s.matchedCount} />
            </SimpleGrid>
            {s.differenceCents !== null && (
              <Alert color={s.differenceCents === 0 ? 'teal' : 'orange'} variant="light">
                {s.differenceCents === 0 ? b('summary.balanced') : b('summary.notBalanced')}
              </Alert>
            )}
            <Title order={2} size="h4">
              {b('imports.title')}
            </Title>
            <ImportsTable imports={s.imports} />
          </>
        )}
      </Stack>
    </>
  );
}
