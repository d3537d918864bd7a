import {
  Anchor,
  Box,
  Group,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type AlertBucket, alertBuckets } from '../../core/members/compute-journey-deadlines.ts';
import type { AlertView } from '../../core/members/member-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { useCurrentPerson } from '../app/use-me.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { DeadlineBadge } from './deadline-badge.tsx';
import { useMembersTexts } from './use-members-texts.ts';
import { useUrlFilters } from './use-url-filters.ts';

const pageSize = 50;
type Alerts = { items: AlertView[]; total: number; counts: Record<AlertBucket, number> };

/** Support staff's dashboard: their portfolio's legal deadlines, overdue in red first. */
export function PortfolioPage() {
  const { m, t } = useMembersTexts();
  const me = useCurrentPerson();
  const { params, update } = useUrlFilters();
  const scope = params.get('scope') ?? (me.roles.includes('support') ? 'mine' : 'all');
  const bucket = alertBuckets.find((b) => b === params.get('bucket')) ?? null;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const alerts = useQuery({
    queryKey: ['member-alerts', scope, bucket, page],
    queryFn: () =>
      api<Alerts>(
        'GET',
        `/members/alerts${queryString({ referent: scope === 'mine' ? 'me' : null, bucket, page, pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((alerts.data?.total ?? 0) / pageSize));
  return (
    <>
      <PageHeader
        title={m('portfolio.title')}
        description={m('portfolio.description')}
        actions={
          <SegmentedControl
            aria-label={m('portfolio.scope')}
            value={scope}
            onChange={(v) => update({ scope: v, bucket: null })}
            data={[
              { value: 'mine', label: m('portfolio.mine') },
              { value: 'all', label: m('portfolio.all') },
            ]}
          />
        }
      />
      <Stack gap="md">
        <ErrorAlert error={alerts.error} />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {alertBuckets.map((b) => (
            <UnstyledButton
              key={b}
              onClick={() => update({ bucket: bucket === b ? null : b })}
              aria-pressed={bucket === b}
              style={{
                borderRadius: 8,
                outline: bucket === b ? '2px solid var(--mantine-color-mutua-7)' : undefined,
              }}
            >
              <StatCard
                label={m(`bucket.${b}`)}
                value={
                  <Text
                    component="span"
                    inherit
                    c={b === 'overdue' && (alerts.data?.counts.overdue ?? 0) > 0 ? 'red.8' : undefined}
                  >
                    {alerts.data?.counts[b] ?? '…'}
                  </Text>
                }
              />
            </UnstyledButton>
          ))}
        </SimpleGrid>
        {alerts.isPending ? (
          <PageLoader />
        ) : !alerts.data || alerts.data.items.length === 0 ? (
          <EmptyState title={m('portfolio.empty')}>{m('portfolio.emptyHint')}</EmptyState>
        ) : (
          <>
            <Table.ScrollContainer minWidth={0}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{m('portfolio.person')}</Table.Th>
                    <Table.Th>{m('portfolio.what')}</Table.Th>
                    <Table.Th visibleFrom="sm">{m('portfolio.when')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {alerts.data.items.map((a) => (
                    <Table.Tr key={`${a.memberId}-${a.kind}-${a.dueOn}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/members/${a.memberId}`} fw={600}>
                          {a.displayName}
                        </Anchor>
                        {scope === 'all' && a.referent && (
                          <Text size="xs" c="dimmed">
                            {a.referent.name}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m(`deadline.${a.kind}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {a.citation}
                        </Text>
                        <Box hiddenFrom="sm" mt={4}>
                          <DeadlineBadge dueOn={a.dueOn} daysLeft={a.daysLeft} />
                        </Box>
                      </Table.Td>
                      <Table.Td visibleFrom="sm">
                        <DeadlineBadge dueOn={a.dueOn} daysLeft={a.daysLeft} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group justify="space-between">
              {pages > 1 ? (
                <Pagination
                  total={pages}
                  value={page}
                  onChange={(p) => update({ page: String(p) })}
                  getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
                />
              ) : (
                <span />
              )}
              <Anchor
                component={Link}
                to={`/members${scope === 'mine' ? '?referent=me' : '?referent=all'}`}
                size="sm"
              >
                {m('portfolio.members')}
              </Anchor>
            </Group>
          </>
        )}
      </Stack>
    </>
  );
}
