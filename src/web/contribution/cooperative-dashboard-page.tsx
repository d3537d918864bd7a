import '@mantine/charts/styles.css';
import { CompositeChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Amount } from '../ledger/amount.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { contributionApi } from './contribution-api.ts';
import { useContributionTexts } from './use-contribution-texts.ts';

/** Managers' view of the cooperative: the year by month, stages, funds and the structure's own result. */
export function CooperativeDashboardPage() {
  const { c, euros, month, shortMonth, axisEuros } = useContributionTexts();
  const q = useQuery({ queryKey: ['contribution', 'cooperative'], queryFn: contributionApi.cooperative });
  if (q.isPending) return <PageLoader />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const data = d.months.map((m) => ({
    month: shortMonth(m.month),
    [c('cooperative.revenue')]: m.revenueCents / 100,
    [c('cooperative.contributions')]: m.contributionsCents / 100,
    [c('cooperative.treasury')]: m.treasuryCents / 100,
  }));
  return (
    <>
      <PageHeader title={c('cooperative.title')} description={c('cooperative.description')} />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <StatCard
            label={c('cooperative.structureResult')}
            value={euros(d.structure.resultCents)}
            hint={c('cooperative.structureIncome', { amount: euros(d.structure.contributionIncomeCents) })}
          />
          <StatCard
            label={c('cooperative.revenue')}
            value={euros(d.months.reduce((s, m) => s + m.revenueCents, 0))}
          />
          <StatCard
            label={c('cooperative.contributions')}
            value={euros(d.months.reduce((s, m) => s + m.contributionsCents, 0))}
          />
        </SimpleGrid>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {c('cooperative.chart')}
          </Title>
          {d.months.length === 0 ? (
            <Text size="sm">{c('cooperative.noYear')}</Text>
          ) : (
            <>
              <CompositeChart
                h={260}
                data={data}
                dataKey="month"
                withLegend
                valueFormatter={(v) => euros(Math.round(v * 100))}
                yAxisProps={{ tickFormatter: (v: number) => axisEuros(v), width: 64 }}
                series={[
                  { name: c('cooperative.revenue'), color: 'teal.6', type: 'bar' },
                  { name: c('cooperative.contributions'), color: 'grape.6', type: 'bar' },
                  { name: c('cooperative.treasury'), color: 'indigo.7', type: 'line' },
                ]}
              />
              <Table.ScrollContainer minWidth={420} mt="sm">
                <Table verticalSpacing={2} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{c('cooperative.month')}</Table.Th>
                      <Table.Th ta="right">{c('cooperative.revenue')}</Table.Th>
                      <Table.Th ta="right">{c('cooperative.contributions')}</Table.Th>
                      <Table.Th ta="right">{c('cooperative.treasury')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.months.map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Td>{month(m.month)}</Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={m.revenueCents} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={m.contributionsCents} />
                        </Table.Td>
                        <Table.Td ta="right">
                          <Amount cents={m.treasuryCents} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Paper>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {c('cooperative.stages')}
            </Title>
            <Table verticalSpacing={2} fz="sm">
              <Table.Tbody>
                {d.stages.map((s) => (
                  <Table.Tr key={s.stage}>
                    <Table.Td>{c(`cooperative.stage.${s.stage}`)}</Table.Td>
                    <Table.Td ta="right">{s.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {c('cooperative.funds')}
            </Title>
            {d.funds.length === 0 ? (
              <Text size="sm">{c('cooperative.noFund')}</Text>
            ) : (
              <Table verticalSpacing={2} fz="sm">
                <Table.Tbody>
                  {d.funds.map((f) => (
                    <Table.Tr key={f.activityId}>
                      <Table.Td>{f.name}</Table.Td>
                      <Table.Td ta="right">
                        <Amount cents={f.treasuryCents} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </SimpleGrid>
      </Stack>
    </>
  );
}
