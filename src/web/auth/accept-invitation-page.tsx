import { Alert, Anchor, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import type { MeView } from '../../core/people/people-schemas.ts';
import { PersonName } from '../../core/people/people-schemas.ts';
import { api } from '../app/api-client.ts';
import { formatDate } from '../app/format.ts';
import { useMe, useSignedIn } from '../app/use-me.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RoleBadges } from '../ui/role-badges.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { AuthTitle } from './auth-layout.tsx';
import { NewPasswordForm } from './new-password-schema.ts';

type Invitation = { email: string; name: string; roles: string[]; locale: string; expiresAt: string };

const AcceptForm = z.object({ name: PersonName }).and(NewPasswordForm);

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<Invitation>('GET', `/invitations/by-token/${encodeURIComponent(token)}`),
  });
  if (invitation.isPending) return <PageLoader />;
  if (invitation.error) {
    return (
      <Stack>
        <AuthTitle>{t('invitation.title')}</AuthTitle>
        <ErrorAlert error={invitation.error} />
        <Text size="sm">{t('invitation.askAgain')}</Text>
        <Anchor component={Link} to="/login" size="sm">
          {t('forgot.backToLogin')}
        </Anchor>
      </Stack>
    );
  }
  return <AcceptInvitationForm token={token} invitation={invitation.data} />;
}

function AcceptInvitationForm({ token, invitation: inv }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const { data: me } = useMe();
  const form = useForm({
    initialValues: { name: inv.name, password: '', confirm: '' },
    validate: zodFormResolver(AcceptForm),
  });
  const accept = useMutation({
    mutationFn: (values: { name: string; password: string }) =>
      api<MeView>('POST', '/invitations/accept', { body: { token, ...values } }),
    onSuccess: (person) => {
      signedIn(person);
      navigate('/', { replace: true });
    },
    onError: (error) => showServerErrors(form, error),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) =>
        accept.mutate({ name: values.name.trim(), password: values.password }),
      )}
      noValidate
    >
      <AuthTitle>{t('invitation.title')}</AuthTitle>
      <Stack gap="md">
        <Text size="sm">{t('invitation.intro', { email: inv.email })}</Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('invitation.roles')}
          </Text>
          <RoleBadges roles={inv.roles} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('invitation.expires', { date: formatDate(inv.expiresAt) })}
        </Text>
        {me && (
          <Alert color="yellow" role="note">
            {t('invitation.loggedInAs', { name: me.name })}
          </Alert>
        )}
        <ErrorAlert error={accept.error} />
        <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <SubmitButton loading={accept.isPending} fullWidth>
          {t('invitation.submit')}
        </SubmitButton>
      </Stack>
    </form>
  );
}
