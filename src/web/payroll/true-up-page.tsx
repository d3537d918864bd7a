import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ledgerApi } from '../ledger/ledger-api.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { payrollApi } from './payroll-api.ts';
import { Money } from './salary-figures-table.tsx';
import { usePayrollTexts } from './use-payroll-texts.ts';

/** The year-end true-up: per activity, the result left after every charge and the variable part per member. */
export function TrueUpPage() {
  const { p, day } = usePayrollTexts();
  const years = useQuery({ queryKey: ['ledger', 'years'], queryFn: ledgerApi.years });
  const [yearId, setYearId] = useState<string | null>(null);
  const [assemblyDate, setAssemblyDate] = useState('');
  const answer = useMutation({
    mutationFn: () => payrollApi.trueUp(Number(yearId), assemblyDate),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (yearId && assemblyDate) answer.mutate();
  };
  const a = answer.data;
  const canPost = hasPermission(useCurrentPerson(), 'payroll.runs.manage');
  const queryClient = useQueryClient();
  const records = useQuery({
    queryKey: ['payroll', 'true-ups', yearId],
    queryFn: () => payrollApi.trueUps(Number(yearId)),
    enabled: yearId !== null,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['payroll', 'true-ups'] });
  const accrue = useMutation({
    mutationFn: () => payrollApi.accrueTrueUp(Number(yearId), assemblyDate),
    onSuccess: refresh,
  });
  const [paidOn, setPaidOn] = useState(() => localToday());
  const pay = useMutation({
    mutationFn: () => payrollApi.payTrueUp(Number(yearId), paidOn),
    onSuccess: refresh,
  });
  const posted = records.data ?? [];
  return (
    <>
      <PageHeader title={p('trueUp.title')} description={p('trueUp.description')} />
      <Paper withBorder p="md" radius="md" mb="lg" component="form" onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={p('trueUp.year')}
            data={(years.data?.years ?? []).map((y) => ({
              value: String(y.id),
              label: `${day(y.startDate)} – ${day(y.endDate)}`,
            }))}
            value={yearId}
            onChange={setYearId}
            required
            w={260}
          />
          <TextInput
            label={p('trueUp.assemblyDate')}
            type="date"
            value={assemblyDate}
            onChange={(e) => setAssemblyDate(e.currentTarget.value)}
            required
          />
          <SubmitButton loading={answer.isPending}>{p('common.compute')}</SubmitButton>
        </Group>
      </Paper>
      <ErrorAlert error={answer.error ?? years.error} />
      {posted.length > 0 && (
        <Paper withBorder p="md" radius="md" mb="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {p('trueUp.posted')}
            </Title>
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{p('common.member')}</Table.Th>
                    <Table.Th ta="right">{p('trueUp.variableGross')}</Table.Th>
                    <Table.Th ta="right">{p('common.net')}</Table.Th>
                    <Table.Th>{p('common.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {posted.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        {r.memberName}{' '}
                        <Text span size="xs" ff="monospace" c="dimmed">
                          {r.activityCode}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={r.grossCents} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Money cents={r.netBeforeIncomeTaxCents} />
                      </Table.Td>
                      <Table.Td>
                        <Badge color={r.paidOn ? 'teal' : r.late ? 'red' : 'blue'} variant="light">
                          {r.paidOn
                            ? p('trueUp.paidOn', { date: day(r.paidOn) })
                            : p('trueUp.accrued', { date: day(r.payBy) })}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {canPost && posted.some((r) => !r.paidOn) && (
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label={p('trueUp.paidOnLabel')}
                  type="date"
                  value={paidOn}
                  onChange={(e) => setPaidOn(e.currentTarget.value)}
                />
                <Button onClick={() => pay.mutate()} loading={pay.isPending}>
                  {p('trueUp.pay')}
                </Button>
              </Group>
            )}
            <ErrorAlert error={pay.error ?? records.error} />
          </Stack>
        </Paper>
      )}
      {a && (
        <Stack gap="md">
          <Alert color="blue" variant="light">
            <Text fw={600}>{p('trueUp.payBy', { date: day(a.payBy) })}</Text>
          </Alert>
          {canPost && posted.length === 0 && a.activities.some((x) => x.variablePartCents > 0) && (
            <Group>
              <Button onClick={() => accrue.mutate()} loading={accrue.isPending}>
                {p('trueUp.accrue')}
              </Button>
              <Text size="xs" c="dimmed" maw={520}>
                {p('trueUp.accrueHint')}
              </Text>
            </Group>
          )}
          <ErrorAlert error={accrue.error} />
          {a.activities.length === 0 && <Text>{p('trueUp.empty')}</Text>}
          {a.activities.map((act) => (
            <Paper key={act.activityId} withBorder p="md" radius="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h4" ff="monospace">
                    {act.activityCode}
                  </Title>
                  <Text size="sm">
                    {p('trueUp.result')} <Money cents={act.resultCents} strong /> · {p('trueUp.variablePart')}{' '}
                    <Money cents={act.variablePartCents} strong />
                  </Text>
                </Group>
                <Text size="sm" c="dimmed">
                  {act.explanation}
                </Text>
                <Table.ScrollContainer minWidth={420}>
                  <Table verticalSpacing={4}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{p('common.member')}</Table.Th>
                        <Table.Th ta="right">{p('trueUp.variableGross')}</Table.Th>
                        <Table.Th ta="right">{p('common.employerCost')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {act.members.map((m) => (
                        <Table.Tr key={m.memberId}>
                          <Table.Td>{m.memberName}</Table.Td>
                          <Table.Td ta="right">
                            <Money cents={m.variableGrossCents} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Money cents={m.employerCostCents} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
