import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../core/people/people-schemas.ts';
import { api } from '../app/api-client.ts';
import { formatDate, formatRelative } from '../app/format.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RoleBadges } from '../ui/role-badges.tsx';

const statusColor: Record<InvitationView['status'], string> = {
  pending: 'blue',
  accepted: 'green',
  expired: 'gray',
  revoked: 'red',
};

export function InvitationsTable({ onInvite }: { onInvite: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<InvitationView | null>(null);
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => api<InvitationView[]>('GET', '/invitations'),
  });
  const withdraw = useMutation({
    mutationFn: (inv: InvitationView) => api('DELETE', `/invitations/${inv.id}`),
    onSuccess: (_r, inv) => {
      notifications.show({ color: 'mutua', message: t('people.withdrawn', { email: inv.email }) });
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      setWithdrawing(null);
    },
  });
  if (invitations.isPending) return <PageLoader />;
  if (invitations.error) return <ErrorAlert error={invitations.error} />;
  if (invitations.data.length === 0) {
    return (
      <EmptyState
        title={t('people.noInvitations')}
        action={<Button onClick={onInvite}>{t('people.invite')}</Button>}
      >
        {t('people.noInvitationsHint')}
      </EmptyState>
    );
  }
  return (
    <Stack gap="md">
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.invitee')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('people.roles')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('people.status')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('people.sentOn')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('people.expires')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.data.map((inv) => (
            <Table.Tr key={inv.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {inv.name}
                </Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {inv.email}
                </Text>
                <Stack gap={4} mt={4} hiddenFrom="sm">
                  <Group gap={4}>
                    <RoleBadges roles={inv.roles} />
                    <Badge variant="light" size="sm" color={statusColor[inv.status]}>
                      {t(`invitationStatus.${inv.status}`)}
                    </Badge>
                  </Group>
                  {inv.status === 'pending' && (
                    <Text size="xs" c="dimmed">
                      {t('people.expires')} {formatRelative(inv.expiresAt)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <RoleBadges roles={inv.roles} />
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Badge variant="light" size="sm" color={statusColor[inv.status]}>
                  {t(`invitationStatus.${inv.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDate(inv.createdAt)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm" title={formatDate(inv.expiresAt)}>
                  {inv.status === 'pending' ? formatRelative(inv.expiresAt) : '—'}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {inv.status === 'pending' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      withdraw.reset();
                      setWithdrawing(inv);
                    }}
                    aria-label={t('people.withdrawOf', { email: inv.email })}
                  >
                    {t('people.withdraw')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('people.withdrawTitle')}
        message={t('people.withdrawConfirm', { email: withdrawing?.email ?? '' })}
        confirmLabel={t('people.withdraw')}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing)}
        pending={withdraw.isPending}
        error={withdraw.error}
      />
    </Stack>
  );
}
