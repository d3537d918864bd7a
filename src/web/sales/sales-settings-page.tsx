import {
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  counterResets,
  formatDocumentNumber,
  numberingProblem,
} from '../../core/sales/numbering-template.ts';
import { SalesSettingsInput } from '../../core/sales/sales-settings.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { useSalesTexts } from './use-sales-texts.ts';

type Settings = SalesSettingsInput;

/** The next number a scheme would print today, or null while the template is not usable. */
function preview(scheme: { template: string; reset: Settings['numbering']['reset']; perActivity: boolean }) {
  if (numberingProblem(scheme) !== null) return null;
  const today = localToday();
  return formatDocumentNumber(scheme, { issueDate: today, activityCode: 'BOIS', counter: 1 });
}

/**
 * The cooperative's sales settings (issue 5 §4, §9): the legal numbering of invoices and that of quotes
 * (a template that could print a number already used is refused by the server), the VAT option, late
 * penalties and the reminder schedule. Administrators change them; the next number is previewed live.
 */
export function SalesSettingsPage() {
  const { s } = useSalesTexts();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['sales', 'settings'],
    queryFn: () => api<Settings>('GET', '/sales/settings'),
  });
  const form = useForm<Settings>({ mode: 'controlled', validate: zodFormResolver(SalesSettingsInput) });
  const [reminderText, setReminderText] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill the form once per load of the settings
  useEffect(() => {
    if (!settings.data) return;
    form.setValues(settings.data);
    form.resetDirty(settings.data);
    setReminderText(settings.data.reminderDays.join(', '));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (body: Settings) => api<Settings>('PUT', '/sales/settings', { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['sales', 'settings'], saved);
      notifications.show({ color: 'mutua', message: s('settings.saved') });
    },
    onError: (error) => showServerErrors(form, error),
  });
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const v = form.getValues();
  if (!v.numbering) return <PageLoader />;
  const resetOptions = counterResets.map((r) => ({ value: r, label: s(`settings.reset.${r}`) }));
  const invoicePreview = preview(v.numbering);
  const quotePreview = preview({ ...v.quoteNumbering, perActivity: false });
  return (
    <>
      <PageHeader title={s('settings.title')} description={s('settings.description')} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          save.mutate({
            ...values,
            reminderDays: reminderText
              .split(/[\s,;]+/)
              .filter(Boolean)
              .map(Number),
          }),
        )}
      >
        <Stack gap="lg" maw={860}>
          <ErrorAlert error={save.error} />
          <Card withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="xs">
              {s('settings.invoiceNumbering')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {s('settings.templateHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={s('settings.template')}
                required
                {...form.getInputProps('numbering.template')}
              />
              <Select
                label={s('settings.resetLabel')}
                data={resetOptions}
                allowDeselect={false}
                {...form.getInputProps('numbering.reset')}
              />
            </SimpleGrid>
            <Checkbox
              mt="md"
              label={s('settings.perActivity')}
              {...form.getInputProps('numbering.perActivity', { type: 'checkbox' })}
            />
            <Text size="sm" mt="md">
              {invoicePreview
                ? s('settings.preview', { number: invoicePreview })
                : s('settings.previewUnavailable')}
            </Text>
          </Card>

          <Card withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="md">
              {s('settings.quoteNumbering')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={s('settings.template')}
                required
                {...form.getInputProps('quoteNumbering.template')}
              />
              <Select
                label={s('settings.resetLabel')}
                data={resetOptions}
                allowDeselect={false}
                {...form.getInputProps('quoteNumbering.reset')}
              />
              <NumberInput
                label={s('settings.quoteValidityDays')}
                min={1}
                max={365}
                allowDecimal={false}
                {...form.getInputProps('quoteValidityDays')}
              />
            </SimpleGrid>
            <Text size="sm" mt="md">
              {quotePreview
                ? s('settings.preview', { number: quotePreview })
                : s('settings.previewUnavailable')}
            </Text>
          </Card>

          <Card withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="md">
              {s('settings.vatAndPenalties')}
            </Title>
            <Stack gap="md">
              <Switch
                label={s('settings.vatOnDebits')}
                description={s('settings.vatOnDebitsHelp')}
                {...form.getInputProps('vatOnDebits', { type: 'checkbox' })}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={s('settings.penaltyMargin')}
                  description={s('settings.penaltyMarginHelp')}
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator=","
                  suffix=" %"
                  value={v.latePenaltyMarginBp / 100}
                  onChange={(n) => form.setFieldValue('latePenaltyMarginBp', Math.round(Number(n) * 100))}
                  error={form.errors.latePenaltyMarginBp}
                />
                <NumberInput
                  label={s('settings.penaltyFixed')}
                  description={s('settings.penaltyFixedHelp')}
                  min={0}
                  max={100}
                  decimalScale={2}
                  decimalSeparator=","
                  suffix=" %"
                  value={v.latePenaltyFixedRateBp === null ? '' : v.latePenaltyFixedRateBp / 100}
                  onChange={(n) =>
                    form.setFieldValue(
                      'latePenaltyFixedRateBp',
                      n === '' ? null : Math.round(Number(n) * 100),
                    )
                  }
                  error={form.errors.latePenaltyFixedRateBp}
                />
              </SimpleGrid>
            </Stack>
          </Card>

          <Card withBorder radius="md" p="lg">
            <Title order={2} size="h4" mb="md">
              {s('settings.reminders')}
            </Title>
            <Stack gap="md">
              <Switch
                label={s('settings.remindersEnabled')}
                {...form.getInputProps('remindersEnabled', { type: 'checkbox' })}
              />
              <TextInput
                label={s('settings.reminderDays')}
                description={s('settings.reminderDaysHelp')}
                value={reminderText}
                onChange={(e) => setReminderText(e.currentTarget.value)}
                error={form.errors.reminderDays ?? form.errors['reminderDays.0']}
                disabled={!v.remindersEnabled}
              />
            </Stack>
          </Card>

          <Group justify="flex-end">
            <SubmitButton loading={save.isPending}>{s('settings.save')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </>
  );
}
