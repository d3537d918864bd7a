import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CsvMapping } from '../../core/bank/statement-schemas.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { bankApi } from './bank-api.ts';
import { AccountSelect, useSelectedAccount } from './bank-page.tsx';
import { useBankTexts } from './use-bank-texts.ts';

const emptyMapping: CsvMapping = {
  delimiter: ';',
  skipLines: 0,
  dateColumn: 'Date',
  dateFormat: 'dd/mm/yyyy',
  valueDateColumn: '',
  labelColumn: 'Libellé',
  amountColumn: '',
  debitColumn: 'Débit',
  creditColumn: 'Crédit',
  decimalSeparator: ',',
  referenceColumn: '',
  counterpartyColumn: '',
};

/** The saved CSV column mapping of the account, edited where it is used. */
function CsvMappingForm({ accountId, initial }: { accountId: string; initial: CsvMapping | null }) {
  const { b } = useBankTexts();
  const client = useQueryClient();
  const [m, setM] = useState<CsvMapping>(initial ?? emptyMapping);
  const save = useMutation({
    mutationFn: () => bankApi.saveMapping(accountId, m),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: b('import.mappingSaved') });
      client.invalidateQueries({ queryKey: ['bank', 'accounts'] });
    },
  });
  const text = (key: keyof CsvMapping, label: string) => (
    <TextInput
      label={label}
      value={String(m[key])}
      onChange={(e) => setM({ ...m, [key]: e.currentTarget.value })}
    />
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {b('import.csvTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {b('import.csvHelp')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={b('import.delimiter')}
            data={[';', ',', '|'].map((v) => ({ value: v, label: v }))}
            value={m.delimiter}
            onChange={(v) => setM({ ...m, delimiter: (v ?? ';') as CsvMapping['delimiter'] })}
          />
          <NumberInput
            label={b('import.skipLines')}
            min={0}
            max={50}
            value={m.skipLines}
            onChange={(v) => setM({ ...m, skipLines: Number(v) || 0 })}
          />
          <Select
            label={b('import.decimalSeparator')}
            data={[',', '.']}
            value={m.decimalSeparator}
            onChange={(v) => setM({ ...m, decimalSeparator: (v ?? ',') as ',' | '.' })}
          />
          {text('dateColumn', b('import.dateColumn'))}
          <Select
            label={b('import.dateFormat')}
            data={['dd/mm/yyyy', 'yyyy-mm-dd', 'dd/mm/yy']}
            value={m.dateFormat}
            onChange={(v) => setM({ ...m, dateFormat: (v ?? 'dd/mm/yyyy') as CsvMapping['dateFormat'] })}
          />
          {text('labelColumn', b('import.labelColumn'))}
          {text('amountColumn', b('import.amountColumn'))}
          {text('debitColumn', b('import.debitColumn'))}
          {text('creditColumn', b('import.creditColumn'))}
          {text('referenceColumn', b('import.referenceColumn'))}
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        <Group>
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
            {b('import.saveMapping')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Import of a statement file, sent in parts with its progress, then read, checked and matched (issue 9 §2, §5). */
export function BankImportPage() {
  const { b, euros, day } = useBankTexts();
  const selected = useSelectedAccount();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [balances, setBalances] = useState({
    openingCents: '',
    openingDate: '',
    closingCents: '',
    closingDate: '',
  });
  const account = selected.accounts.data?.find((a) => a.id === selected.id) ?? null;
  const isCsv = file !== null && /\.(csv|txt)$/i.test(file.name);
  const run = useMutation({
    mutationFn: async () => {
      setProgress(0);
      const text = await file!.text();
      const typed =
        isCsv &&
        balances.openingCents &&
        balances.closingCents &&
        balances.openingDate &&
        balances.closingDate
          ? {
              openingCents: Math.round(Number(balances.openingCents.replace(',', '.')) * 100),
              openingDate: balances.openingDate,
              closingCents: Math.round(Number(balances.closingCents.replace(',', '.')) * 100),
              closingDate: balances.closingDate,
            }
          : null;
      return bankApi.importFile(selected.id!, { name: file!.name, text }, typed, setProgress);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['bank'] }),
  });
  const r = run.data;
  const query = selected.id ? `?account=${selected.id}` : '';
  return (
    <>
      <PageHeader title={b('import.title')} description={b('import.description')} />
      <Stack gap="lg" maw={900}>
        <AccountSelect {...selected} />
        <Paper withBorder p="md" radius="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file && selected.id) run.mutate();
            }}
          >
            <Stack gap="sm">
              <FileInput
                label={b('import.file')}
                placeholder={b('import.filePlaceholder')}
                accept=".xml,.ofx,.qfx,.csv,.txt,.053"
                value={file}
                onChange={(f) => {
                  setFile(f);
                  run.reset();
                }}
                clearable
              />
              {isCsv && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={b('import.openingCents')}
                    value={balances.openingCents}
                    onChange={(e) => setBalances({ ...balances, openingCents: e.currentTarget.value })}
                  />
                  <TextInput
                    type="date"
                    label={b('import.openingDate')}
                    value={balances.openingDate}
                    onChange={(e) => setBalances({ ...balances, openingDate: e.currentTarget.value })}
                  />
                  <TextInput
                    label={b('import.closingCents')}
                    value={balances.closingCents}
                    onChange={(e) => setBalances({ ...balances, closingCents: e.currentTarget.value })}
                  />
                  <TextInput
                    type="date"
                    label={b('import.closingDate')}
                    value={balances.closingDate}
                    onChange={(e) => setBalances({ ...balances, closingDate: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
              {run.isPending && (
                <Stack gap={4} aria-live="polite">
                  <Progress
                    value={progress * 100}
                    animated={progress >= 1}
                    aria-label={b('import.uploading', { percent: Math.round(progress * 100) })}
                  />
                  <Text size="sm" c="dimmed">
                    {progress < 1
                      ? b('import.uploading', { percent: Math.round(progress * 100) })
                      : b('import.processing')}
                  </Text>
                </Stack>
              )}
              <ErrorAlert error={run.error} />
              <Group>
                <Button
                  type="submit"
                  leftSection={<IconFileImport size={16} />}
                  disabled={!file || !selected.id}
                  loading={run.isPending}
                >
                  {b('import.start')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {r && (
          <Alert color="teal" variant="light" title={b('import.done')}>
            <Stack gap={6}>
              <Text size="sm">
                {b('import.result', {
                  lines: r.lineCount,
                  new: r.newLineCount,
                  duplicates: r.duplicateCount,
                  auto: r.autoConfirmed,
                })}
              </Text>
              {r.statementDifferenceCents === null ? (
                <Text size="sm">{b('import.noBalances')}</Text>
              ) : r.statementDifferenceCents === 0 ? (
                <Text size="sm">{b('import.statementOk', { closing: euros(r.closingCents) })}</Text>
              ) : (
                <Text size="sm" c="red" fw={600}>
                  {b('import.statementGap', { amount: euros(r.statementDifferenceCents) })}
                </Text>
              )}
              {r.closingDate && r.bookBalanceCents !== null && (
                <Text size="sm">
                  {b('import.bookAtClosing', { date: day(r.closingDate), amount: euros(r.bookBalanceCents) })}
                </Text>
              )}
              <Anchor component={Link} to={`/bank/matching${query}`} fw={600}>
                {b('import.goMatch')}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {account && <CsvMappingForm key={account.id} accountId={account.id} initial={account.csvMapping} />}
      </Stack>
    </>
  );
}
