import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { SalaryPlanStatus } from '../../core/payroll/salary-plan.ts';
import { ApiError } from '../app/api-client.ts';
import { ledgerApi } from '../ledger/ledger-api.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { payrollApi } from './payroll-api.ts';
import { SalaryCapacityCard } from './salary-capacity-card.tsx';
import { Money } from './salary-figures-table.tsx';
import { thisMonth } from './salary-simulator-page.tsx';
import { parseEurosToCents, usePayrollTexts } from './use-payroll-texts.ts';

const planColor: Record<SalaryPlanStatus, string> = {
  proposed: 'yellow',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};

export function PlanStatusBadge({ status }: { status: SalaryPlanStatus }) {
  const { p } = usePayrollTexts();
  return (
    <Badge color={planColor[status]} variant="light">
      {p(`planStatus.${status}`)}
    </Badge>
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A member's salary: how much they can pay themselves, their plan, the next payroll, their payslips. */
export function MySalaryPage() {
  const { p, euros, month, day } = usePayrollTexts();
  const client = useQueryClient();
  const plans = useQuery({ queryKey: ['payroll', 'my-plans'], queryFn: payrollApi.myPlans, retry: false });
  const slips = useQuery({ queryKey: ['payroll', 'my-slips'], queryFn: payrollApi.mySlips, retry: false });
  const accounts = useQuery({ queryKey: ['ledger', 'mine'], queryFn: () => ledgerApi.mine({}) });
  const [fromMonth, setFromMonth] = useState(nextMonth(thisMonth()));
  const [gross, setGross] = useState('');
  const [note, setNote] = useState('');
  const [grossError, setGrossError] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ['payroll'] });
  const propose = useMutation({
    mutationFn: payrollApi.propose,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: p('mine.sent') });
      setGross('');
      setNote('');
      refresh();
    },
  });
  const withdraw = useMutation({ mutationFn: payrollApi.withdraw, onSuccess: refresh });
  if (plans.error instanceof ApiError && plans.error.status === 404)
    return (
      <>
        <PageHeader title={p('mine.title')} />
        <EmptyState title={p('mine.noMember')} />
      </>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEurosToCents(gross);
    if (cents === null || cents <= 0) {
      setGrossError(p('mine.monthlyGross'));
      return;
    }
    setGrossError(null);
    propose.mutate({ fromMonth, monthlyGrossCents: cents, note });
  };
  const current = plans.data?.current ?? null;
  const ownActivity = accounts.data?.activities[0];
  const lastSlip = slips.data?.[0];
  const upcoming = lastSlip && lastSlip.month >= thisMonth() ? nextMonth(lastSlip.month) : thisMonth();
  return (
    <>
      <PageHeader
        title={p('mine.title')}
        description={p('mine.description')}
        actions={
          <Button component={Link} to="/me/exit-plan" variant="default">
            {p('mine.exitPlan')}
          </Button>
        }
      />
      <ErrorAlert error={plans.error ?? slips.error} />
      {plans.isPending ? (
        <PageLoader />
      ) : (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <StatCard
              label={p('mine.current')}
              value={current ? euros(current.monthlyGrossCents) : '—'}
              hint={current ? `${p('common.gross')} · ${month(current.fromMonth)}` : p('mine.currentNone')}
            />
            <StatCard
              label={p('mine.next')}
              value={month(upcoming)}
              hint={p('mine.nextHint', { month: month(upcoming) })}
            />
          </SimpleGrid>
          <SalaryCapacityCard
            treasuryCents={ownActivity ? Number(ownActivity.figures.availableTreasuryCents) : null}
          />
          <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
            <Stack gap="sm">
              <Title order={2} size="h3">
                {p('mine.propose')}
              </Title>
              <Text size="sm" c="dimmed">
                {p('mine.proposeHint')}
              </Text>
              <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
                <TextInput
                  label={p('mine.fromMonth')}
                  type="month"
                  value={fromMonth}
                  onChange={(e) => setFromMonth(e.currentTarget.value)}
                  required
                  miw={160}
                />
                <TextInput
                  label={p('mine.monthlyGross')}
                  value={gross}
                  onChange={(e) => setGross(e.currentTarget.value)}
                  inputMode="decimal"
                  error={grossError}
                  required
                  miw={160}
                />
              </Group>
              <TextInput
                label={p('mine.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maxLength={500}
              />
              <ErrorAlert error={propose.error} />
              <Group>
                <SubmitButton loading={propose.isPending}>{p('mine.send')}</SubmitButton>
              </Group>
            </Stack>
          </Paper>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {p('mine.history')}
            </Title>
            <ErrorAlert error={withdraw.error} />
            {plans.data && plans.data.plans.length === 0 ? (
              <Text size="sm">{p('mine.noPlans')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{p('mine.fromMonth')}</Table.Th>
                      <Table.Th ta="right">{p('common.gross')}</Table.Th>
                      <Table.Th>{p('common.status')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plans.data?.plans.map((plan) => (
                      <Table.Tr key={plan.id}>
                        <Table.Td>{month(plan.fromMonth)}</Table.Td>
                        <Table.Td ta="right">
                          <Money cents={plan.monthlyGrossCents} />
                        </Table.Td>
                        <Table.Td>
                          <PlanStatusBadge status={plan.status} />
                          {plan.decisionNote && (
                            <Text size="xs" c="dimmed">
                              {plan.decisionNote}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {plan.status === 'proposed' && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              loading={withdraw.isPending && withdraw.variables === plan.id}
                              onClick={() => withdraw.mutate(plan.id)}
                            >
                              {p('mine.withdraw')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {p('mine.slips')}
            </Title>
            {slips.data && slips.data.length === 0 ? (
              <Alert variant="light" color="gray">
                {p('mine.noSlips')}
              </Alert>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing={6} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{p('common.month')}</Table.Th>
                      <Table.Th ta="right">{p('common.gross')}</Table.Th>
                      <Table.Th ta="right">{p('common.net')}</Table.Th>
                      <Table.Th ta="right">{p('common.employerCost')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {slips.data?.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>{month(s.month)}</Table.Td>
                        {s.kind === 'cape_zero' ? (
                          <Table.Td colSpan={4}>
                            <Text size="sm" c="dimmed">
                              {p('mine.cape')}{' '}
                              <Anchor href={`/api/payroll/slips/${s.id}/pdf`} download size="sm">
                                {p('common.payslip')}
                              </Anchor>
                            </Text>
                          </Table.Td>
                        ) : (
                          <>
                            <Table.Td ta="right">
                              <Money cents={s.grossCents} />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money cents={s.netBeforeIncomeTaxCents} strong />
                            </Table.Td>
                            <Table.Td ta="right">
                              <Money cents={s.employerCostCents} />
                            </Table.Td>
                            <Table.Td>
                              <Text size="xs" c="dimmed">
                                {s.paidOn ? p('mine.paidOn', { date: day(s.paidOn) }) : p('mine.notPaid')}
                              </Text>
                              <Anchor href={`/api/payroll/slips/${s.id}/pdf`} download size="xs">
                                {p('common.payslip')}
                              </Anchor>
                            </Table.Td>
                          </>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        </Stack>
      )}
    </>
  );
}
