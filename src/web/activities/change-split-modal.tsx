import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivityView } from '../../core/activities/activity-schemas.ts';
import type { MemberSummary } from '../../core/members/member-schemas.ts';
import { api, queryString } from '../app/api-client.ts';
import { localToday } from '../members/format-day.ts';
import { useMembersTexts } from '../members/use-members-texts.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';

type Row = { memberId: string | null; label: string; percent: number | string };

/** A new split of an activity between its members from a date; the shares add up to 100 %. */
export function ChangeSplitModal({
  activity,
  opened,
  onClose,
}: {
  activity: ActivityView;
  opened: boolean;
  onClose: () => void;
}) {
  const { m, t } = useMembersTexts();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState(localToday());
  const [rows, setRows] = useState<Row[]>(() =>
    activity.members.map((x) => ({ memberId: x.memberId, label: x.displayName, percent: x.shareBp / 100 })),
  );
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useQuery({
    queryKey: ['members', 'pick', debounced],
    queryFn: () =>
      api<{ items: MemberSummary[] }>('GET', `/members${queryString({ q: debounced, pageSize: 20 })}`),
    enabled: opened,
  });
  const totalBp = rows.reduce((n, r) => n + Math.round(Number(r.percent || 0) * 100), 0);
  const save = useMutation({
    mutationFn: () =>
      api<ActivityView>('PUT', `/activities/${activity.id}/members`, {
        body: {
          from,
          shares: rows
            .filter((r) => r.memberId)
            .map((r) => ({ memberId: r.memberId, shareBp: Math.round(Number(r.percent) * 100) })),
        },
      }),
    onSuccess: (saved) => {
      notifications.show({ color: 'mutua', message: m('activities.saved') });
      queryClient.setQueryData(['activity', activity.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      onClose();
    },
  });
  const options = (found.data?.items ?? [])
    .filter((p) => !rows.some((r) => r.memberId === p.id))
    .map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <Modal opened={opened} onClose={onClose} title={m('activities.splitTitle')} size="lg">
      <Stack gap="md">
        <ErrorAlert error={save.error} />
        <Text size="sm" c="dimmed">
          {m('activities.splitHint')}
        </Text>
        <TextInput
          type="date"
          label={m('activities.splitFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={200}
        />
        {rows.map((r, i) => (
          <Group key={r.memberId ?? i} align="flex-end" wrap="nowrap">
            <TextInput label={m('activities.member')} value={r.label} readOnly style={{ flex: 1 }} />
            <NumberInput
              label={m('activities.share')}
              suffix=" %"
              min={0.01}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              value={r.percent}
              onChange={(v) => setRows(rows.map((x, k) => (k === i ? { ...x, percent: v } : x)))}
              w={120}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={4}
              aria-label={`${m('activities.remove')} ${r.label}`}
              onClick={() => setRows(rows.filter((_, k) => k !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Select
          label={m('activities.addMember')}
          placeholder={m('list.searchPlaceholder')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={null}
          onChange={(v) => {
            const p = found.data?.items.find((x) => x.id === v);
            if (p) setRows([...rows, { memberId: p.id, label: p.displayName, percent: 0 }]);
            setSearch('');
          }}
          leftSection={<IconPlus size={14} />}
          nothingFoundMessage="—"
        />
        <Group justify="space-between">
          <Text fw={600} c={totalBp === 10_000 ? 'mutua.8' : 'red.8'} aria-live="polite">
            {m('activities.total', { total: (totalBp / 100).toLocaleString('fr-FR') })}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={rows.length === 0}>
              {m('activities.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
