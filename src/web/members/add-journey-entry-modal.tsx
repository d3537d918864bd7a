import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { parseEuros } from '../../core/members/check-member-import.ts';
import { endReasons, JourneyEntryInput, journeyEntryKinds } from '../../core/members/journey-schemas.ts';
import type { JourneyView } from '../../core/members/member-schemas.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { describeEntry } from './describe-entry.ts';
import { useMembersTexts } from './use-members-texts.ts';

type Kind = (typeof journeyEntryKinds)[number];
type Values = {
  kind: Kind;
  on: string;
  start: string;
  end: string;
  trialEnd: string;
  fixedMonthlyEuros: string;
  contractId: string | null;
  reason: string | null;
  note: string;
};

/** The request for the chosen kind, from the form's text fields (an unparsable amount stays a string). */
function toRequest(v: Values): Record<string, unknown> {
  const euros = parseEuros(v.fixedMonthlyEuros);
  const cents = euros === undefined ? v.fixedMonthlyEuros : euros;
  const base = { kind: v.kind, note: v.note };
  switch (v.kind) {
    case 'cape':
      return { ...base, start: v.start, end: v.end };
    case 'cape_renewal':
      return { ...base, contractId: v.contractId ?? '', on: v.on, end: v.end };
    case 'cesa':
      return { ...base, start: v.start, trialEnd: v.trialEnd || null, fixedMonthlyCents: cents ?? 0 };
    case 'cesa_amendment':
      return {
        ...base,
        contractId: v.contractId ?? '',
        on: v.on,
        trialEnd: v.trialEnd || null,
        fixedMonthlyCents: cents,
      };
    case 'contract_end':
      return { ...base, contractId: v.contractId ?? '', on: v.on, reason: v.reason };
    case 'exit':
      return { ...base, on: v.on, reason: v.reason };
    default:
      return { ...base, on: v.on };
  }
}

/** Records one event or contract; the server refuses a timeline that breaks a rule, naming it. */
export function AddJourneyEntryModal({
  memberId,
  journey,
  opened,
  onClose,
}: {
  memberId: string;
  journey: JourneyView;
  opened: boolean;
  onClose: () => void;
}) {
  const texts = useMembersTexts();
  const { m, t } = texts;
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      kind: 'support_interview',
      on: journey.today,
      start: journey.today,
      end: '',
      trialEnd: '',
      fixedMonthlyEuros: '',
      contractId: null,
      reason: null,
      note: '',
    },
    validate: (values) => {
      const errors = zodFormResolver(JourneyEntryInput)(toRequest(values));
      if (errors.fixedMonthlyCents) errors.fixedMonthlyEuros = errors.fixedMonthlyCents;
      return errors;
    },
  });
  const kind = form.values.kind;
  const wantsContract = kind === 'cape_renewal' || kind === 'cesa_amendment' || kind === 'contract_end';
  const contracts = journey.entries
    .filter((e) =>
      kind === 'cape_renewal'
        ? e.kind === 'cape'
        : kind === 'cesa_amendment'
          ? e.kind === 'cesa'
          : e.kind === 'cape' || e.kind === 'cesa',
    )
    .map((e) => {
      const d = describeEntry(e, texts);
      return { value: e.id, label: `${e.kind.toUpperCase()} · ${d.detail}` };
    });
  const record = useMutation({
    mutationFn: (values: Values) => api('POST', `/members/${memberId}/journey`, { body: toRequest(values) }),
    onSuccess: () => {
      notifications.show({ color: 'mutua', message: m('journey.recorded') });
      void queryClient.invalidateQueries({ queryKey: ['member', memberId] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      form.reset();
      onClose();
    },
    onError: (error) => showServerErrors(form, error),
  });
  const close = () => {
    if (record.isPending) return;
    record.reset();
    form.reset();
    onClose();
  };
  const date = (field: keyof Values, label: string, extra: object = {}) => (
    <TextInput type="date" label={label} required {...extra} {...form.getInputProps(field)} />
  );
  return (
    <Modal opened={opened} onClose={close} title={m('journey.addTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => record.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={record.error} />
          <Select
            label={m('journey.kind')}
            data={journeyEntryKinds.map((k) => ({ value: k, label: m(`entryKind.${k}`) }))}
            allowDeselect={false}
            data-autofocus
            {...form.getInputProps('kind')}
            onChange={(v) => {
              form.setFieldValue('kind', (v ?? 'support_interview') as Kind);
              form.setFieldValue('contractId', null);
              form.clearErrors();
            }}
          />
          {wantsContract && (
            <Select
              label={m('journey.contract')}
              data={contracts}
              required
              {...form.getInputProps('contractId')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {(kind === 'cape' || kind === 'cesa') && date('start', m('journey.start'))}
            {kind === 'cape' && date('end', m('journey.end'))}
            {kind === 'cape_renewal' && date('on', m('journey.signedOn'))}
            {kind === 'cape_renewal' && date('end', m('journey.newEnd'))}
            {kind === 'cesa_amendment' && date('on', m('journey.effectiveOn'))}
            {kind !== 'cape' &&
              kind !== 'cesa' &&
              kind !== 'cape_renewal' &&
              kind !== 'cesa_amendment' &&
              date('on', m('journey.on'))}
            {(kind === 'cesa' || kind === 'cesa_amendment') && (
              <TextInput
                type="date"
                label={m('journey.trialEnd')}
                description={m('journey.trialEndHint')}
                {...form.getInputProps('trialEnd')}
              />
            )}
            {(kind === 'cesa' || kind === 'cesa_amendment') && (
              <TextInput
                label={m('journey.fixedMonthly')}
                inputMode="decimal"
                required={kind === 'cesa'}
                {...form.getInputProps('fixedMonthlyEuros')}
              />
            )}
            {(kind === 'contract_end' || kind === 'exit') && (
              <Select
                label={m('journey.reason')}
                data={endReasons.map((r) => ({ value: r, label: m(`reason.${r}`) }))}
                required
                {...form.getInputProps('reason')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={m('journey.note')}
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={record.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={record.isPending}>{m('journey.record')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
