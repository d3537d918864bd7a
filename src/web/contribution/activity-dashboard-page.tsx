import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ActivityDashboard, ChargeView } from '../../core/contribution/contribution-views.ts';
import { hasPermission, useMe } from '../app/use-me.ts';
import { Amount } from '../ledger/amount.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { contributionApi } from './contribution-api.ts';
import { ExplanationTable } from './explanation-table.tsx';
import { figureLinesPath, monthRange } from './figure-link.ts';
import { useContributionTexts } from './use-contribution-texts.ts';

/** A figure card that opens the ledger lines behind it. */
function FigureCard({
  to,
  label,
  cents,
  hint,
  testId,
}: {
  to: string;
  label: string;
  cents: number;
  hint?: string;
  testId: string;
}) {
  const { c, euros } = useContributionTexts();
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component={Link}
      to={to}
      data-testid={testId}
      aria-label={`${label} : ${euros(cents)} — ${c('figures.seeLines')}`}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text
        fz={28}
        fw={700}
        lh={1.3}
        c={cents < 0 ? 'red.8' : undefined}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {euros(cents)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Text size="xs" c="blue.8" mt={4}>
        {c('figures.seeLines')} →
      </Text>
    </Paper>
  );
}

function ChargesTable({
  dashboard,
  onExplain,
}: {
  dashboard: ActivityDashboard;
  onExplain: (c: ChargeView) => void;
}) {
  const { c, month } = useContributionTexts();
  if (dashboard.charges.length === 0) return <Text size="sm">{c('dashboard.noContribution')}</Text>;
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {dashboard.charges.map((charge) => (
            <Table.Tr key={`${charge.month}-${charge.seq}`}>
              <Table.Td>
                {month(charge.month)}
                {charge.seq > 1 && (
                  <Badge ml="xs" size="sm" variant="light" color="gray">
                    {c('explanation.correction')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Amount cents={charge.amountCents} />
              </Table.Td>
              <Table.Td ta="right">
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => onExplain(charge)}
                  aria-label={`${c('dashboard.explain')} — ${month(charge.month)}`}
                >
                  {c('dashboard.explain')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The dashboard of one activity: what it holds now and why, from the books, every figure opening its lines. */
export function ActivityDashboardView({ activityId }: { activityId: string }) {
  const { c, euros, day, month, shortMonth, axisEuros } = useContributionTexts();
  const me = useMe();
  const [explained, setExplained] = useState<ChargeView | null>(null);
  const q = useQuery({
    queryKey: ['contribution', 'dashboard', activityId],
    queryFn: () => contributionApi.dashboard(activityId),
  });
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const f = d.figures;
  const link = (figure: string, range?: { from?: string; to?: string }) =>
    figureLinesPath(activityId, figure, range);
  const chartData = d.months.map((m) => ({
    month: shortMonth(m.month),
    [c('figures.revenue')]: m.revenueCents / 100,
    [c('figures.costs')]: m.costsCents / 100,
    [c('figures.treasury')]: m.treasuryCents / 100,
  }));
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <FigureCard
          testId="figure-treasury"
          to={link('treasury')}
          label={c('figures.treasury')}
          cents={f.availableTreasuryCents}
          hint={c('figures.treasuryHint')}
        />
        <FigureCard
          testId="figure-to-collect"
          to={link('to_collect')}
          label={c('figures.to_collect')}
          cents={f.toCollectCents}
          hint={c('figures.to_collectHint')}
        />
        <FigureCard
          testId="figure-result"
          to={link('result')}
          label={c('figures.result')}
          cents={f.resultCents}
          hint={c('figures.resultHint')}
        />
        <FigureCard
          testId="figure-contributions"
          to={link('contributions')}
          label={c('figures.contributions')}
          cents={f.contributionsCents}
          hint={c('figures.contributionsHint')}
        />
      </SimpleGrid>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {c('dashboard.chart')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {c('dashboard.chartHint')}
        </Text>
        <CompositeChart
          h={260}
          data={chartData}
          dataKey="month"
          withLegend
          valueFormatter={(v) => euros(Math.round(v * 100))}
          yAxisProps={{ tickFormatter: (v: number) => axisEuros(v), width: 64 }}
          series={[
            { name: c('figures.revenue'), color: 'teal.6', type: 'bar' },
            { name: c('figures.costs'), color: 'orange.6', type: 'bar' },
            { name: c('figures.treasury'), color: 'indigo.7', type: 'line' },
          ]}
          curveType="monotone"
        />
        <Table.ScrollContainer minWidth={420} mt="sm">
          <Table verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{c('dashboard.month')}</Table.Th>
                <Table.Th ta="right">{c('figures.revenue')}</Table.Th>
                <Table.Th ta="right">{c('figures.costs')}</Table.Th>
                <Table.Th ta="right">{c('figures.treasury')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.months.map((m) => {
                const range = monthRange(m.month);
                return (
                  <Table.Tr key={m.month}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{month(m.month)}</Table.Td>
                    <Table.Td ta="right">
                      <Anchor component={Link} to={link('revenue', range)} size="sm">
                        <Amount cents={m.revenueCents} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Anchor component={Link} to={link('costs', range)} size="sm">
                        <Amount cents={m.costsCents} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Anchor
                        component={Link}
                        to={link('treasury', { to: [range.to, d.today].sort()[0] })}
                        size="sm"
                      >
                        <Amount cents={m.treasuryCents} />
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4">
            {c('dashboard.contributions')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {c('dashboard.contributionsHint')}
          </Text>
          <ChargesTable dashboard={d} onExplain={setExplained} />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {c('dashboard.invoices')}
          </Title>
          {d.invoicesToChase.length === 0 ? (
            <Text size="sm">{c('dashboard.noInvoice')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={360}>
              <Table verticalSpacing="xs" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{c('dashboard.invoice')}</Table.Th>
                    <Table.Th>{c('dashboard.dueDate')}</Table.Th>
                    <Table.Th ta="right">{c('dashboard.remaining')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.invoicesToChase.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sales/invoices/${i.id}`} size="sm">
                          {i.number ?? '—'}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {i.clientName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {day(i.dueDate)}
                        <Badge ml={4} size="sm" color="red" variant="light">
                          {c('dashboard.late', { count: i.daysLate })}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={i.dueCents} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      </SimpleGrid>

      <Modal
        opened={explained !== null}
        onClose={() => setExplained(null)}
        title={explained ? c('explanation.title', { month: month(explained.month) }) : ''}
        size="lg"
      >
        {explained && (
          <Stack gap="sm">
            <ExplanationTable explanation={explained.explanation} />
            {explained.entryId && hasPermission(me.data, 'ledger.read') && (
              <Anchor component={Link} to={`/ledger/entries/${explained.entryId}`} size="sm">
                {c('explanation.entry')}
              </Anchor>
            )}
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

/** "Mon activité": the member's own activity (a choice when they hold several), remembered in the URL. */
export function MyActivityPage() {
  const { c } = useContributionTexts();
  const [params, setParams] = useSearchParams();
  const mine = useQuery({ queryKey: ['contribution', 'mine'], queryFn: contributionApi.myActivities });
  const chosen = params.get('activity') ?? mine.data?.[0]?.id ?? null;
  return (
    <>
      <PageHeader
        title={c('dashboard.title')}
        description={c('dashboard.description')}
        actions={
          mine.data && mine.data.length > 1 ? (
            <Select
              label={c('dashboard.chooseActivity')}
              data={mine.data.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
              value={chosen}
              onChange={(v) => v && setParams({ activity: v })}
              allowDeselect={false}
            />
          ) : undefined
        }
      />
      <ErrorAlert error={mine.error} />
      {mine.isPending ? (
        <PageLoader />
      ) : !chosen ? (
        <EmptyState title={c('dashboard.empty')}>{c('dashboard.emptyHint')}</EmptyState>
      ) : (
        <ActivityDashboardView activityId={chosen} />
      )}
    </>
  );
}

/** Staff's view of any activity's dashboard (from the portfolio). */
export function ActivityDashboardPage() {
  const { c } = useContributionTexts();
  const { id } = useParams();
  const d = useQuery({
    queryKey: ['contribution', 'dashboard', id],
    queryFn: () => contributionApi.dashboard(id!),
    enabled: Boolean(id),
  });
  return (
    <>
      <PageHeader
        title={d.data ? c('dashboard.titleOf', { name: d.data.activity.name }) : c('dashboard.title')}
        description={c('dashboard.description')}
      />
      <Group mb="md">
        <Anchor component={Link} to={`/activities/${id}`} size="sm">
          {d.data?.activity.code}
        </Anchor>
      </Group>
      {id && <ActivityDashboardView activityId={id} />}
    </>
  );
}
