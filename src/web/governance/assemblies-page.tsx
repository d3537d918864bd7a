import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { type AssemblySummary, governanceApi, minutesUrl } from './governance-api.ts';
import { AssemblyStatusBadge } from './governance-badges.tsx';
import { useGovernanceTexts } from './use-governance-texts.ts';

/** General assemblies, latest first: those who run them prepare and chair; associates vote. */
export function AssembliesPage() {
  const { g } = useGovernanceTexts();
  const me = useCurrentPerson();
  const canManage = hasPermission(me, 'governance.manage');
  const list = useQuery({ queryKey: ['governance', 'assemblies'], queryFn: governanceApi.assemblies });
  if (list.isPending) return <PageLoader />;
  const items = list.data ?? [];
  return (
    <>
      <PageHeader
        title={g('assemblies.title')}
        description={g('assemblies.description')}
        actions={
          canManage ? (
            <Button
              component={Link}
              to="/governance/assemblies/new"
              leftSection={<IconCalendarPlus size={16} />}
            >
              {g('assemblies.prepare')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} />
      {items.length === 0 ? (
        <EmptyState title={g('assemblies.empty')}>
          {canManage ? g('assemblies.emptyManager') : g('assemblies.emptyMember')}
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {items.map((a) => (
            <AssemblyCard key={a.id} assembly={a} canManage={canManage} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}

function AssemblyCard({ assembly: a, canManage }: { assembly: AssemblySummary; canManage: boolean }) {
  const { g, day, relativeDay } = useGovernanceTexts();
  const live = a.status === 'convened' || a.status === 'inSession';
  return (
    <Card component="article" withBorder radius="md" padding="md" aria-label={a.title}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600}>{a.title}</Text>
          <AssemblyStatusBadge status={a.status} />
        </Group>
        <Text size="sm">
          {g(`assemblyType.${a.type}`)} · {g(`assemblyCall.${a.call}`)}
        </Text>
        <Text size="sm">
          {a.startsAt
            ? g('assemblies.when', { date: day(a.meetingOn), time: a.startsAt })
            : g('assemblies.on', { date: day(a.meetingOn) })}{' '}
          <Text span size="xs" c="dimmed">
            ({relativeDay(a.meetingOn)})
          </Text>
        </Text>
        {(a.place || a.onlineUrl) && (
          <Group gap={4} wrap="nowrap">
            <IconMapPin size={14} aria-hidden />
            <Text size="xs" c="dimmed" lineClamp={1}>
              {a.place || g('assemblies.online')}
            </Text>
          </Group>
        )}
        <Group gap="xs" mt="auto" pt="xs">
          {canManage && (
            <Button
              component={Link}
              to={`/governance/assemblies/${a.id}`}
              size="sm"
              variant={live ? 'filled' : 'light'}
            >
              {a.status === 'draft'
                ? g('assemblies.openPreparation')
                : live
                  ? g('assemblies.openChair')
                  : g('assemblies.openDetail')}
            </Button>
          )}
          {live && (
            <Button
              component={Link}
              to={`/governance/assemblies/${a.id}/vote`}
              size="sm"
              variant={canManage ? 'default' : 'filled'}
            >
              {g('assemblies.vote')}
            </Button>
          )}
          {a.status === 'closed' && (
            <Button component="a" href={minutesUrl(a.id)} target="_blank" size="sm" variant="default">
              {g('assemblies.minutes')}
            </Button>
          )}
          {!canManage && a.status === 'closed' && (
            <Button component={Link} to={`/governance/assemblies/${a.id}/vote`} size="sm" variant="subtle">
              {g('assemblies.results')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
