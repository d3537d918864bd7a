import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ClientInput } from '../../core/sales/sales-schemas.ts';
import { showServerErrors } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { type ClientView, salesApi } from './sales-api.ts';
import { salesFormResolver } from './sales-form-resolver.ts';
import { useSalesTexts } from './use-sales-texts.ts';

type Values = {
  kind: 'company' | 'individual' | 'publicBody';
  name: string;
  siren: string;
  siret: string;
  vatNumber: string;
  email: string;
  billingAddress: { line1: string; line2: string; postalCode: string; city: string; country: string };
  terms: string;
};

/** Legal payment terms (C. com. L441-10): at most 60 days, or 45 days end of month. */
export const paymentTermChoices = ['days:0', 'days:30', 'days:45', 'days:60', 'daysEndOfMonth:45'] as const;

export function toPaymentTerms(choice: string) {
  const [kind, days] = choice.split(':');
  return { kind: kind as 'days' | 'daysEndOfMonth', days: Number(days) };
}

const toRequest = ({ terms, ...v }: Values) => ({
  ...v,
  // An individual has neither SIREN nor SIRET: the fields are hidden, and never sent.
  siren: v.kind === 'individual' ? '' : v.siren,
  siret: v.kind === 'individual' ? '' : v.siret,
  paymentTerms: toPaymentTerms(terms),
});

const initialValues: Values = {
  kind: 'company',
  name: '',
  siren: '',
  siret: '',
  vatNumber: '',
  email: '',
  billingAddress: { line1: '', line2: '', postalCode: '', city: '', country: 'FR' },
  terms: 'days:30',
};

function clientValues(c: ClientView): Values {
  const a = c.billingAddress;
  return {
    kind: c.kind,
    name: c.name,
    siren: c.siren ?? '',
    siret: c.siret ?? '',
    vatNumber: c.vatNumber ?? '',
    email: c.email ?? '',
    billingAddress: a
      ? { line1: a.line1, line2: a.line2, postalCode: a.postalCode, city: a.city, country: a.country }
      : initialValues.billingAddress,
    terms: c.paymentTerms ? `${c.paymentTerms.kind}:${c.paymentTerms.days}` : 'days:30',
  };
}

/** A new client of an activity (or, given `client`, its details changed), checked as the API checks it. */
export function CreateClientModal({
  activityId,
  client,
  opened,
  onClose,
  onCreated,
}: {
  activityId: string;
  client?: ClientView;
  opened: boolean;
  onClose: () => void;
  onCreated: (client: ClientView) => void;
}) {
  const { s, t } = useSalesTexts();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: client ? clientValues(client) : initialValues,
    validate: (values) => salesFormResolver(ClientInput)(toRequest(values)),
    validateInputOnBlur: true,
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      client
        ? salesApi.updateClient(client.id, toRequest(values))
        : salesApi.createClient(activityId, toRequest(values)),
    onSuccess: (saved) => {
      notifications.show({
        color: 'mutua',
        message: s(client ? 'clients.updated' : 'clients.created', { name: saved.name }),
      });
      void queryClient.invalidateQueries({ queryKey: ['sales'] });
      if (!client) form.reset();
      onCreated(saved);
    },
    onError: (error) => showServerErrors(form, error),
  });
  const close = () => {
    if (create.isPending) return;
    create.reset();
    form.reset();
    onClose();
  };
  const business = form.values.kind !== 'individual';
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={client ? s('clients.editTitle') : s('clients.newTitle')}
      size="lg"
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={create.error} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="client-kind-label">
              {s('clients.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="client-kind-label"
              data={(['company', 'individual', 'publicBody'] as const).map((k) => ({
                value: k,
                label: s(`clientKind.${k}`),
              }))}
              {...form.getInputProps('kind')}
              fullWidth
            />
          </Stack>
          <TextInput
            label={business ? s('clients.companyName') : s('clients.personName')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          {business && (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput
                label={s('clients.siren')}
                description={s('clients.sirenHint')}
                inputMode="numeric"
                {...form.getInputProps('siren')}
              />
              <TextInput label={s('clients.siret')} inputMode="numeric" {...form.getInputProps('siret')} />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            {business && <TextInput label={s('clients.vatNumber')} {...form.getInputProps('vatNumber')} />}
            <TextInput label={s('clients.email')} type="email" {...form.getInputProps('email')} />
          </SimpleGrid>
          <Text fw={600} size="sm">
            {s('clients.billingAddress')}
          </Text>
          <TextInput label={s('clients.line1')} required {...form.getInputProps('billingAddress.line1')} />
          <TextInput label={s('clients.line2')} {...form.getInputProps('billingAddress.line2')} />
          <SimpleGrid cols={{ base: 2, xs: 3 }}>
            <TextInput
              label={s('clients.postalCode')}
              required
              {...form.getInputProps('billingAddress.postalCode')}
            />
            <TextInput label={s('clients.city')} required {...form.getInputProps('billingAddress.city')} />
            <TextInput
              label={s('clients.country')}
              description={s('clients.countryHint')}
              maxLength={2}
              {...form.getInputProps('billingAddress.country')}
            />
          </SimpleGrid>
          <Select
            label={s('clients.paymentTerms')}
            data={paymentTermChoices.map((c) => ({ value: c, label: s(`terms.${c.replace(':', '_')}`) }))}
            allowDeselect={false}
            {...form.getInputProps('terms')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={create.isPending}>
              {client ? s('clients.save') : s('clients.create')}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
