import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { payrollApi } from './payroll-api.ts';
import { Money } from './salary-figures-table.tsx';
import { usePayrollTexts } from './use-payroll-texts.ts';

/** Support staff's queue of salary plans waiting for a decision. */
export function SalaryPlanApprovalsPage() {
  const { p, euros, month, day } = usePayrollTexts();
  const client = useQueryClient();
  const waiting = useQuery({
    queryKey: ['payroll', 'plans', 'proposed'],
    queryFn: () => payrollApi.plans('proposed'),
  });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      payrollApi.decide(id, decision),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: p('approvals.decided') });
      client.invalidateQueries({ queryKey: ['payroll'] });
    },
  });
  return (
    <>
      <PageHeader title={p('approvals.title')} description={p('approvals.description')} />
      <ErrorAlert error={waiting.error ?? decide.error} />
      {waiting.isPending ? (
        <PageLoader />
      ) : !waiting.data || waiting.data.length === 0 ? (
        <EmptyState title={p('approvals.empty')} />
      ) : (
        <Stack gap="sm">
          {waiting.data.map((plan) => (
            <Paper key={plan.id} withBorder p="md" radius="md">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                  <Text fw={600}>{plan.memberName ?? plan.memberId}</Text>
                  <Text size="sm">
                    <Money cents={plan.monthlyGrossCents} strong /> {p('capacity.perMonth')} ·{' '}
                    {month(plan.fromMonth)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p('approvals.fixedPart', { amount: euros(plan.fixedPartCents) })} ·{' '}
                    {day(plan.proposedAt.slice(0, 10))}
                  </Text>
                  {plan.note && <Text size="sm">« {plan.note} »</Text>}
                </Stack>
                <Group gap="xs">
                  <Button
                    color="teal"
                    loading={
                      decide.isPending &&
                      decide.variables?.id === plan.id &&
                      decide.variables.decision === 'approve'
                    }
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: plan.id, decision: 'approve' })}
                    aria-label={`${p('approvals.approve')} — ${plan.memberName ?? ''}`}
                  >
                    {p('approvals.approve')}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: plan.id, decision: 'reject' })}
                    aria-label={`${p('approvals.reject')} — ${plan.memberName ?? ''}`}
                  >
                    {p('approvals.reject')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
