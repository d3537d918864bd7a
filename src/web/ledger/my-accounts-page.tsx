import { Accordion, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ActivityFiguresReport } from '../../core/ledger/report-schemas.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { Amount } from './amount.tsx';
import { ledgerApi } from './ledger-api.ts';
import { BalanceSheetTables } from './ledger-reports-page.tsx';
import { useLedgerTexts } from './use-ledger-texts.ts';

type Activity = ActivityFiguresReport['activities'][number];

/** One of the member's activities: the three figures in plain words, then the lines and the balance sheet. */
function ActivityAccounts({ activity }: { activity: Activity }) {
  const { l, euros, day } = useLedgerTexts();
  const f = activity.figures;
  const lines = useQuery({
    queryKey: ['ledger', 'my-lines', activity.activityId],
    queryFn: () => ledgerApi.myLines(activity.activityId, {}),
  });
  const sheet = useQuery({
    queryKey: ['ledger', 'my-sheet', activity.activityId],
    queryFn: () => ledgerApi.myBalanceSheet(activity.activityId, {}),
  });
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {activity.name}{' '}
        <Text span c="dimmed" ff="monospace" size="md">
          {activity.code}
        </Text>
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <StatCard
          label={l('mine.treasury')}
          value={euros(f.availableTreasuryCents)}
          hint={l('mine.treasuryHint')}
        />
        <StatCard
          label={l('mine.result')}
          value={euros(f.resultCents)}
          hint={l('mine.resultHint', { revenue: euros(f.revenueCents), expenses: euros(f.expensesCents) })}
        />
        <StatCard
          label={l('mine.toCollect')}
          value={euros(f.toCollectCents)}
          hint={l('mine.toCollectHint')}
        />
      </SimpleGrid>
      <Accordion variant="separated">
        <Accordion.Item value="lines">
          <Accordion.Control>
            <Text fw={600}>{l('mine.lines')}</Text>
            <Text size="xs" c="dimmed">
              {l('mine.linesHint')}
            </Text>
          </Accordion.Control>
          <Accordion.Panel>
            <ErrorAlert error={lines.error} />
            {lines.isPending ? (
              <PageLoader />
            ) : !lines.data || lines.data.accounts.length === 0 ? (
              <Text size="sm">{l('mine.noLines')}</Text>
            ) : (
              <Stack gap="md">
                {lines.data.accounts.map((a) => (
                  <Stack key={a.accountNumber} gap={2}>
                    <Text fw={600} size="sm">
                      {a.accountLabel}{' '}
                      <Text span c="dimmed" ff="monospace" size="xs">
                        {a.accountNumber}
                      </Text>
                    </Text>
                    <Table.ScrollContainer minWidth={480}>
                      <Table verticalSpacing={2}>
                        <Table.Tbody>
                          {a.lines.map((line) => (
                            <Table.Tr key={`${line.entryId}-${line.lineNo}`}>
                              <Table.Td w={96}>{day(line.entryDate)}</Table.Td>
                              <Table.Td>{line.label}</Table.Td>
                              <Table.Td ta="right">
                                <Amount cents={line.debitCents - line.creditCents} />
                              </Table.Td>
                              <Table.Td ta="right" c="dimmed">
                                <Amount cents={line.runningBalanceCents} />
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.ScrollContainer>
                  </Stack>
                ))}
              </Stack>
            )}
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="sheet">
          <Accordion.Control>
            <Text fw={600}>{l('mine.balanceSheet')}</Text>
          </Accordion.Control>
          <Accordion.Panel>
            <ErrorAlert error={sheet.error} />
            {sheet.data && (
              <BalanceSheetTables sheet={sheet.data} ownLabel={l('mine.own')} owesLabel={l('mine.owes')} />
            )}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

/** A member's accounts: the figures of their own activities, from the book of record, in plain French. */
export function MyAccountsPage() {
  const { l } = useLedgerTexts();
  const mine = useQuery({ queryKey: ['ledger', 'mine'], queryFn: () => ledgerApi.mine({}) });
  return (
    <>
      <PageHeader title={l('mine.title')} description={l('mine.description')} />
      <ErrorAlert error={mine.error} />
      {mine.isPending ? (
        <PageLoader />
      ) : !mine.data || mine.data.activities.length === 0 ? (
        <EmptyState title={l('mine.empty')}>{l('mine.emptyHint')}</EmptyState>
      ) : (
        <Stack gap="xl">
          {mine.data.activities.map((a) => (
            <Paper key={a.activityId} withBorder p="md" radius="md">
              <ActivityAccounts activity={a} />
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
