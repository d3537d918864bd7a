import { Alert, Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequestPasswordResetRequest } from '../../core/people/people-schemas.ts';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { AuthTitle } from './auth-layout.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '' },
    validate: zodFormResolver(RequestPasswordResetRequest),
  });
  const request = useMutation({
    mutationFn: (body: { email: string }) => api('POST', '/auth/password-reset/request', { body }),
    onError: (error) => showServerErrors(form, error),
  });
  if (request.isSuccess) {
    return (
      <Stack>
        <AuthTitle>{t('forgot.title')}</AuthTitle>
        <Alert color="mutua" role="status" title={t('forgot.sentTitle')}>
          {t('forgot.sentText', { email: request.variables?.email })}
        </Alert>
        <Anchor component={Link} to="/login" size="sm">
          {t('forgot.backToLogin')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={form.onSubmit((values) => request.mutate(RequestPasswordResetRequest.parse(values)))}
      noValidate
    >
      <AuthTitle>{t('forgot.title')}</AuthTitle>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('forgot.intro')}
        </Text>
        <ErrorAlert error={request.error} />
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <SubmitButton loading={request.isPending} fullWidth>
          {t('forgot.submit')}
        </SubmitButton>
        <Anchor component={Link} to="/login" size="sm" ta="center">
          {t('forgot.backToLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}
