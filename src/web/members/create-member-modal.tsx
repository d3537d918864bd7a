import { Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { CreateMemberRequest, type MemberView } from '../../core/members/member-schemas.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { membersApi } from './members-api.ts';
import { useMembersTexts } from './use-members-texts.ts';

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  city: string;
  postalCode: string;
  trades: string[];
  referentId: string | null;
};

const toRequest = (v: Values) => ({ ...v, email: v.email.trim() === '' ? null : v.email });

/** Opens a member file: name, contact, trades, referent. The journey is recorded on the member page. */
export function CreateMemberModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { m, t } = useMembersTexts();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const referents = useQuery({
    queryKey: ['member-referents'],
    queryFn: membersApi.referents,
    enabled: opened,
  });
  const form = useForm<Values>({
    initialValues: {
      firstName: '',
      lastName: '',
      email: '',
      phone: '',
      city: '',
      postalCode: '',
      trades: [],
      referentId: null,
    },
    validate: (values) => zodFormResolver(CreateMemberRequest)(toRequest(values)),
    validateInputOnBlur: true,
  });
  const create = useMutation({
    mutationFn: (values: Values) => api<MemberView>('POST', '/members', { body: toRequest(values) }),
    onSuccess: (member) => {
      notifications.show({ color: 'mutua', message: m('create.created', { name: member.displayName }) });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      form.reset();
      navigate(`/members/${member.id}`);
    },
    onError: (error) => showServerErrors(form, error),
  });
  const close = () => {
    if (create.isPending) return;
    create.reset();
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={m('create.title')} size="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={create.error} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={m('fields.firstName')}
              required
              data-autofocus
              {...form.getInputProps('firstName')}
            />
            <TextInput label={m('fields.lastName')} required {...form.getInputProps('lastName')} />
            <TextInput label={m('fields.email')} type="email" {...form.getInputProps('email')} />
            <TextInput label={m('fields.phone')} type="tel" {...form.getInputProps('phone')} />
            <TextInput
              label={m('fields.postalCode')}
              inputMode="numeric"
              {...form.getInputProps('postalCode')}
            />
            <TextInput label={m('fields.city')} {...form.getInputProps('city')} />
          </SimpleGrid>
          <TagsInput
            label={m('fields.trades')}
            description={m('fields.tagsHint')}
            {...form.getInputProps('trades')}
          />
          <Select
            label={m('fields.referent')}
            data={(referents.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            clearable
            {...form.getInputProps('referentId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={create.isPending}>{m('create.submit')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
