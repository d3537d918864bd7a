import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../app/api-client.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { governanceApi, type Settings } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

type Editable = Pick<
  Settings['settings'],
  'proxyCap' | 'remoteAttendance' | 'postalVoting' | 'nominalCents' | 'minimumShares' | 'refundYears'
> & { noticeFirst: number; noticeSecond: number };

/**
 * The statutes' governance rules: the quorums and majorities per assembly type and call (legal defaults
 * for the legal form), and what the statutes set — notice delays, proxy cap, remote attendance, postal
 * voting, share value, minimum shares, refund delay. The server refuses anything looser than the law.
 */
export function GovernanceSettingsPage() {
  const { g, euros, majority } = useGovernanceTexts();
  const me = useCurrentPerson();
  const canManage = hasPermission(me, 'governance.manage');
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['governance', 'settings'], queryFn: governanceApi.settings });
  const [form, setForm] = useState<Editable | null>(null);
  useEffect(() => {
    const s = settings.data?.settings;
    if (s)
      setForm({
        proxyCap: s.proxyCap,
        remoteAttendance: s.remoteAttendance,
        postalVoting: s.postalVoting,
        nominalCents: s.nominalCents,
        minimumShares: s.minimumShares,
        refundYears: s.refundYears,
        noticeFirst: s.noticeDays.first,
        noticeSecond: s.noticeDays.second,
      });
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => {
      const s = settings.data!.settings;
      const f = form!;
      return api('PUT', '/governance/settings', {
        body: {
          ...s,
          noticeDays: { first: f.noticeFirst, second: f.noticeSecond },
          proxyCap: f.proxyCap,
          remoteAttendance: f.remoteAttendance,
          postalVoting: f.postalVoting,
          nominalCents: f.nominalCents,
          minimumShares: f.minimumShares,
          refundYears: f.refundYears,
        },
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      notifications.show({ color: 'mutua', message: g('settings.saved') });
    },
  });
  if (settings.isPending || !form) return <PageLoader />;
  const s = settings.data!.settings;
  const set = <K extends keyof Editable>(k: K, v: Editable[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  const num = (v: number | string, fallback: number) => (typeof v === 'number' ? v : Number(v) || fallback);
  return (
    <>
      <PageHeader
        title={g('settings.title')}
        description={g('settings.description', { form: settings.data!.legalForm })}
      />
      <Stack gap="xl" maw={900}>
        <ErrorAlert error={settings.error} />
        <Stack gap="xs">
          <Title order={2} size="h4">
            {g('settings.rules')}
          </Title>
          <Table.ScrollContainer minWidth={620}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{g('settings.assembly')}</Table.Th>
                  <Table.Th>{g('settings.quorum')}</Table.Th>
                  <Table.Th>{g('settings.majority')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(['ordinary', 'extraordinary'] as const).flatMap((type) =>
                  (['first', 'second'] as const).map((call) => {
                    const r = s.rules[type][call];
                    return (
                      <Table.Tr key={`${type}-${call}`}>
                        <Table.Td>
                          {g(`assemblyType.${type}`)}, {g(`assemblyCall.${call}`)}
                        </Table.Td>
                        <Table.Td>
                          {r.quorum.fraction.num === 0
                            ? g('live.noQuorum')
                            : `${r.quorum.fraction.num}/${r.quorum.fraction.den}`}
                        </Table.Td>
                        <Table.Td>{majority(r.majority)}</Table.Td>
                      </Table.Tr>
                    );
                  }),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed">
            {g('settings.rulesHint')}
          </Text>
        </Stack>
        <Paper withBorder p="md" radius="md">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate();
            }}
          >
            <Stack gap="sm">
              <Title order={2} size="h4">
                {g('settings.statutes')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberInput
                  label={g('settings.noticeFirst')}
                  min={15}
                  max={365}
                  allowDecimal={false}
                  value={form.noticeFirst}
                  onChange={(v) => set('noticeFirst', num(v, 15))}
                  disabled={!canManage}
                />
                <NumberInput
                  label={g('settings.noticeSecond')}
                  min={10}
                  max={365}
                  allowDecimal={false}
                  value={form.noticeSecond}
                  onChange={(v) => set('noticeSecond', num(v, 10))}
                  disabled={!canManage}
                />
                <NumberInput
                  label={g('settings.proxyCap')}
                  description={g('settings.proxyCapHint')}
                  min={1}
                  allowDecimal={false}
                  value={form.proxyCap ?? ''}
                  onChange={(v) => set('proxyCap', v === '' ? null : num(v, 1))}
                  disabled={!canManage}
                />
                <NumberInput
                  label={g('settings.nominal')}
                  description={g('settings.nominalHint', { value: euros(form.nominalCents) })}
                  min={0.01}
                  decimalScale={2}
                  value={form.nominalCents / 100}
                  onChange={(v) => set('nominalCents', Math.round(num(v, 0) * 100))}
                  disabled={!canManage}
                />
                <NumberInput
                  label={g('settings.minimumShares')}
                  min={1}
                  allowDecimal={false}
                  value={form.minimumShares}
                  onChange={(v) => set('minimumShares', num(v, 1))}
                  disabled={!canManage}
                />
                <NumberInput
                  label={g('settings.refundYears')}
                  min={1}
                  max={5}
                  allowDecimal={false}
                  value={form.refundYears}
                  onChange={(v) => set('refundYears', num(v, 5))}
                  disabled={!canManage}
                />
              </SimpleGrid>
              <Switch
                label={g('settings.remote')}
                checked={form.remoteAttendance}
                onChange={(e) => set('remoteAttendance', e.currentTarget.checked)}
                disabled={!canManage}
              />
              <Switch
                label={g('settings.postal')}
                checked={form.postalVoting}
                onChange={(e) => set('postalVoting', e.currentTarget.checked)}
                disabled={!canManage}
              />
              <ErrorAlert error={save.error} />
              {canManage && (
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {g('settings.save')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Paper>
      </Stack>
    </>
  );
}
