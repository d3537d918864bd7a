import { Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../core/access/roles.ts';
import { type PersonView, UpdatePersonRequest } from '../../core/people/people-schemas.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';

/** Change a person's roles, or disable the account (their sessions end; the history stays). */
export function EditPersonModal({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ roles: Role[]; active: boolean }>({
    initialValues: { roles: person.roles, active: person.active },
    validate: zodFormResolver(UpdatePersonRequest),
  });
  const save = useMutation({
    mutationFn: (body: { roles: Role[]; active: boolean }) =>
      api<PersonView>('PATCH', `/people/${person.id}`, { body }),
    onSuccess: (updated) => {
      notifications.show({ color: 'mutua', message: t('people.updated', { name: updated.name }) });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      onClose();
    },
    onError: (error) => showServerErrors(form, error),
  });
  return (
    <Modal
      opened
      onClose={() => !save.isPending && onClose()}
      title={t('people.editTitle', { name: person.name })}
      size="lg"
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {person.email}
          </Text>
          <ErrorAlert error={save.error} />
          <RoleCheckboxes {...form.getInputProps('roles')} />
          <Switch
            label={t('people.accountActive')}
            description={t('people.accountActiveHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={save.isPending} disabled={!form.isDirty()}>
              {t('common.save')}
            </SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
