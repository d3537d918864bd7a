import { Alert, Group, List, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ledgerApi } from '../ledger/ledger-api.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { payrollApi } from './payroll-api.ts';
import { Money } from './salary-figures-table.tsx';
import { thisMonth } from './salary-simulator-page.tsx';
import { parseEurosToCents, usePayrollTexts } from './use-payroll-texts.ts';

/** The exit plan: the salaries, month by month, that pay the activity's treasury out before the departure. */
export function ExitPlanPage() {
  const { p, euros, month } = usePayrollTexts();
  const accounts = useQuery({ queryKey: ['ledger', 'mine'], queryFn: () => ledgerApi.mine({}) });
  const [treasury, setTreasury] = useState('');
  const [revenue, setRevenue] = useState('0');
  const [reserve, setReserve] = useState('0');
  const [firstMonth, setFirstMonth] = useState(thisMonth());
  const [exitDate, setExitDate] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const own = accounts.data?.activities[0];
  useEffect(() => {
    if (own)
      setTreasury(
        (t) => t || (Number(own.figures.availableTreasuryCents) / 100).toFixed(2).replace('.', ','),
      );
  }, [own]);
  const plan = useMutation({ mutationFn: payrollApi.exitPlan });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [t, r, k] = [treasury, revenue, reserve].map(parseEurosToCents);
    if (t === null || r === null || k === null) {
      setInvalid(p('exit.treasury'));
      return;
    }
    setInvalid(null);
    plan.mutate({ treasuryCents: t, expectedMonthlyRevenueCents: r, reserveCents: k, firstMonth, exitDate });
  };
  const a = plan.data;
  return (
    <>
      <PageHeader title={p('exit.title')} description={p('exit.description')} />
      <Paper withBorder p="md" radius="md" mb="lg" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <TextInput
              label={p('exit.treasury')}
              value={treasury}
              onChange={(e) => setTreasury(e.currentTarget.value)}
              inputMode="decimal"
              error={invalid}
              required
              miw={180}
            />
            <TextInput
              label={p('exit.revenue')}
              value={revenue}
              onChange={(e) => setRevenue(e.currentTarget.value)}
              inputMode="decimal"
              miw={180}
            />
            <TextInput
              label={p('exit.reserve')}
              value={reserve}
              onChange={(e) => setReserve(e.currentTarget.value)}
              inputMode="decimal"
              miw={180}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <TextInput
              label={p('exit.firstMonth')}
              type="month"
              value={firstMonth}
              onChange={(e) => setFirstMonth(e.currentTarget.value)}
              required
              miw={160}
            />
            <TextInput
              label={p('exit.exitDate')}
              type="date"
              value={exitDate}
              onChange={(e) => setExitDate(e.currentTarget.value)}
              required
              miw={160}
            />
          </Group>
          <Group>
            <SubmitButton loading={plan.isPending}>{p('common.compute')}</SubmitButton>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={plan.error} />
      {a && (
        <Stack gap="md">
          <List size="sm" spacing={4}>
            {a.explanation.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Table.ScrollContainer minWidth={340}>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{p('common.month')}</Table.Th>
                  <Table.Th ta="right">{p('common.gross')}</Table.Th>
                  <Table.Th ta="right">{p('common.employerCost')}</Table.Th>
                  <Table.Th ta="right">{p('exit.treasuryAfter')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Td>{month(m.month)}</Table.Td>
                    <Table.Td ta="right">
                      <Money cents={m.grossCents} strong />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money cents={m.employerCostCents} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money cents={m.treasuryAfterCents} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {a.remainderCents !== 0 && (
            <Alert color="orange" variant="light">
              <Text size="sm">{p('exit.left', { amount: euros(a.remainderCents) })}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </>
  );
}
