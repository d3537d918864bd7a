import { Anchor, Group, Pagination, Paper, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../app/use-me.ts';
import { Amount } from '../ledger/amount.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { contributionApi } from './contribution-api.ts';
import { useContributionTexts } from './use-contribution-texts.ts';

/**
 * The ledger lines behind one dashboard figure (its filters in the URL: figure, from, to), with their total:
 * the figure itself, to the cent, over every line; the lines come a page at a time (the page in the URL).
 * Accounting staff can open each entry.
 */
const pageSize = 100;

export function FigureLinesPage() {
  const { t, c, euros, day } = useContributionTexts();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const figure = params.get('figure') ?? 'treasury';
  const from = params.get('from');
  const to = params.get('to');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = useQuery({
    queryKey: ['contribution', 'lines', id, figure, from, to, page],
    queryFn: () => contributionApi.lines(id!, { figure, from, to, page, pageSize }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((q.data?.lineCount ?? 0) / pageSize));
  const goTo = (p: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('page', String(p));
      return next;
    });
  const canOpen = hasPermission(me.data, 'ledger.read');
  const period =
    from && to
      ? c('lines.period', { from: day(from), to: day(to) })
      : to
        ? c('lines.until', { to: day(to) })
        : figure === 'treasury' || figure === 'to_collect'
          ? c('lines.openYears')
          : c('lines.currentYear');
  return (
    <>
      <PageHeader
        title={c('lines.title', { figure: c(`figures.${figure}`) })}
        description={q.data ? `${q.data.activity.name} (${q.data.activity.code}) — ${period}` : period}
      />
      <Anchor
        component={Link}
        to={
          hasPermission(me.data, 'activities.read')
            ? `/activities/${id}/dashboard`
            : `/me/activity?activity=${id}`
        }
        size="sm"
        mb="md"
        display="block"
      >
        ← {c('lines.back')}
      </Anchor>
      <ErrorAlert error={q.error} />
      {q.isPending ? (
        <PageLoader />
      ) : q.data && q.data.lineCount === 0 ? (
        <EmptyState title={c('lines.empty')}>{c('lines.emptyHint')}</EmptyState>
      ) : (
        q.data && (
          <Stack gap="sm">
            <Paper withBorder p="md" radius="md">
              <Group justify="space-between">
                <Text fw={700} data-testid="lines-total" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {c('lines.total', { amount: euros(q.data.totalCents) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {c('lines.count', { count: q.data.lineCount })}
                </Text>
              </Group>
              {pages > 1 && (
                <Text size="xs" c="dimmed">
                  {c('lines.pageOf', {
                    first: (page - 1) * pageSize + 1,
                    last: (page - 1) * pageSize + q.data.lines.length,
                    count: q.data.lineCount,
                  })}
                </Text>
              )}
            </Paper>
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{c('lines.date')}</Table.Th>
                    <Table.Th>{c('lines.journal')}</Table.Th>
                    <Table.Th>{c('lines.label')}</Table.Th>
                    <Table.Th>{c('lines.account')}</Table.Th>
                    <Table.Th ta="right">{c('lines.debit')}</Table.Th>
                    <Table.Th ta="right">{c('lines.credit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.lines.map((l) => (
                    <Table.Tr key={`${l.entryId}-${l.lineNo}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(l.entryDate)}</Table.Td>
                      <Table.Td>
                        {canOpen ? (
                          <Anchor component={Link} to={`/ledger/entries/${l.entryId}`} size="sm">
                            {l.journalCode} {l.number}
                          </Anchor>
                        ) : (
                          `${l.journalCode} ${l.number}`
                        )}
                      </Table.Td>
                      <Table.Td>
                        {l.label}
                        <Text size="xs" c="dimmed">
                          {l.pieceRef}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text span ff="monospace" size="xs">
                          {l.accountNumber}
                        </Text>{' '}
                        <Text span size="xs" c="dimmed">
                          {l.accountLabel}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={l.debitCents} blankZero />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={l.creditCents} blankZero />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={goTo}
                getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
              />
            )}
          </Stack>
        )
      )}
    </>
  );
}
