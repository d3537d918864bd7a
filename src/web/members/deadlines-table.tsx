import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { JourneyView } from '../../core/members/member-schemas.ts';
import { DeadlineBadge } from './deadline-badge.tsx';
import { useMembersTexts } from './use-members-texts.ts';

const statusColor = { upcoming: 'blue', overdue: 'red', met: 'mutua', closed: 'gray' } as const;

/** The legal deadlines of a journey with their status and the text they come from; open ones first. */
export function DeadlinesTable({ journey }: { journey: JourneyView }) {
  const { m, day } = useMembersTexts();
  if (journey.deadlines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {m('journey.noDeadline')}
      </Text>
    );
  const detail = (d: JourneyView['deadlines'][number]) => {
    const x = d.details;
    const parts: string[] = [];
    if (d.kind === 'cape_term')
      parts.push(
        m('journey.renewalsLeft', {
          count: Number(x.renewalsLeft),
          latest: day(String(x.latestPossibleEnd)),
        }),
      );
    if (d.kind === 'trial_end') parts.push(m('journey.maxTrial', { date: day(String(x.maxTrialEnd)) }));
    if ((d.kind === 'trial_end' || d.kind === 'associate') && Number(x.priorDays) > 0)
      parts.push(m('journey.priorDays', { count: Number(x.priorDays) }));
    if (d.kind === 'support_interview' && x.lastInterviewOn)
      parts.push(m('journey.lastInterview', { date: day(String(x.lastInterviewOn)) }));
    return parts.join(' · ');
  };
  const open = (s: string) => s === 'upcoming' || s === 'overdue';
  const sorted = [...journey.deadlines].sort((a, b) => Number(open(b.status)) - Number(open(a.status)));
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {sorted.map((d) => (
        <Paper
          key={`${d.kind}-${d.contractId ?? ''}`}
          component="li"
          withBorder
          p="sm"
          radius="md"
          style={d.status === 'overdue' ? { borderColor: 'var(--mantine-color-red-7)' } : undefined}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600}>
              {m(`deadline.${d.kind}`)}
            </Text>
            <Badge
              color={statusColor[d.status]}
              variant="light"
              style={{ textTransform: 'none', flexShrink: 0 }}
            >
              {m(`deadlineStatus.${d.status}`)}
            </Badge>
          </Group>
          <Group gap="xs" mt={4} wrap="wrap">
            <DeadlineBadge dueOn={d.dueOn} daysLeft={d.daysLeft} done={!open(d.status)} />
            <Text size="xs" c="dimmed">
              {d.citation}
            </Text>
          </Group>
          {open(d.status) && detail(d) && (
            <Text size="xs" c="dimmed" mt={4}>
              {detail(d)}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
