import { Anchor, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LogInRequest, type MeView } from '../../core/people/people-schemas.ts';
import { api } from '../app/api-client.ts';
import { useMe, useSignedIn } from '../app/use-me.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { AuthTitle } from './auth-layout.tsx';

/** Only local paths: a link cannot send someone to another site after log-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const next = safeNext(params.get('next'));
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: zodFormResolver(LogInRequest),
  });
  const login = useMutation({
    mutationFn: (body: LogInRequest) => api<MeView>('POST', '/auth/login', { body }),
    onSuccess: (person) => {
      signedIn(person);
      navigate(next, { replace: true });
    },
    onError: (error) => showServerErrors(form, error),
  });
  if (me) return <Navigate to={next} replace />;
  return (
    <form onSubmit={form.onSubmit((values) => login.mutate(LogInRequest.parse(values)))} noValidate>
      <AuthTitle>{t('login.title')}</AuthTitle>
      <Stack gap="md">
        <ErrorAlert error={login.error} />
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <SubmitButton loading={login.isPending} fullWidth>
          {t('login.submit')}
        </SubmitButton>
        <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
          {t('login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}
