import {
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { Locale } from '../../core/i18n/locale.ts';
import {
  ChangePasswordRequest,
  type MeView,
  UpdateMyAccountRequest,
} from '../../core/people/people-schemas.ts';
import { api, setCsrfToken } from '../app/api-client.ts';
import { formatDateTime, formatRelative } from '../app/format.ts';
import { setUiLanguage } from '../app/i18n.ts';
import { meQueryKey, useCurrentPerson } from '../app/use-me.ts';
import { showServerErrors, zodFormResolver } from '../app/zod-form-resolver.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RoleBadges } from '../ui/role-badges.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { describeUserAgent } from './describe-user-agent.ts';

type SessionView = {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ipAddress: string | null;
  userAgent: string | null;
};

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Stack gap="lg">
        <ProfileCard />
        <PasswordCard />
        <SessionsCard />
      </Stack>
    </>
  );
}

function ProfileCard() {
  const { t } = useTranslation();
  const me = useCurrentPerson();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: me.name, locale: me.locale as Locale },
    validate: zodFormResolver(UpdateMyAccountRequest),
  });
  const save = useMutation({
    mutationFn: (body: { name: string; locale: Locale }) => api<MeView>('PATCH', '/me', { body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meQueryKey, updated);
      setUiLanguage(updated.locale);
      form.resetDirty(form.getValues());
      notifications.show({ color: 'mutua', message: t('account.saved') });
    },
    onError: (error) => showServerErrors(form, error),
  });
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="account-profile"
    >
      <Title order={2} fz="h4" id="account-profile" mb="sm">
        {t('account.profile')}
      </Title>
      <form
        onSubmit={form.onSubmit((values) => save.mutate({ name: values.name.trim(), locale: values.locale }))}
        noValidate
      >
        <Stack gap="md" maw={480}>
          <ErrorAlert error={save.error} />
          <TextInput label={t('fields.email')} value={me.email} readOnly variant="filled" />
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('account.roles')}
            </Text>
            <RoleBadges roles={me.roles} />
          </Group>
          <TextInput label={t('fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <Select
            label={t('account.language')}
            description={t('account.languageHint')}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <SubmitButton loading={save.isPending} disabled={!form.isDirty()} w="fit-content">
            {t('common.save')}
          </SubmitButton>
        </Stack>
      </form>
    </Card>
  );
}

const PasswordForm = ChangePasswordRequest.extend({ confirm: z.string() }).refine(
  (v) => v.newPassword === v.confirm,
  { error: 'passwordMismatch', path: ['confirm'] },
);

function PasswordCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: zodFormResolver(PasswordForm),
  });
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api('POST', '/me/password', { body }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['sessions'] });
      notifications.show({ color: 'mutua', message: t('account.passwordChanged') });
    },
    onError: (error) => showServerErrors(form, error),
  });
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="account-password"
    >
      <Title order={2} fz="h4" id="account-password" mb={4}>
        {t('account.password')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('account.passwordIntro')}
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
        )}
        noValidate
      >
        <Stack gap="md" maw={480}>
          <ErrorAlert error={change.error} />
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('fields.newPassword')}
            description={t('fields.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('fields.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <SubmitButton loading={change.isPending} w="fit-content">
            {t('account.changePassword')}
          </SubmitButton>
        </Stack>
      </form>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, { open, close }] = useDisclosure(false);
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => api<SessionView[]>('GET', '/me/sessions'),
  });
  const loggedOut = () => {
    setCsrfToken(null);
    queryClient.clear();
    queryClient.setQueryData(meQueryKey, null);
    navigate('/login', { replace: true });
  };
  const revoke = useMutation({
    mutationFn: (session: SessionView) => api('DELETE', `/me/sessions/${session.id}`),
    onSuccess: (_r, session) => {
      if (session.current) loggedOut();
      else void queryClient.invalidateQueries({ queryKey: ['sessions'] });
    },
  });
  const revokeAll = useMutation({
    mutationFn: () => api<{ ended: number }>('POST', '/me/sessions/revoke-all'),
    onSuccess: loggedOut,
  });
  return (
    <Card
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="account-sessions"
    >
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <div>
          <Title order={2} fz="h4" id="account-sessions" mb={4}>
            {t('account.sessions')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.sessionsIntro')}
          </Text>
        </div>
        <Button color="red" variant="light" leftSection={<IconLogout size={16} />} onClick={open}>
          {t('account.logoutEverywhere')}
        </Button>
      </Group>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      {sessions.isPending ? (
        <PageLoader />
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {(sessions.data ?? []).map((s) => {
            const device = describeUserAgent(s.userAgent) ?? t('account.unknownDevice');
            return (
              <Group
                key={s.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                py="sm"
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                <div style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {device}
                    </Text>
                    {s.current && (
                      <Badge size="sm" variant="light" color="mutua">
                        {t('account.thisSession')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('account.sessionDetails', {
                      address: s.ipAddress ?? '—',
                      opened: formatDateTime(s.createdAt),
                      seen: formatRelative(s.lastSeenAt),
                    })}
                  </Text>
                </div>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending && revoke.variables?.id === s.id}
                  onClick={() => revoke.mutate(s)}
                  aria-label={s.current ? undefined : t('account.endSessionOf', { device })}
                  style={{ flexShrink: 0 }}
                >
                  {s.current ? t('shell.logout') : t('account.endSession')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={close}
        title={t('account.logoutEverywhere')}
        message={t('account.logoutEverywhereConfirm')}
        confirmLabel={t('account.logoutEverywhere')}
        onConfirm={() => revokeAll.mutate()}
        pending={revokeAll.isPending}
        error={revokeAll.error}
      />
    </Card>
  );
}
