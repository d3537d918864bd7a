import { Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { JourneyView } from '../../core/members/member-schemas.ts';
import { api } from '../app/api-client.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { AddJourneyEntryModal } from './add-journey-entry-modal.tsx';
import { DeadlinesTable } from './deadlines-table.tsx';
import { JourneyTimeline } from './journey-timeline.tsx';
import { StageBand } from './stage-band.tsx';
import { useMembersTexts } from './use-members-texts.ts';

/** A member's journey for support staff: the stage band, the timeline, the deadlines; recording and undoing. */
export function JourneyPanel({
  memberId,
  journey,
  canManage,
}: {
  memberId: string;
  journey: JourneyView;
  canManage: boolean;
}) {
  const { m, euros } = useMembersTexts();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  const remove = useMutation({
    mutationFn: (entryId: string) => api('DELETE', `/members/${memberId}/journey/${entryId}`),
    onSuccess: () => {
      notifications.show({ color: 'mutua', message: m('journey.deleted') });
      void queryClient.invalidateQueries({ queryKey: ['member', memberId] });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      setDeleting(null);
    },
  });
  return (
    <Stack gap="lg">
      {journey.entries.length > 0 && (
        <Paper withBorder p="md">
          <StageBand journey={journey} />
          {journey.fixedMonthlyCents !== null && (
            <Text size="sm" mt="xs">
              {m('journey.fixedNow', { fixed: euros(journey.fixedMonthlyCents) })}
            </Text>
          )}
        </Paper>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 2, md: 1 }}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {m('journey.events')}
            </Title>
            {canManage && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
                {m('journey.add')}
              </Button>
            )}
          </Group>
          {journey.entries.length === 0 ? (
            <EmptyState title={m('journey.noEvents')}>
              {canManage ? m('journey.noEventsHint') : null}
            </EmptyState>
          ) : (
            <JourneyTimeline
              journey={journey}
              onDelete={canManage ? (id, title) => setDeleting({ id, title }) : undefined}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 1, md: 2 }}>
          <Title order={2} size="h4" mb="sm">
            {m('journey.deadlines')}
          </Title>
          <DeadlinesTable journey={journey} />
        </Grid.Col>
      </Grid>
      {canManage && (
        <>
          <AddJourneyEntryModal
            memberId={memberId}
            journey={journey}
            opened={adding}
            onClose={() => setAdding(false)}
          />
          <ConfirmModal
            opened={deleting !== null}
            onClose={() => {
              remove.reset();
              setDeleting(null);
            }}
            title={m('journey.deleteTitle')}
            message={`${deleting?.title ?? ''} — ${m('journey.deleteBody')}`}
            confirmLabel={m('journey.delete')}
            onConfirm={() => deleting && remove.mutate(deleting.id)}
            pending={remove.isPending}
            error={remove.error}
          />
        </>
      )}
    </Stack>
  );
}
