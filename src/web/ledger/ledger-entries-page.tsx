import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconPencilPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { useUrlFilters } from '../members/use-url-filters.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ActivityPicker } from './activity-picker.tsx';
import { Amount } from './amount.tsx';
import { exportUrl, ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';
import { YearSelect } from './year-select.tsx';

const pageSize = 50;

/** The journal view: entries in posting order with their lines, filtered in the URL. */
export function LedgerEntriesPage() {
  const { l, t, day, source } = useLedgerTexts();
  const me = useCurrentPerson();
  const { params, update } = useUrlFilters();
  const filters = {
    fiscalYearId: params.get('year') ?? undefined,
    journalCode: params.get('journal') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    account: params.get('account') ?? undefined,
    activityId: params.get('activity') ?? undefined,
    thirdPartyCode: params.get('tiers') ?? undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [account, setAccount] = useState(filters.account ?? '');
  const [tiers, setTiers] = useState(filters.thirdPartyCode ?? '');
  const pushAccount = useDebouncedCallback(
    (v: string) => update({ account: /^\d+$/.test(v) ? v : null }),
    300,
  );
  const pushTiers = useDebouncedCallback((v: string) => update({ tiers: v.trim() || null }), 300);
  const journals = useQuery({ queryKey: ['ledger', 'journals'], queryFn: ledgerApi.journals });
  const list = useQuery({
    queryKey: ['ledger', 'entries', filters, page],
    queryFn: () => ledgerApi.entries({ ...filters, offset: (page - 1) * pageSize, limit: pageSize }),
    placeholderData: keepPreviousData,
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const noYear = list.error instanceof ApiError && list.error.status === 404;
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));
  return (
    <>
      <PageHeader
        title={l('entries.title')}
        description={l('entries.description')}
        actions={
          <>
            {hasPermission(me, 'ledger.post') && (
              <Button component={Link} to="/ledger/drafts/new" leftSection={<IconPencilPlus size={16} />}>
                {l('entries.newManual')}
              </Button>
            )}
            <Button
              component="a"
              href={exportUrl('journal', 'csv', filters)}
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {l('common.exportCsv')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <YearSelect value={filters.fiscalYearId ?? null} onChange={(v) => update({ year: v })} />
          <Select
            label={l('common.journal')}
            placeholder={l('common.allJournals')}
            data={(journals.data ?? []).map((j) => ({ value: j.code, label: `${j.code} — ${j.label}` }))}
            value={filters.journalCode ?? null}
            onChange={(v) => update({ journal: v })}
            clearable
            w={{ base: '100%', xs: 220 }}
          />
          <TextInput
            label={l('common.from')}
            type="date"
            value={filters.from ?? ''}
            onChange={(e) => update({ from: e.currentTarget.value || null })}
            w={{ base: '47%', xs: 160 }}
          />
          <TextInput
            label={l('common.to')}
            type="date"
            value={filters.to ?? ''}
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
          <ActivityPicker
            label={l('common.activity')}
            value={filters.activityId ?? null}
            onChange={(v) => update({ activity: v })}
            w={{ base: '100%', xs: 260 }}
          />
          <TextInput
            label={l('common.thirdPartyCode')}
            value={tiers}
            onChange={(e) => {
              setTiers(e.currentTarget.value);
              pushTiers(e.currentTarget.value);
            }}
            w={{ base: '47%', xs: 140 }}
          />
        </Group>
        {noYear ? (
          <EmptyState title={l('common.noYear')}>{l('common.noYearHint')}</EmptyState>
        ) : (
          <ErrorAlert error={list.error} />
        )}
        {list.isPending ? (
          <PageLoader />
        ) : !list.data || list.data.entries.length === 0 ? (
          noYear ? null : (
            <EmptyState title={l('entries.empty')}>{l('entries.emptyHint')}</EmptyState>
          )
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {l('entries.count', { count: list.data.total })}
            </Text>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing={4} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{l('common.number')}</Table.Th>
                    <Table.Th>{l('common.date')}</Table.Th>
                    <Table.Th>{l('common.account')}</Table.Th>
                    <Table.Th>{l('common.activity')}</Table.Th>
                    <Table.Th>{l('common.label')}</Table.Th>
                    <Table.Th ta="right">{l('common.debit')}</Table.Th>
                    <Table.Th ta="right">{l('common.credit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                {list.data.entries.map((e) => (
                  <Table.Tbody key={e.id} style={{ borderTop: '2px solid var(--mantine-color-gray-3)' }}>
                    <Table.Tr bg="var(--mantine-color-gray-0)">
                      <Table.Td>
                        <Anchor component={Link} to={`/ledger/entries/${e.id}`} ff="monospace" fw={600}>
                          {e.journalCode} {e.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{day(e.entryDate)}</Table.Td>
                      <Table.Td colSpan={3}>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={600} lineClamp={1}>
                            {e.label}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {e.pieceRef} · {source(e.sourceType)}
                          </Text>
                          {e.reversedByEntryId && (
                            <Badge size="sm" color="orange" variant="light">
                              {l('entries.reversed')}
                            </Badge>
                          )}
                          {e.reversesEntryId && (
                            <Badge size="sm" color="gray" variant="light">
                              {l('entries.reversal')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={e.totalCents} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={e.totalCents} />
                      </Table.Td>
                    </Table.Tr>
                    {e.lines.map((line) => (
                      <Table.Tr key={line.lineNo}>
                        <Table.Td />
                        <Table.Td />
                        <Table.Td>
                          <Text span size="sm" ff="monospace">
                            {line.accountNumber}
                          </Text>{' '}
                          <Text span size="xs" c="dimmed">
                            {line.accountLabel}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {line.activityCode}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={1}>
                            {line.thirdPartyCode
                              ? `${line.thirdPartyName} (${line.thirdPartyCode})`
                              : line.label || ''}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={line.debitCents} blankZero />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={line.creditCents} blankZero />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                ))}
              </Table>
            </Table.ScrollContainer>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => update({ page: String(p) })}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
