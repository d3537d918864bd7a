import {
  Anchor,
  Badge,
  Group,
  NumberInput,
  SegmentedControl,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { PortfolioRow } from '../../core/contribution/contribution-views.ts';
import { Amount } from '../ledger/amount.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { contributionApi } from './contribution-api.ts';
import { useContributionTexts } from './use-contribution-texts.ts';

const columns = ['code', 'treasury', 'trend', 'result', 'overdue', 'lastRevenue', 'alerts'] as const;
type Column = (typeof columns)[number];

const sortValue = (r: PortfolioRow, col: Column): number | string => {
  switch (col) {
    case 'code':
      return r.code;
    case 'treasury':
      return r.treasuryCents;
    case 'trend':
      return r.treasuryCents - r.treasury90DaysAgoCents;
    case 'result':
      return r.resultCents;
    case 'overdue':
      return r.overdueCents;
    case 'lastRevenue':
      return r.lastRevenueOn ?? '';
    case 'alerts':
      return r.alerts.length;
  }
};

/**
 * Support's portfolio: every activity they follow with its treasury (and 90 days ago), result, overdue
 * invoices, last revenue and alerts; sorted by any column, the filters and the sort kept in the URL.
 */
export function PortfolioDashboardPage() {
  const { c, day } = useContributionTexts();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const quietMonths = Number(params.get('quiet')) || 3;
  const sort = (columns as readonly string[]).includes(params.get('sort') ?? '')
    ? (params.get('sort') as Column)
    : 'alerts';
  const desc = params.get('dir') !== 'asc';
  const set = (patch: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...patch });
  // "Falling" compares with the treasury this many months ago (the cooperative's setting).
  const settings = useQuery({ queryKey: ['contribution', 'settings'], queryFn: contributionApi.settings });
  const q = useQuery({
    queryKey: ['contribution', 'portfolio', scope, quietMonths],
    queryFn: () => contributionApi.portfolio({ scope, quietMonths }),
  });
  const rows = [...(q.data ?? [])].sort((a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    const cmp = x < y ? -1 : x > y ? 1 : 0;
    return desc ? -cmp : cmp;
  });
  const header = (col: Column, label: string, right = false) => (
    <Table.Th
      ta={right ? 'right' : undefined}
      aria-sort={sort === col ? (desc ? 'descending' : 'ascending') : 'none'}
    >
      <UnstyledButton
        onClick={() => set({ sort: col, dir: sort === col && desc ? 'asc' : 'desc' })}
        aria-label={c('portfolio.sortBy', { column: label })}
        fw={600}
        fz="sm"
      >
        <Group gap={2} wrap="nowrap" justify={right ? 'flex-end' : undefined}>
          {label}
          {sort === col && (desc ? <IconArrowDown size={14} /> : <IconArrowUp size={14} />)}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <>
      <PageHeader title={c('portfolio.title')} description={c('portfolio.description')} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={scope}
          onChange={(v) => set({ scope: v })}
          data={[
            { value: 'mine', label: c('portfolio.scopeMine') },
            { value: 'all', label: c('portfolio.scopeAll') },
          ]}
        />
        <NumberInput
          label={c('portfolio.quietMonths')}
          value={quietMonths}
          min={1}
          max={24}
          w={220}
          onChange={(v) => set({ quiet: String(v || 3) })}
        />
      </Group>
      <ErrorAlert error={q.error} />
      {q.isPending ? (
        <PageLoader />
      ) : rows.length === 0 ? (
        <EmptyState title={c('portfolio.empty')}>{c('portfolio.emptyHint')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                {header('code', c('portfolio.activity'))}
                {header('treasury', c('portfolio.treasury'), true)}
                {header('trend', c('portfolio.trend', { count: settings.data?.fallingMonths ?? 3 }), true)}
                {header('result', c('portfolio.result'), true)}
                {header('overdue', c('portfolio.overdue'), true)}
                {header('lastRevenue', c('portfolio.lastRevenue'))}
                {header('alerts', c('portfolio.alerts'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.activityId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/activities/${r.activityId}/dashboard`} size="sm">
                      {r.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.code}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor
                      component={Link}
                      to={`/activities/${r.activityId}/figures?figure=treasury`}
                      size="sm"
                    >
                      <Amount cents={r.treasuryCents} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={r.treasury90DaysAgoCents} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor
                      component={Link}
                      to={`/activities/${r.activityId}/figures?figure=result`}
                      size="sm"
                    >
                      <Amount cents={r.resultCents} />
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    {r.overdueCount > 0 ? <Amount cents={r.overdueCents} /> : '—'}
                  </Table.Td>
                  <Table.Td>{r.lastRevenueOn ? day(r.lastRevenueOn) : c('portfolio.never')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.alerts.map((a) => (
                        <Badge
                          key={a}
                          size="sm"
                          variant="light"
                          color={a === 'treasury_negative' ? 'red' : 'orange'}
                        >
                          {c(`portfolio.alert.${a}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
