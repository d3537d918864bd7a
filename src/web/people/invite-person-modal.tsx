import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../core/access/roles.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { type InvitationView, InvitePersonRequest } from '../../core/people/people-schemas.ts';
import { api } from '../app/api-client.ts';
import { currentLocale } from '../app/i18n.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';

type Values = { email: string; name: string; roles: Role[]; locale: Locale };

export function InvitePersonModal({
  opened,
  onClose,
  onInvited,
}: {
  opened: boolean;
  onClose: () => void;
  onInvited: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { email: '', name: '', roles: ['member'], locale: currentLocale() },
    validate: zodFormResolver(InvitePersonRequest),
    validateInputOnBlur: true,
  });
  const invite = useMutation({
    mutationFn: (body: InvitePersonRequest) => api<InvitationView>('POST', '/invitations', { body }),
    onSuccess: (invitation) => {
      notifications.show({ color: 'mutua', message: t('people.invited', { email: invitation.email }) });
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      form.reset();
      onInvited();
    },
    onError: (error) => showServerErrors(form, error),
  });
  const close = () => {
    if (invite.isPending) return;
    invite.reset();
    form.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('people.inviteTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => invite.mutate(InvitePersonRequest.parse(values)))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={invite.error} />
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput label={t('fields.name')} required {...form.getInputProps('name')} />
          <RoleCheckboxes {...form.getInputProps('roles')} />
          <Select
            label={t('people.mailLanguage')}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={invite.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={invite.isPending}>{t('people.sendInvitation')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
