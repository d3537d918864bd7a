import { Alert, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ledgerApi } from '../ledger/ledger-api.ts';
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
      {a && (
        <Stack gap="md">
          <Alert color="blue" variant="light">
            <Text fw={600}>{p('trueUp.payBy', { date: day(a.payBy) })}</Text>
          </Alert>
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
