import {
  Badge,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { headcountClasses, type PayrollSettingsInForce } from '../../core/payroll/payroll-settings.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { payrollApi } from './payroll-api.ts';
import { usePayrollTexts } from './use-payroll-texts.ts';

type Form = {
  validFrom: string;
  headcountClass: string;
  /** Percent; '' = the national average rate. */
  workAccidentRate: number | '';
  transportLevyRate: number;
  healthPremium: number;
  healthEmployerShare: number;
  providentEmployerRate: number;
  providentEmployeeRate: number;
  safetyBuffer: number;
  establishmentSiret: string;
  apeCode: string;
  collectiveAgreement: string;
  note: string;
};

/** Next month, 'YYYY-MM': a new version usually starts after the months already run. */
function nextMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
}

function formOf(current: PayrollSettingsInForce): Form {
  const s = current.settings;
  return {
    validFrom: nextMonth(),
    headcountClass: s.headcountClass,
    workAccidentRate: s.workAccidentRateBp === null ? '' : s.workAccidentRateBp / 100,
    transportLevyRate: s.transportLevyRateBp / 100,
    healthPremium: s.healthPlan.monthlyPremiumCents / 100,
    healthEmployerShare: s.healthPlan.employerShareBp / 100,
    providentEmployerRate: s.providentPlan.employerRateBp / 100,
    providentEmployeeRate: s.providentPlan.employeeRateBp / 100,
    safetyBuffer: current.safetyBufferCents / 100,
    establishmentSiret: current.employer.establishmentSiret,
    apeCode: current.employer.apeCode,
    collectiveAgreement: current.employer.collectiveAgreement,
    note: '',
  };
}

const bp = (percent: number) => Math.round(percent * 100);
const cents = (euros: number) => Math.round(euros * 100);

/**
 * The cooperative's payroll settings (issue 10): what the rules engine needs about the employer, the safety
 * buffer of "how much can I pay myself?", the employer's identity on payslips — one dated version per change.
 * Managers and administrators record; the accountant reads.
 */
export function PayrollSettingsPage() {
  const { p, euros, day, month } = usePayrollTexts();
  const me = useCurrentPerson();
  const canManage = hasPermission(me, 'payroll.settings.manage');
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['payroll', 'settings'], queryFn: payrollApi.settings });
  const [form, setForm] = useState<Form | null>(null);
  useEffect(() => {
    if (settings.data && !form) setForm(formOf(settings.data.current));
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (f: Form) =>
      payrollApi.recordSettings({
        validFrom: `${f.validFrom}-01`,
        headcountClass: f.headcountClass,
        workAccidentRateBp: f.workAccidentRate === '' ? null : bp(f.workAccidentRate),
        transportLevyRateBp: bp(f.transportLevyRate),
        healthPlan: {
          monthlyPremiumCents: cents(f.healthPremium),
          employerShareBp: bp(f.healthEmployerShare),
        },
        providentPlan: {
          employerRateBp: bp(f.providentEmployerRate),
          employeeRateBp: bp(f.providentEmployeeRate),
        },
        safetyBufferCents: cents(f.safetyBuffer),
        establishmentSiret: f.establishmentSiret,
        apeCode: f.apeCode,
        collectiveAgreement: f.collectiveAgreement,
        note: f.note,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['payroll'] });
      notifications.show({ color: 'mutua', message: p('settings.saved') });
    },
  });
  if (settings.isPending) return <PageLoader />;
  const data = settings.data;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const num = (v: number | string) => (typeof v === 'number' ? v : Number(String(v).replace(',', '.')) || 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form) save.mutate(form);
  };
  const percent = (b: number | null) =>
    b === null ? p('settings.nationalRate') : `${(b / 100).toLocaleString('fr-FR')} %`;
  return (
    <>
      <PageHeader title={p('settings.title')} description={p('settings.description')} />
      <Stack gap="xl" maw={960}>
        <ErrorAlert error={settings.error} />
        {data && (
          <Text size="sm">
            {data.current.validFrom
              ? p('settings.inForce', { date: day(data.current.validFrom) })
              : data.versions.length > 0
                ? p('settings.defaultsUntil', { date: day(data.versions.at(-1)!.validFrom) })
                : p('settings.defaults')}
          </Text>
        )}
        {data && data.versions.length > 0 && (
          <Stack gap="xs">
            <Title order={2} size="h4">
              {p('settings.versions')}
            </Title>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing={4} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{p('settings.validFrom')}</Table.Th>
                    <Table.Th>{p('settings.headcount')}</Table.Th>
                    <Table.Th ta="right">{p('settings.workAccident')}</Table.Th>
                    <Table.Th ta="right">{p('settings.transport')}</Table.Th>
                    <Table.Th ta="right">{p('settings.health')}</Table.Th>
                    <Table.Th ta="right">{p('settings.provident')}</Table.Th>
                    <Table.Th ta="right">{p('settings.buffer')}</Table.Th>
                    <Table.Th>{p('settings.recordedBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.versions.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {month(v.validFrom.slice(0, 7))}
                          {v.id === data.current.versionId && (
                            <Badge size="xs" variant="light">
                              {p('settings.current')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{p(`settings.headcountClass.${v.headcountClass}`)}</Table.Td>
                      <Table.Td ta="right">{percent(v.workAccidentRateBp)}</Table.Td>
                      <Table.Td ta="right">{percent(v.transportLevyRateBp)}</Table.Td>
                      <Table.Td ta="right">
                        {euros(v.healthPlan.monthlyPremiumCents)} · {percent(v.healthPlan.employerShareBp)}
                      </Table.Td>
                      <Table.Td ta="right">
                        {percent(v.providentPlan.employerRateBp)} / {percent(v.providentPlan.employeeRateBp)}
                      </Table.Td>
                      <Table.Td ta="right">{euros(v.safetyBufferCents)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{v.createdByName ?? '—'}</Text>
                        {v.note && (
                          <Text size="xs" c="dimmed">
                            {v.note}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        {canManage && form && (
          <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {p('settings.newVersion')}
              </Title>
              <Text size="sm" c="dimmed">
                {p('settings.newVersionHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={p('settings.validFrom')}
                  type="month"
                  required
                  value={form.validFrom}
                  onChange={(e) => set('validFrom', e.currentTarget.value)}
                />
                <Select
                  label={p('settings.headcount')}
                  data={headcountClasses.map((c) => ({ value: c, label: p(`settings.headcountClass.${c}`) }))}
                  value={form.headcountClass}
                  onChange={(v) => v && set('headcountClass', v)}
                  allowDeselect={false}
                />
                <NumberInput
                  label={p('settings.workAccidentPercent')}
                  description={p('settings.workAccidentHint')}
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator=","
                  value={form.workAccidentRate}
                  onChange={(v) => set('workAccidentRate', v === '' ? '' : num(v))}
                />
                <NumberInput
                  label={p('settings.transportPercent')}
                  description={p('settings.transportHint')}
                  min={0}
                  max={10}
                  decimalScale={2}
                  decimalSeparator=","
                  value={form.transportLevyRate}
                  onChange={(v) => set('transportLevyRate', num(v))}
                />
                <NumberInput
                  label={p('settings.healthPremium')}
                  min={0}
                  decimalScale={2}
                  decimalSeparator=","
                  thousandSeparator=" "
                  value={form.healthPremium}
                  onChange={(v) => set('healthPremium', num(v))}
                />
                <NumberInput
                  label={p('settings.healthShare')}
                  description={p('settings.healthShareHint')}
                  min={50}
                  max={100}
                  decimalScale={2}
                  decimalSeparator=","
                  value={form.healthEmployerShare}
                  onChange={(v) => set('healthEmployerShare', num(v))}
                />
                <NumberInput
                  label={p('settings.providentEmployer')}
                  min={0}
                  max={10}
                  decimalScale={2}
                  decimalSeparator=","
                  value={form.providentEmployerRate}
                  onChange={(v) => set('providentEmployerRate', num(v))}
                />
                <NumberInput
                  label={p('settings.providentEmployee')}
                  min={0}
                  max={10}
                  decimalScale={2}
                  decimalSeparator=","
                  value={form.providentEmployeeRate}
                  onChange={(v) => set('providentEmployeeRate', num(v))}
                />
                <NumberInput
                  label={p('settings.bufferEuros')}
                  description={p('settings.bufferHint')}
                  min={0}
                  decimalScale={2}
                  decimalSeparator=","
                  thousandSeparator=" "
                  value={form.safetyBuffer}
                  onChange={(v) => set('safetyBuffer', num(v))}
                />
                <TextInput
                  label={p('settings.siret')}
                  value={form.establishmentSiret}
                  onChange={(e) => set('establishmentSiret', e.currentTarget.value)}
                  inputMode="numeric"
                  maxLength={14}
                />
                <TextInput
                  label={p('settings.ape')}
                  value={form.apeCode}
                  onChange={(e) => set('apeCode', e.currentTarget.value)}
                  maxLength={6}
                />
                <TextInput
                  label={p('settings.agreement')}
                  description={p('settings.agreementHint')}
                  value={form.collectiveAgreement}
                  onChange={(e) => set('collectiveAgreement', e.currentTarget.value)}
                  maxLength={200}
                />
              </SimpleGrid>
              <TextInput
                label={p('settings.note')}
                value={form.note}
                onChange={(e) => set('note', e.currentTarget.value)}
                maxLength={500}
              />
              <ErrorAlert error={save.error} />
              <Group>
                <SubmitButton loading={save.isPending}>{p('settings.save')}</SubmitButton>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
