import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import { useMembersTexts } from './use-members-texts.ts';

const statusColor = { active: 'mutua', suspended: 'orange', closed: 'gray' } as const;

/** Activities with their code, members and status, each linking to its page. */
export function ActivitiesList({ items }: { items: ActivitySummary[] }) {
  const { m } = useMembersTexts();
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {m('activities.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m('activities.name')}</Table.Th>
            <Table.Th visibleFrom="sm">{m('activities.members')}</Table.Th>
            <Table.Th visibleFrom="sm">{m('activities.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/activities/${a.id}`} fw={600}>
                    {a.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {a.code}
                    {a.trade ? ` · ${a.trade}` : ''}
                  </Text>
                  <Text size="xs" hiddenFrom="sm">
                    {a.memberNames.join(', ')} · {m(`activityStatus.${a.status}`)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Group gap={4}>
                  {a.memberNames.length > 1 && (
                    <Badge variant="outline" size="sm" style={{ textTransform: 'none' }}>
                      {m('activities.group')}
                    </Badge>
                  )}
                  <Text size="sm">{a.memberNames.join(', ') || '—'}</Text>
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Badge color={statusColor[a.status]} variant="light" style={{ textTransform: 'none' }}>
                  {m(`activityStatus.${a.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
