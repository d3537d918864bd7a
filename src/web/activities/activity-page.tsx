import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ActivityView, activityStatuses } from '../../core/activities/activity-schemas.ts';
import { ApiError, api } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { membersApi } from '../members/members-api.ts';
import { useMembersTexts } from '../members/use-members-texts.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ChangeSplitModal } from './change-split-modal.tsx';

const percent = (bp: number) => `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`;

/** An activity: identity, referent, members and dated shares (a cooperative group when several). */
export function ActivityPage() {
  const { m, day } = useMembersTexts();
  const { id = '' } = useParams();
  const me = useCurrentPerson();
  const queryClient = useQueryClient();
  const [splitting, setSplitting] = useState(false);
  const activity = useQuery({ queryKey: ['activity', id], queryFn: () => membersApi.activity(id) });
  const canManage = hasPermission(me, 'activities.manage');
  const setStatus = useMutation({
    mutationFn: (status: string) => api<ActivityView>('PATCH', `/activities/${id}`, { body: { status } }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['activity', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifications.show({ color: 'mutua', message: m('activities.saved') });
    },
  });
  const back = (
    <Anchor
      component={Link}
      to={hasPermission(me, 'activities.read') ? '/activities' : '/me/journey'}
      size="sm"
    >
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {hasPermission(me, 'activities.read') ? m('activities.back') : m('myJourney.title')}
      </Group>
    </Anchor>
  );
  if (activity.isPending) return <PageLoader />;
  if (activity.error)
    return (
      <Stack>
        {back}
        {activity.error instanceof ApiError && activity.error.status === 404 ? (
          <EmptyState title={m('activities.notFound')} />
        ) : (
          <ErrorAlert error={activity.error} />
        )}
      </Stack>
    );
  const a = activity.data;
  const facts: [string, string][] = [
    [m('activities.code'), a.code],
    [m('activities.kind'), m(`activityKind.${a.kind}`)],
    [m('activities.brand'), a.brand || '—'],
    [m('activities.trade'), a.trade || '—'],
    [m('activities.nafCode'), a.nafCode ?? '—'],
    [m('activities.referent'), a.referent?.name ?? '—'],
  ];
  return (
    <>
      {back}
      <PageHeader
        title={a.name}
        description={
          <Group gap="xs" component="span">
            <Badge
              variant="light"
              color={a.status === 'active' ? 'mutua' : a.status === 'suspended' ? 'orange' : 'gray'}
              style={{ textTransform: 'none' }}
            >
              {m(`activityStatus.${a.status}`)}
            </Badge>
            {a.kind === 'member' && (
              <Badge
                variant="outline"
                leftSection={a.isGroup ? <IconUsersGroup size={12} /> : undefined}
                style={{ textTransform: 'none' }}
              >
                {a.isGroup ? m('activities.group') : m('activities.alone')}
              </Badge>
            )}
          </Group>
        }
        actions={
          canManage ? (
            <Select
              aria-label={m('activities.setStatus')}
              data={activityStatuses.map((s) => ({ value: s, label: m(`activityStatus.${s}`) }))}
              value={a.status}
              onChange={(v) => v && v !== a.status && setStatus.mutate(v)}
              allowDeselect={false}
              w={160}
            />
          ) : null
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={setStatus.error} />
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {facts.map(([label, value]) => (
              <Stack key={label} gap={0}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text fw={500} ff={label === m('activities.code') ? 'monospace' : undefined}>
                  {value}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Paper>
        {a.kind === 'member' && (
          <Paper withBorder p="md">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {m('activities.current')}
              </Title>
              {canManage && (
                <Button size="xs" variant="light" onClick={() => setSplitting(true)}>
                  {m('activities.changeSplit')}
                </Button>
              )}
            </Group>
            {a.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {m('activities.noMembers')}
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {a.members.map((x) => (
                    <Table.Tr key={x.memberId}>
                      <Table.Td>
                        {hasPermission(me, 'members.read') ? (
                          <Anchor component={Link} to={`/members/${x.memberId}`}>
                            {x.displayName}
                          </Anchor>
                        ) : (
                          x.displayName
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} fw={600}>
                        {percent(x.shareBp)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {a.history.length > a.members.length && (
              <>
                <Title order={3} size="h5" mt="md" mb="xs">
                  {m('activities.history')}
                </Title>
                <Table.ScrollContainer minWidth={420}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{m('activities.member')}</Table.Th>
                        <Table.Th>{m('activities.from')}</Table.Th>
                        <Table.Th>{m('activities.to')}</Table.Th>
                        <Table.Th ta="right">{m('activities.share')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {a.history.map((h) => (
                        <Table.Tr key={`${h.memberId}-${h.from}`}>
                          <Table.Td>{h.displayName}</Table.Td>
                          <Table.Td>{day(h.from)}</Table.Td>
                          <Table.Td>{h.to ? day(h.to) : m('activities.ongoing')}</Table.Td>
                          <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {percent(h.shareBp)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Paper>
        )}
      </Stack>
      {canManage && splitting && <ChangeSplitModal activity={a} opened onClose={() => setSplitting(false)} />}
    </>
  );
}
