import { Alert, Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { daysBetween } from '../../core/members/calendar-date.ts';
import type { JourneyView } from '../../core/members/member-schemas.ts';
import { ApiError } from '../app/api-client.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ActivitiesList } from './activities-list.tsx';
import { JourneyTimeline } from './journey-timeline.tsx';
import { membersApi } from './members-api.ts';
import { StageBadge } from './stage-badge.tsx';
import { StageBand } from './stage-band.tsx';
import { useMembersTexts } from './use-members-texts.ts';

/** A next step in plain French, with its date and how far it is. */
function stepText(step: JourneyView['nextSteps'][number], texts: ReturnType<typeof useMembersTexts>): string {
  const { m, day } = texts;
  const date = day(step.dueOn);
  if (step.code === 'cape_term') {
    const left = Number(step.details.renewalsLeft ?? 0);
    return left > 0
      ? m('step.cape_term', { date, count: left, latest: day(String(step.details.latestPossibleEnd)) })
      : m('step.cape_term_last', { date });
  }
  return m(`step.${step.code}`, { date });
}

/** "Mon parcours": where the member stands, their next steps in plain words, and the road so far. */
export function MyJourneyPage() {
  const texts = useMembersTexts();
  const { m, days } = texts;
  const file = useQuery({ queryKey: ['my-member'], queryFn: membersApi.mine });
  const journey = useQuery({ queryKey: ['my-member', 'journey'], queryFn: membersApi.myJourney });
  const activities = useQuery({ queryKey: ['my-member', 'activities'], queryFn: membersApi.myActivities });
  const header = <PageHeader title={m('myJourney.title')} description={m('myJourney.description')} />;
  if (journey.isPending || file.isPending) return <PageLoader />;
  if (journey.error instanceof ApiError && journey.error.status === 404)
    return (
      <>
        {header}
        <EmptyState title={m('myJourney.noFile')}>{m('myJourney.noFileHint')}</EmptyState>
      </>
    );
  if (!journey.data)
    return (
      <>
        {header}
        <ErrorAlert error={journey.error} />
      </>
    );
  const j = journey.data;
  return (
    <>
      {header}
      <Stack gap="lg">
        <Group gap="sm">
          <Text fw={600}>{m('myJourney.where', { stage: '' })}</Text>
          <StageBadge stage={j.stage} size="lg" />
        </Group>
        {file.data?.referent && (
          <Text size="sm" c="dimmed">
            {m('myJourney.contact', { name: file.data.referent.name })}
          </Text>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {m('myJourney.next')}
          </Title>
          {j.nextSteps.length === 0 ? (
            <Text size="sm">{m('myJourney.nothing')}</Text>
          ) : (
            <List
              spacing="md"
              center={false}
              icon={
                <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
                  <IconArrowRight size={14} />
                </ThemeIcon>
              }
            >
              {j.nextSteps.map((step) => (
                <List.Item
                  key={`${step.code}-${step.dueOn ?? ''}`}
                  icon={
                    step.overdue ? (
                      <ThemeIcon size={22} radius="xl" color="red" aria-hidden>
                        <IconAlertTriangle size={14} />
                      </ThemeIcon>
                    ) : undefined
                  }
                >
                  <Stack gap={4}>
                    <Text size="sm">{stepText(step, texts)}</Text>
                    {step.dueOn && (
                      <Group gap="xs">
                        <Badge
                          color={step.overdue ? 'red' : 'gray'}
                          variant={step.overdue ? 'filled' : 'light'}
                          style={{ textTransform: 'none' }}
                        >
                          {step.overdue ? `${m('myJourney.late')} · ` : ''}
                          {days(daysBetween(j.today, step.dueOn))}
                        </Badge>
                        {step.citation && (
                          <Text size="xs" c="dimmed">
                            {step.citation}
                          </Text>
                        )}
                      </Group>
                    )}
                  </Stack>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        {j.entries.length > 0 && (
          <Paper withBorder p="md">
            <StageBand journey={j} />
          </Paper>
        )}
        <Title order={2} size="h4">
          {m('myJourney.history')}
        </Title>
        {j.entries.length === 0 ? (
          <Alert color="gray">{m('journey.noEvents')}</Alert>
        ) : (
          <JourneyTimeline journey={j} />
        )}
        {activities.data && activities.data.items.length > 0 && (
          <>
            <Title order={2} size="h4">
              {m('activities.mine')}
            </Title>
            <ActivitiesList items={activities.data.items} />
          </>
        )}
      </Stack>
    </>
  );
}
