import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ExpenseStatusBadge } from './expense-status-badge.tsx';
import { expensesApi } from './expenses-api.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

/** A member's expense claims and their activities' supplier invoices, with where each one stands. */
export function MyExpensesPage() {
  const { x, euros, day } = useExpenseTexts();
  const mine = useQuery({ queryKey: ['expenses', 'mine'], queryFn: expensesApi.mine });
  const newButton = (
    <Button component={Link} to="/expenses/claims/new" leftSection={<IconPlus size={16} />}>
      {x('mine.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={x('mine.title')} description={x('mine.description')} actions={newButton} />
      <ErrorAlert error={mine.error} />
      {mine.isPending ? (
        <PageLoader />
      ) : (
        <Stack gap="lg">
          <Title order={2} size="h4">
            {x('mine.claims')}
          </Title>
          {!mine.data || mine.data.claims.length === 0 ? (
            <EmptyState title={x('mine.empty')} action={newButton}>
              {x('mine.emptyHint')}
            </EmptyState>
          ) : (
            <Stack gap="xs">
              {mine.data.claims.map((c) => (
                <Paper key={c.id} withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Anchor component={Link} to={`/expenses/claims/${c.id}`} fw={600} lineClamp={1}>
                        {c.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[
                          c.number,
                          c.activityName,
                          day(c.createdAt.slice(0, 10)),
                          x('mine.lines', { count: c.lines.length }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {c.rejectedReason && (
                        <Text size="sm" c="red.8">
                          {x('mine.rejected', { reason: c.rejectedReason })}
                        </Text>
                      )}
                    </Stack>
                    <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                      <Text fw={600} ff="monospace" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {euros(c.totalCents)}
                      </Text>
                      <ExpenseStatusBadge item={c} />
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
          <Title order={2} size="h4">
            {x('mine.invoices')}
          </Title>
          {!mine.data || mine.data.supplierInvoices.length === 0 ? (
            <Text c="dimmed" size="sm">
              {x('mine.noInvoices')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{x('approvals.supplier')}</Table.Th>
                    <Table.Th>{x('form.date')}</Table.Th>
                    <Table.Th ta="right">{x('form.total_')}</Table.Th>
                    <Table.Th>{x('payments.item')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {mine.data.supplierInvoices.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        {s.supplierName} · {s.number}
                      </Table.Td>
                      <Table.Td>{day(s.issueDate)}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {euros(s.totalCents)}
                      </Table.Td>
                      <Table.Td>
                        <ExpenseStatusBadge item={s} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </>
  );
}
