import {
  Alert,
  Anchor,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BalanceSheetView } from '../../core/ledger/report-schemas.ts';
import { ApiError } from '../app/api-client.ts';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ActivityPicker } from './activity-picker.tsx';
import { Amount } from './amount.tsx';
import { exportUrl, type Filters, ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';
import { YearSelect } from './year-select.tsx';

const tabs = ['trial-balance', 'general-ledger', 'activities', 'balance-sheet'] as const;
type Tab = (typeof tabs)[number];

function Exports({ report, filters }: { report: Tab; filters: Filters }) {
  const { l } = useLedgerTexts();
  return (
    <Group gap="xs">
      <Button
        component="a"
        href={exportUrl(report, 'csv', filters)}
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} />}
      >
        {l('common.exportCsv')}
      </Button>
      <Button
        component="a"
        href={exportUrl(report, 'xlsx', filters)}
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} />}
      >
        {l('common.exportXlsx')}
      </Button>
    </Group>
  );
}

/** The balance sheet, assets beside liabilities (used here and on the member's page). */
export function BalanceSheetTables({
  sheet,
  ownLabel,
  owesLabel,
}: {
  sheet: BalanceSheetView;
  ownLabel?: string;
  owesLabel?: string;
}) {
  const { l } = useLedgerTexts();
  const side = (
    title: string,
    rows: BalanceSheetView['assets'],
    extra: React.ReactNode,
    total: number,
    totalLabel: string,
  ) => (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Table verticalSpacing={4}>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.accountNumber}>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {r.accountNumber}
                </Text>{' '}
                <Text span size="sm">
                  {r.accountLabel}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={r.amountCents} />
              </Table.Td>
            </Table.Tr>
          ))}
          {extra}
          <Table.Tr>
            <Table.Td>
              <Text fw={700} size="sm">
                {totalLabel}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Amount cents={total} strong />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      {side(
        ownLabel ?? l('reports.assets'),
        sheet.assets,
        null,
        sheet.totalAssetsCents,
        l('reports.totalAssets'),
      )}
      {side(
        owesLabel ?? l('reports.liabilities'),
        sheet.liabilities,
        <Table.Tr>
          <Table.Td>
            <Text size="sm" fs="italic">
              {l('reports.result')}
            </Text>
          </Table.Td>
          <Table.Td ta="right">
            <Amount cents={sheet.resultCents} />
          </Table.Td>
        </Table.Tr>,
        sheet.totalLiabilitiesCents,
        l('reports.totalLiabilities'),
      )}
    </SimpleGrid>
  );
}

/** Reports: trial balance, general ledger, per-activity figures, analytic balance sheet; CSV and XLSX. */
export function LedgerReportsPage() {
  const { l, day } = useLedgerTexts();
  const { params, update } = useUrlFilters();
  const tab = (tabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'trial-balance';
  const filters: Filters = {
    fiscalYearId: params.get('year') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    account: params.get('account') ?? undefined,
    activityId: params.get('activity') ?? undefined,
  };
  const [account, setAccount] = useState(String(filters.account ?? ''));
  const pushAccount = useDebouncedCallback(
    (v: string) => update({ account: /^\d+$/.test(v) ? v : null }),
    300,
  );
  const notFound = (e: unknown) => e instanceof ApiError && e.status === 404;
  const retry = (n: number, e: unknown) => !notFound(e) && n < 2;
  const yearOnly = { fiscalYearId: filters.fiscalYearId, activityId: filters.activityId };
  const trial = useQuery({
    queryKey: ['ledger', 'tb', filters],
    queryFn: () => ledgerApi.trialBalance(filters),
    enabled: tab === 'trial-balance',
    placeholderData: keepPreviousData,
    retry,
  });
  const ledger = useQuery({
    queryKey: ['ledger', 'gl', filters],
    queryFn: () => ledgerApi.generalLedger(filters),
    enabled: tab === 'general-ledger',
    placeholderData: keepPreviousData,
    retry,
  });
  const figures = useQuery({
    queryKey: ['ledger', 'figures', yearOnly],
    queryFn: () => ledgerApi.activities(yearOnly),
    enabled: tab === 'activities',
    placeholderData: keepPreviousData,
    retry,
  });
  const sheet = useQuery({
    queryKey: ['ledger', 'sheet', yearOnly],
    queryFn: () => ledgerApi.balanceSheet(yearOnly),
    enabled: tab === 'balance-sheet',
    placeholderData: keepPreviousData,
    retry,
  });
  const current = {
    'trial-balance': trial,
    'general-ledger': ledger,
    activities: figures,
    'balance-sheet': sheet,
  }[tab];
  const periodFilters = tab === 'trial-balance' || tab === 'general-ledger';
  return (
    <>
      <PageHeader
        title={l('reports.title')}
        description={l('reports.description')}
        actions={<Exports report={tab} filters={periodFilters ? filters : yearOnly} />}
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <YearSelect
            value={(filters.fiscalYearId as string | undefined) ?? null}
            onChange={(v) => update({ year: v })}
          />
          {periodFilters && (
            <>
              <TextInput
                label={l('common.from')}
                type="date"
                value={String(filters.from ?? '')}
                onChange={(e) => update({ from: e.currentTarget.value || null })}
                w={{ base: '47%', xs: 160 }}
              />
              <TextInput
                label={l('common.to')}
                type="date"
                value={String(filters.to ?? '')}
                onChange={(e) => update({ to: e.currentTarget.value || null })}
                w={{ base: '47%', xs: 160 }}
              />
              <TextInput
                label={l('common.account')}
                title={l('common.accountHint')}
                inputMode="numeric"
                value={account}
                onChange={(e) => {
                  setAccount(e.currentTarget.value);
                  pushAccount(e.currentTarget.value.trim());
                }}
                w={{ base: '47%', xs: 120 }}
              />
            </>
          )}
          <ActivityPicker
            label={l('common.activity')}
            placeholder={tab === 'balance-sheet' ? l('reports.wholeCooperative') : undefined}
            value={(filters.activityId as string | undefined) ?? null}
            onChange={(v) => update({ activity: v })}
            w={{ base: '100%', xs: 260 }}
          />
        </Group>
        <Tabs value={tab} onChange={(v) => update({ tab: v })} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="trial-balance">{l('reports.trialBalance')}</Tabs.Tab>
            <Tabs.Tab value="general-ledger">{l('reports.generalLedger')}</Tabs.Tab>
            <Tabs.Tab value="activities">{l('reports.activities')}</Tabs.Tab>
            <Tabs.Tab value="balance-sheet">{l('reports.balanceSheet')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {notFound(current.error) ? (
          <EmptyState title={l('common.noYear')}>{l('common.noYearHint')}</EmptyState>
        ) : (
          <ErrorAlert error={current.error} />
        )}
        {current.isPending && !notFound(current.error) && <PageLoader />}
        {tab === 'trial-balance' && trial.data && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{l('common.account')}</Table.Th>
                  <Table.Th ta="right">{l('common.debit')}</Table.Th>
                  <Table.Th ta="right">{l('common.credit')}</Table.Th>
                  <Table.Th ta="right">{l('common.balance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trial.data.rows.map((r) => (
                  <Table.Tr key={r.accountNumber}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/ledger/reports?tab=general-ledger&account=${r.accountNumber}${filters.fiscalYearId ? `&year=${filters.fiscalYearId}` : ''}`}
                        ff="monospace"
                        size="sm"
                      >
                        {r.accountNumber}
                      </Anchor>{' '}
                      <Text span size="sm">
                        {r.accountLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={r.debitCents} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={r.creditCents} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={r.balanceCents} />
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td fw={700}>{l('common.total')}</Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={trial.data.totalDebitCents} strong />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={trial.data.totalCreditCents} strong />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={trial.data.totalDebitCents - trial.data.totalCreditCents} strong />
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {tab === 'general-ledger' && ledger.data && (
          <Stack gap="lg">
            {ledger.data.truncated && <Alert color="yellow">{l('reports.truncated')}</Alert>}
            {ledger.data.accounts.map((a) => (
              <Stack key={a.accountNumber} gap={4}>
                <Title order={3} size="h5">
                  <Text span ff="monospace" inherit>
                    {a.accountNumber}
                  </Text>{' '}
                  {a.accountLabel}
                </Title>
                <Table.ScrollContainer minWidth={760}>
                  <Table verticalSpacing={2} highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{l('common.date')}</Table.Th>
                        <Table.Th>{l('common.journal')}</Table.Th>
                        <Table.Th>{l('common.piece')}</Table.Th>
                        <Table.Th>{l('common.label')}</Table.Th>
                        <Table.Th>{l('common.activity')}</Table.Th>
                        <Table.Th ta="right">{l('common.debit')}</Table.Th>
                        <Table.Th ta="right">{l('common.credit')}</Table.Th>
                        <Table.Th ta="right">{l('common.balance')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Td colSpan={7}>
                          <Text size="sm" fs="italic">
                            {l('reports.opening', { date: day(ledger.data.from) })}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={a.openingCents} />
                        </Table.Td>
                      </Table.Tr>
                      {a.lines.map((line) => (
                        <Table.Tr key={`${line.entryId}-${line.lineNo}`}>
                          <Table.Td>{day(line.entryDate)}</Table.Td>
                          <Table.Td>
                            <Anchor
                              component={Link}
                              to={`/ledger/entries/${line.entryId}`}
                              ff="monospace"
                              size="sm"
                            >
                              {line.journalCode} {line.number}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{line.pieceRef}</Table.Td>
                          <Table.Td>
                            {line.label}
                            {line.thirdPartyCode ? ` · ${line.thirdPartyCode}` : ''}
                          </Table.Td>
                          <Table.Td ff="monospace">{line.activityCode}</Table.Td>
                          <Table.Td ta="right">
                            <Amount cents={line.debitCents} blankZero />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Amount cents={line.creditCents} blankZero />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Amount cents={line.runningBalanceCents} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                      <Table.Tr>
                        <Table.Td colSpan={5} fw={700}>
                          {l('common.total')}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={a.debitCents} strong />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={a.creditCents} strong />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={a.closingCents} strong />
                        </Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            ))}
          </Stack>
        )}
        {tab === 'activities' && figures.data && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {figures.data.basis === 'now' ? l('reports.basisNow') : l('reports.basisYear')}
            </Text>
            <Table.ScrollContainer minWidth={860}>
              <Table striped highlightOnHover verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{l('common.activity')}</Table.Th>
                    <Table.Th ta="right">{l('reports.revenue')}</Table.Th>
                    <Table.Th ta="right">{l('reports.expenses')}</Table.Th>
                    <Table.Th ta="right">{l('reports.result')}</Table.Th>
                    <Table.Th ta="right">{l('reports.treasury')}</Table.Th>
                    <Table.Th ta="right">{l('reports.toCollect')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[
                    ...figures.data.activities.map((a) => ({
                      key: a.activityId,
                      name: `${a.code} — ${a.name}`,
                      f: a.figures,
                      id: a.activityId as string | null,
                    })),
                    { key: 'coop', name: l('reports.cooperative'), f: figures.data.cooperative, id: null },
                  ].map((row) => (
                    <Table.Tr key={row.key} fw={row.id ? undefined : 700}>
                      <Table.Td>
                        {row.id ? (
                          <Anchor
                            component={Link}
                            to={`/ledger/reports?tab=balance-sheet&activity=${row.id}${filters.fiscalYearId ? `&year=${filters.fiscalYearId}` : ''}`}
                            size="sm"
                          >
                            {row.name}
                          </Anchor>
                        ) : (
                          row.name
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={row.f.revenueCents} strong={!row.id} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={row.f.expensesCents} strong={!row.id} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={row.f.resultCents} strong={!row.id} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={row.f.availableTreasuryCents} strong={!row.id} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={row.f.toCollectCents} strong={!row.id} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        {tab === 'balance-sheet' && sheet.data && (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {sheet.data.basis === 'now' ? l('reports.basisNow') : l('reports.basisYear')}
            </Text>
            <BalanceSheetTables sheet={sheet.data} />
          </Stack>
        )}
      </Stack>
    </>
  );
}
