import { Box, Group, Text, Tooltip } from '@mantine/core';
import { addDays, daysBetween, minDate } from '../../core/members/calendar-date.ts';
import type { JourneyView } from '../../core/members/member-schemas.ts';
import { stageColors } from './stage-badge.tsx';
import { useMembersTexts } from './use-members-texts.ts';

/**
 * The journey drawn over time: one band, a segment per stage, its width proportional to its length, with
 * a marker on today. Screen readers get the same periods as a list.
 */
export function StageBand({ journey }: { journey: JourneyView }) {
  const { m, day } = useMembersTexts();
  const periods = journey.stages.filter((p) => p.from !== null);
  if (periods.length === 0) return null;
  const start = periods[0]!.from!;
  const lastFrom = periods[periods.length - 1]!.from!;
  // Far enough ahead to show what is coming: the open deadlines (up to three years), or three months.
  const horizon = addDays(journey.today, 3 * 365);
  const upcoming = journey.deadlines
    .filter((d) => d.status === 'upcoming' || d.status === 'overdue')
    .map((d) => minDate(d.dueOn, horizon));
  const end = [
    addDays(journey.today, 90),
    addDays(lastFrom, 60),
    ...upcoming,
    ...periods.map((p) => p.to ?? start),
  ]
    .sort()
    .at(-1)!;
  const total = Math.max(1, daysBetween(start, end) + 1);
  const todayAt = Math.min(100, Math.max(0, (daysBetween(start, journey.today) / total) * 100));
  return (
    <Box>
      <Text size="sm" fw={600} mb={6} id="stage-band-title">
        {m('journey.stageBand')}
      </Text>
      <Box pos="relative" pb={22}>
        <Group
          gap={2}
          wrap="nowrap"
          h={30}
          role="list"
          aria-labelledby="stage-band-title"
          style={{ borderRadius: 6, overflow: 'hidden' }}
        >
          {periods.map((p) => {
            const to = p.to ?? end;
            const days = daysBetween(p.from!, to) + 1;
            const label = `${m(`stage.${p.stage}`)} · ${day(p.from)} → ${p.to ? day(p.to) : '…'}`;
            return (
              <Tooltip key={p.from} label={label} withArrow>
                <Box
                  role="listitem"
                  aria-label={label}
                  tabIndex={0}
                  h="100%"
                  bg={`var(--mantine-color-${stageColors[p.stage]}-${p.stage === 'exited' ? 6 : 2})`}
                  style={{
                    flex: `${days} 1 0`,
                    minWidth: 6,
                    display: 'flex',
                    alignItems: 'center',
                    overflow: 'hidden',
                  }}
                >
                  <Text
                    size="xs"
                    fw={600}
                    px={6}
                    truncate="end"
                    c={p.stage === 'exited' ? 'white' : 'dark'}
                    aria-hidden
                  >
                    {m(`stage.${p.stage}`)}
                  </Text>
                </Box>
              </Tooltip>
            );
          })}
        </Group>
        {journey.deadlines
          .filter(
            (d) => (d.status === 'upcoming' || d.status === 'overdue') && d.dueOn >= start && d.dueOn <= end,
          )
          .map((d) => (
            <Tooltip
              key={`${d.kind}-${d.contractId ?? ''}`}
              label={`${m(`deadline.${d.kind}`)} · ${day(d.dueOn)}`}
              withArrow
            >
              <Box
                pos="absolute"
                top={-6}
                left={`${(daysBetween(start, d.dueOn) / total) * 100}%`}
                w={12}
                h={12}
                bg={d.status === 'overdue' ? 'red.8' : 'dark.6'}
                aria-label={`${m(`deadline.${d.kind}`)} · ${day(d.dueOn)}`}
                role="img"
                style={{ transform: 'translateX(-6px) rotate(45deg)', border: '2px solid white' }}
              />
            </Tooltip>
          ))}
        <Box
          pos="absolute"
          top={-4}
          left={`${todayAt}%`}
          h={38}
          w={2}
          bg="red.8"
          aria-hidden
          style={{ transform: 'translateX(-1px)' }}
        />
        <Text
          pos="absolute"
          top={34}
          left={`${todayAt}%`}
          size="xs"
          c="red.9"
          fw={600}
          style={{
            transform: todayAt > 85 ? 'translateX(-100%)' : todayAt < 15 ? 'none' : 'translateX(-50%)',
            whiteSpace: 'nowrap',
          }}
        >
          {m('journey.today')} · {day(journey.today)}
        </Text>
      </Box>
      <Group justify="space-between" mt={2}>
        <Text size="xs" c="dimmed">
          {day(start)}
        </Text>
        <Text size="xs" c="dimmed">
          {day(end)}
        </Text>
      </Group>
    </Box>
  );
}
