import { Alert, Group, List, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { payrollApi } from './payroll-api.ts';
import { thisMonth } from './salary-simulator-page.tsx';
import { parseEurosToCents, usePayrollTexts } from './use-payroll-texts.ts';

const asText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/**
 * "How much can I pay myself?" and the runway, on one card, in plain French: the treasury comes from the
 * member's accounts; the answer and its explanation come from the server (rules engine).
 */
export function SalaryCapacityCard({ treasuryCents }: { treasuryCents: number | null }) {
  const { p, euros } = usePayrollTexts();
  const [treasury, setTreasury] = useState('');
  const [revenue, setRevenue] = useState('0');
  // The cooperative's safety buffer is the floor (payroll settings): prefilled, the server never goes below it.
  const settings = useQuery({ queryKey: ['payroll', 'settings'], queryFn: payrollApi.settings });
  const floorCents = settings.data?.current.safetyBufferCents ?? null;
  const [buffer, setBuffer] = useState('');
  const [months, setMonths] = useState<number | string>(12);
  const [atGross, setAtGross] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    if (treasuryCents !== null) setTreasury((t) => t || asText(treasuryCents));
  }, [treasuryCents]);
  useEffect(() => {
    if (floorCents !== null) setBuffer((b) => b || asText(floorCents));
  }, [floorCents]);
  const ask = useMutation({ mutationFn: payrollApi.capacity });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = [treasury, revenue, buffer || '0'].map(parseEurosToCents);
    const gross = atGross.trim() ? parseEurosToCents(atGross) : undefined;
    if (values.some((v) => v === null) || gross === null) {
      setInvalid(p('capacity.treasury'));
      return;
    }
    setInvalid(null);
    ask.mutate({
      treasuryCents: values[0],
      expectedMonthlyRevenueCents: values[1],
      safetyBufferCents: values[2],
      months: Number(months) || 12,
      month: thisMonth(),
      ...(gross !== undefined ? { atGrossCents: gross } : {}),
    });
  };
  const a = ask.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {p('capacity.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {p('capacity.description')}
        </Text>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <TextInput
                label={p('capacity.treasury')}
                description={p('capacity.treasuryHint')}
                value={treasury}
                onChange={(e) => setTreasury(e.currentTarget.value)}
                inputMode="decimal"
                error={invalid}
                required
                miw={200}
              />
              <TextInput
                label={p('capacity.revenue')}
                value={revenue}
                onChange={(e) => setRevenue(e.currentTarget.value)}
                inputMode="decimal"
                required
                miw={200}
              />
            </Group>
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <TextInput
                label={p('capacity.buffer')}
                description={
                  floorCents !== null ? p('capacity.bufferFloor', { amount: euros(floorCents) }) : undefined
                }
                value={buffer}
                onChange={(e) => setBuffer(e.currentTarget.value)}
                inputMode="decimal"
                miw={160}
              />
              <NumberInput
                label={p('capacity.months')}
                value={months}
                onChange={setMonths}
                min={1}
                max={60}
                miw={120}
              />
              <TextInput
                label={p('capacity.atGross')}
                value={atGross}
                onChange={(e) => setAtGross(e.currentTarget.value)}
                inputMode="decimal"
                miw={160}
              />
            </Group>
            <Group>
              <SubmitButton loading={ask.isPending}>{p('common.compute')}</SubmitButton>
            </Group>
          </Stack>
        </form>
        <ErrorAlert error={ask.error} />
        {a && (
          <Stack gap="xs" aria-live="polite">
            {a.sustainable.grossCents !== null ? (
              <Alert color="teal" variant="light" title={p('capacity.answer')}>
                <Text fz={28} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {euros(a.sustainable.grossCents)}{' '}
                  <Text span size="md" fw={400}>
                    {p('capacity.perMonth')}
                  </Text>
                </Text>
                <Text size="sm">{p('capacity.cost', { cost: euros(a.sustainable.employerCostCents) })}</Text>
              </Alert>
            ) : (
              <Alert color="orange" variant="light">
                {p('capacity.none')}
              </Alert>
            )}
            <List size="sm" spacing={4}>
              {a.sustainable.explanation.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            {a.runway && (
              <Alert
                color="blue"
                variant="light"
                title={p('capacity.runway', { gross: euros(a.runway.grossCents) })}
              >
                <Text size="sm" fw={600}>
                  {a.runway.months === null
                    ? p('capacity.runwayForever')
                    : p('capacity.runwayMonths', { count: a.runway.months })}
                </Text>
                <List size="sm" spacing={4} mt={4}>
                  {a.runway.explanation.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
