import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { payrollApi } from './payroll-api.ts';
import { ContributionLinesTable } from './salary-figures-table.tsx';
import { parseEurosToCents, usePayrollTexts } from './use-payroll-texts.ts';

/** This month, 'YYYY-MM', in the browser's calendar. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The salary simulator (any member): gross, net or employer cost in, every figure and contribution out. */
export function SalarySimulatorPage() {
  const { p, euros } = usePayrollTexts();
  const [from, setFrom] = useState('gross');
  const [amount, setAmount] = useState('2 000');
  const [month, setMonth] = useState(thisMonth());
  const [fieldError, setFieldError] = useState<string | null>(null);
  const simulate = useMutation({ mutationFn: payrollApi.simulate });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseEurosToCents(amount);
    if (cents === null || cents < 0) {
      setFieldError(p('simulator.amount'));
      return;
    }
    setFieldError(null);
    simulate.mutate({ from, amountCents: cents, month });
  };
  const r = simulate.data;
  return (
    <>
      <PageHeader title={p('simulator.title')} description={p('simulator.description')} />
      <Paper withBorder p="md" radius="md" mb="lg" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" fw={500} id="sim-from">
            {p('simulator.from')}
          </Text>
          <SegmentedControl
            aria-labelledby="sim-from"
            value={from}
            onChange={setFrom}
            data={[
              { value: 'gross', label: p('simulator.fromGross') },
              { value: 'net', label: p('simulator.fromNet') },
              { value: 'employerCost', label: p('simulator.fromEmployerCost') },
            ]}
            fullWidth
            orientation="horizontal"
            styles={{ label: { whiteSpace: 'normal' } }}
          />
          <Group align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={p('simulator.amount')}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
              inputMode="decimal"
              error={fieldError}
              required
            />
            <TextInput
              label={p('common.month')}
              type="month"
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
              required
            />
            <SubmitButton loading={simulate.isPending}>{p('common.compute')}</SubmitButton>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={simulate.error} />
      {r && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <StatCard label={p('common.gross')} value={euros(r.grossCents)} />
            <StatCard
              label={p('common.net')}
              value={euros(r.netBeforeIncomeTaxCents)}
              hint={`${p('common.netSocial')} ${euros(r.netSocialCents)}`}
            />
            <StatCard label={p('common.employerCost')} value={euros(r.employerCostCents)} />
            <StatCard
              label={p('common.employerContributions')}
              value={euros(r.employerContributionsCents)}
              hint={`${p('common.employeeContributions')} ${euros(r.employeeContributionsCents)}`}
            />
          </SimpleGrid>
          <Title order={2} size="h4">
            {p('simulator.lines')}
          </Title>
          <ContributionLinesTable figures={r} />
          <Text size="xs" c="dimmed">
            {p('common.rules', { package: r.rules.package, version: r.rules.version })}
          </Text>
        </Stack>
      )}
    </>
  );
}
