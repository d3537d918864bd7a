import { Anchor, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ActivitiesList } from './activities-list.tsx';
import { JourneyPanel } from './journey-panel.tsx';
import { MemberFileForm } from './member-file-form.tsx';
import { membersApi } from './members-api.ts';
import { RestrictedDataPanel } from './restricted-data-panel.tsx';
import { StageBadge } from './stage-badge.tsx';
import { useMembersTexts } from './use-members-texts.ts';

const tabs = ['journey', 'file', 'restricted', 'activities'] as const;

/** A member: the journey drawn as a timeline with its deadlines, the file, social data, activities. */
export function MemberPage() {
  const { m } = useMembersTexts();
  const { id = '' } = useParams();
  const me = useCurrentPerson();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'journey';
  const file = useQuery({ queryKey: ['member', id, 'file'], queryFn: () => membersApi.get(id) });
  const journey = useQuery({ queryKey: ['member', id, 'journey'], queryFn: () => membersApi.journey(id) });
  const activities = useQuery({
    queryKey: ['member', id, 'activities'],
    queryFn: () => membersApi.activities(id),
    enabled: tab === 'activities',
  });
  const canManage = hasPermission(me, 'members.manage');
  const self = file.data?.userId === me.id;
  const canSeeRestricted = self || hasPermission(me, 'members.restricted.read');
  const back = (
    <Anchor component={Link} to="/members" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {m('member.back')}
      </Group>
    </Anchor>
  );
  if (file.isPending) return <PageLoader />;
  if (file.error)
    return (
      <Stack>
        {back}
        {file.error instanceof ApiError && file.error.status === 404 ? (
          <EmptyState title={m('member.notFound')} />
        ) : (
          <ErrorAlert error={file.error} />
        )}
      </Stack>
    );
  const member = file.data;
  return (
    <>
      {back}
      <PageHeader
        title={member.displayName}
        description={
          <Group gap="xs" component="span" wrap="wrap">
            <StageBadge stage={member.stage} size="md" />
            <Text size="sm" component="span">
              {member.referent
                ? m('member.referent', { name: member.referent.name })
                : m('member.noReferentYet')}
            </Text>
            <Badge
              variant="outline"
              color={member.userId ? 'mutua' : 'gray'}
              style={{ textTransform: 'none' }}
            >
              {member.userId ? m('member.account') : m('member.noAccount')}
            </Badge>
          </Group>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (!v || v === 'journey') next.delete('tab');
              else next.set('tab', v);
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="journey">{m('member.tabJourney')}</Tabs.Tab>
          <Tabs.Tab value="file">{m('member.tabFile')}</Tabs.Tab>
          {canSeeRestricted && <Tabs.Tab value="restricted">{m('member.tabRestricted')}</Tabs.Tab>}
          <Tabs.Tab value="activities">{m('member.tabActivities')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="journey">
          <ErrorAlert error={journey.error} />
          {journey.data ? (
            <JourneyPanel memberId={id} journey={journey.data} canManage={canManage} />
          ) : (
            <PageLoader />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="file">
          <MemberFileForm member={member} mode={canManage ? 'staff' : self ? 'self' : 'read'} />
        </Tabs.Panel>
        {canSeeRestricted && (
          <Tabs.Panel value="restricted">
            <RestrictedDataPanel
              memberId={self ? 'mine' : id}
              canEdit={self || (canManage && hasPermission(me, 'members.restricted.read'))}
            />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="activities">
          <ErrorAlert error={activities.error} />
          {activities.data ? <ActivitiesList items={activities.data.items} /> : <PageLoader />}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
