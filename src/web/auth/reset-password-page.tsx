import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../app/api-client.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { AuthTitle } from './auth-layout.tsx';
import { NewPasswordForm } from './new-password-schema.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: zodFormResolver(NewPasswordForm),
  });
  const reset = useMutation({
    mutationFn: (password: string) =>
      api('POST', '/auth/password-reset/confirm', { body: { token, password } }),
    onError: (error) => showServerErrors(form, error),
  });
  if (reset.isSuccess) {
    return (
      <Stack>
        <AuthTitle>{t('reset.title')}</AuthTitle>
        <Alert color="mutua" role="status" title={t('reset.doneTitle')}>
          {t('reset.doneText')}
        </Alert>
        <Button component={Link} to="/login">
          {t('reset.toLogin')}
        </Button>
      </Stack>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => reset.mutate(values.password))} noValidate>
      <AuthTitle>{t('reset.title')}</AuthTitle>
      <Stack gap="md">
        <ErrorAlert error={reset.error} />
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
        <SubmitButton loading={reset.isPending} fullWidth>
          {t('reset.submit')}
        </SubmitButton>
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
          {t('reset.newLink')}
        </Anchor>
      </Stack>
    </form>
  );
}
