import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileInvoice, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SupplierInvoiceView } from '../../core/expenses/expense-schemas.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ExpenseStatusBadge } from './expense-status-badge.tsx';
import { expensesApi } from './expenses-api.ts';
import { SupplierInvoiceModal } from './supplier-invoice-modal.tsx';
import { useExpenseTexts } from './use-expense-texts.ts';

/** A member's expense claims and their activities' supplier invoices, with where each one stands. */
export function MyExpensesPage() {
  const { x, euros, day } = useExpenseTexts();
  const mine = useQuery({ queryKey: ['expenses', 'mine'], queryFn: expensesApi.mine });
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<SupplierInvoiceView | null>(null);
  const client = useQueryClient();
  // A draft supplier invoice is sent from the list (it was filled in whole when recorded).
  const submitInvoice = useMutation({
    mutationFn: expensesApi.submitSupplierInvoice,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: x('invoice.recorded') });
      client.invalidateQueries({ queryKey: ['expenses'] });
    },
  });
  const newButton = (
    <Button component={Link} to="/expenses/claims/new" leftSection={<IconPlus size={16} />}>
      {x('mine.new')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={x('mine.title')}
        description={x('mine.description')}
        actions={
          <>
            {newButton}
            <Button
              variant="default"
              leftSection={<IconFileInvoice size={16} />}
              onClick={() => setRecording(true)}
            >
              {x('invoice.new')}
            </Button>
          </>
        }
      />
      {recording && <SupplierInvoiceModal onClose={() => setRecording(false)} />}
      {editing && <SupplierInvoiceModal draft={editing} onClose={() => setEditing(null)} />}
      <ErrorAlert error={mine.error ?? submitInvoice.error} />
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
                      <Anchor component={Link} to={`/expenses/claims/${c.id}`} fw={600} lineClamp={2}>
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
                      <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
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
            <Stack gap="xs">
              {mine.data.supplierInvoices.map((s) => (
                <Paper key={s.id} withBorder p="sm" radius="md">
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text fw={600} lineClamp={2}>
                        {s.supplierName} · {s.number}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[s.activityName, day(s.issueDate), s.categoryLabel].join(' · ')}
                      </Text>
                      {s.rejectedReason && (
                        <Text size="sm" c="red.8">
                          {x('mine.rejected', { reason: s.rejectedReason })}
                        </Text>
                      )}
                    </Stack>
                    <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                      <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {euros(s.totalCents)}
                      </Text>
                      <ExpenseStatusBadge item={s} />
                      {s.status === 'draft' && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setEditing(s)}
                          aria-label={x('invoice.editNamed', { name: `${s.supplierName} · ${s.number}` })}
                        >
                          {x('invoice.edit')}
                        </Button>
                      )}
                      {s.status === 'draft' && (
                        <Button
                          size="compact-sm"
                          loading={submitInvoice.isPending && submitInvoice.variables === s.id}
                          onClick={() => submitInvoice.mutate(s.id)}
                          aria-label={x('invoice.submitNamed', { name: `${s.supplierName} · ${s.number}` })}
                        >
                          {x('invoice.submit')}
                        </Button>
                      )}
                    </Stack>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </>
  );
}
