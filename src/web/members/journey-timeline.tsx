import { ActionIcon, Text, Timeline, Tooltip } from '@mantine/core';
import {
  IconCalendarEvent,
  IconDoorExit,
  IconFileCertificate,
  IconFilePlus,
  IconHandStop,
  IconMessages,
  IconTrash,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { JourneyView } from '../../core/members/member-schemas.ts';
import { describeEntry } from './describe-entry.ts';
import { useMembersTexts } from './use-members-texts.ts';

const icons = {
  information_meeting: IconCalendarEvent,
  intake_interview: IconMessages,
  support_agreement: IconFileCertificate,
  support_interview: IconMessages,
  cape: IconFileCertificate,
  cape_renewal: IconFilePlus,
  cesa: IconFileCertificate,
  cesa_amendment: IconFilePlus,
  contract_end: IconHandStop,
  associate: IconUsersGroup,
  exit: IconDoorExit,
} as const;

/** The events and contracts of a journey, oldest first; what is still to come is drawn lighter. */
export function JourneyTimeline({
  journey,
  onDelete,
}: {
  journey: JourneyView;
  onDelete?: (entryId: string, title: string) => void;
}) {
  const texts = useMembersTexts();
  const described = journey.entries.map((e) => ({ e, ...describeEntry(e, texts) }));
  const active = described.filter((d) => d.date <= journey.today).length - 1;
  return (
    <Timeline active={active} bulletSize={26} lineWidth={2} color="mutua">
      {described.map(({ e, title, detail, date }) => {
        const Icon = icons[e.kind];
        return (
          <Timeline.Item
            key={e.id}
            bullet={<Icon size={14} aria-hidden />}
            title={
              <Text fw={600} size="sm" component="span">
                {title}
                {onDelete && (
                  <Tooltip label={texts.m('journey.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      ml={6}
                      aria-label={`${texts.m('journey.delete')} : ${title}`}
                      onClick={() => onDelete(e.id, title)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Text>
            }
            lineVariant={date > journey.today ? 'dashed' : 'solid'}
          >
            <Text size="xs" c="dimmed">
              {texts.day(date)}
            </Text>
            {detail && <Text size="sm">{detail}</Text>}
            {e.note && (
              <Text size="sm" c="dimmed" fs="italic">
                {e.note}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
