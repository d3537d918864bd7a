import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ActivitySummary } from '../../core/activities/activity-schemas.ts';
import type { ExemptionView, PolicyVersionView } from '../../core/contribution/contribution-views.ts';
import type { MemberSummary } from '../../core/members/member-schemas.ts';
import { api } from '../app/api-client.ts';
import { hasPermission, useMe } from '../app/use-me.ts';
import { Amount } from '../ledger/amount.tsx';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { contributionApi } from './contribution-api.ts';
import { useContributionTexts } from './use-contribution-texts.ts';

type Form = {
  validFrom: string;
  validTo: string;
  base: 'collected' | 'invoiced' | 'gross_margin';
  marginAccounts: string[];
  brackets: { from: number; rate: number }[];
  fee: number;
  capeMode: 'same' | 'exempt' | 'custom';
  capeRate: number;
  capeFee: number;
  fundId: string | null;
  fundShare: number;
  note: string;
};

const toCents = (euros: number) => Math.round(euros * 100);
const toBp = (percent: number) => Math.round(percent * 100);

function formOf(v: PolicyVersionView | null, nextMonth: string): Form {
  if (!v)
    return {
      validFrom: nextMonth,
      validTo: '',
      base: 'gross_margin',
      marginAccounts: ['601', '604', '607', '611'],
      brackets: [{ from: 0, rate: 13.5 }],
      fee: 30,
      capeMode: 'same',
      capeRate: 0,
      capeFee: 0,
      fundId: null,
      fundShare: 0,
      note: '',
    };
  const p = v.policy;
  return {
    validFrom: v.validFrom.slice(0, 7),
    validTo: v.validTo ?? '',
    base: p.base,
    marginAccounts: p.marginPurchaseAccounts,
    brackets: p.schedule.brackets.map((b) => ({ from: b.fromCents / 100, rate: b.rateBp / 100 })),
    fee: p.schedule.monthlyFeeCents / 100,
    capeMode: p.cape.mode,
    capeRate: p.cape.mode === 'custom' ? (p.cape.schedule.brackets[0]?.rateBp ?? 0) / 100 : 0,
    capeFee: p.cape.mode === 'custom' ? p.cape.schedule.monthlyFeeCents / 100 : 0,
    fundId: p.split[0]?.activityId ?? null,
    fundShare: (p.split[0]?.shareBp ?? 0) / 100,
    note: v.note,
  };
}

function bodyOf(f: Form, keepOverrides: PolicyVersionView['policy']['overrides']) {
  return {
    validFrom: `${f.validFrom}-01`,
    validTo: f.validTo || null,
    note: f.note,
    policy: {
      base: f.base,
      marginPurchaseAccounts: f.base === 'gross_margin' ? f.marginAccounts : [],
      schedule: {
        brackets: f.brackets.map((b) => ({ fromCents: toCents(b.from), rateBp: toBp(b.rate) })),
        monthlyFeeCents: toCents(f.fee),
      },
      cape:
        f.capeMode === 'custom'
          ? {
              mode: 'custom',
              schedule: {
                brackets: [{ fromCents: 0, rateBp: toBp(f.capeRate) }],
                monthlyFeeCents: toCents(f.capeFee),
              },
            }
          : { mode: f.capeMode },
      overrides: keepOverrides,
      split: f.fundId && f.fundShare > 0 ? [{ activityId: f.fundId, shareBp: toBp(f.fundShare) }] : [],
    },
  };
}

/** The form of a new version (or of a version not yet in force). */
function VersionForm({
  initial,
  editing,
  onDone,
}: {
  initial: PolicyVersionView | null;
  editing: PolicyVersionView | null;
  onDone: () => void;
}) {
  const { c } = useContributionTexts();
  const client = useQueryClient();
  const today = new Date();
  const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 7);
  // A new version starts from the latest one's settings, on the first of next month.
  const [f, setF] = useState<Form>(() => ({
    ...formOf(editing ?? initial, next),
    ...(editing ? {} : { validFrom: next, validTo: '' }),
  }));
  const set = (patch: Partial<Form>) => setF((x) => ({ ...x, ...patch }));
  const funds = useQuery({
    queryKey: ['activities', 'funds'],
    queryFn: () => api<{ items: ActivitySummary[] }>('GET', '/activities?kind=fund&pageSize=200'),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = bodyOf(f, (editing ?? initial)?.policy.overrides ?? []);
      if (editing) {
        const { validFrom: _from, ...rest } = body;
        return contributionApi.updateVersion(editing.id, rest);
      }
      return contributionApi.createVersion(body);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: c('policy.saved') });
      await client.invalidateQueries({ queryKey: ['contribution', 'versions'] });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="month"
            label={c('policy.validFrom')}
            value={f.validFrom}
            disabled={Boolean(editing)}
            onChange={(e) => set({ validFrom: e.currentTarget.value })}
            required
          />
          <TextInput
            type="date"
            label={c('policy.validTo')}
            value={f.validTo}
            onChange={(e) => set({ validTo: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Select
          label={c('policy.base')}
          value={f.base}
          allowDeselect={false}
          onChange={(v) => v && set({ base: v as Form['base'] })}
          data={(['collected', 'invoiced', 'gross_margin'] as const).map((b) => ({
            value: b,
            label: c(`explanation.bases.${b}`),
          }))}
        />
        {f.base === 'gross_margin' && (
          <TagsInput
            label={c('policy.marginAccounts')}
            description={c('policy.marginAccountsHint')}
            value={f.marginAccounts}
            onChange={(v) => set({ marginAccounts: v })}
          />
        )}
        <Text fw={600} size="sm">
          {c('policy.brackets')}
        </Text>
        {f.brackets.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
          <Group key={i} align="flex-end" wrap="nowrap">
            <NumberInput
              label={c('policy.bracketFrom')}
              value={b.from}
              min={0}
              decimalScale={2}
              disabled={i === 0}
              onChange={(v) =>
                set({ brackets: f.brackets.map((x, j) => (j === i ? { ...x, from: Number(v) } : x)) })
              }
              style={{ flex: 1 }}
            />
            <NumberInput
              label={c('policy.rate')}
              value={b.rate}
              min={0}
              max={100}
              decimalScale={2}
              onChange={(v) =>
                set({ brackets: f.brackets.map((x, j) => (j === i ? { ...x, rate: Number(v) } : x)) })
              }
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={c('policy.remove')}
              disabled={i === 0}
              onClick={() => set({ brackets: f.brackets.filter((_, j) => j !== i) })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          w="fit-content"
          onClick={() =>
            set({ brackets: [...f.brackets, { from: (f.brackets.at(-1)?.from ?? 0) + 50_000, rate: 0 }] })
          }
        >
          {c('policy.addBracket')}
        </Button>
        <NumberInput
          label={c('policy.fee')}
          value={f.fee}
          min={0}
          decimalScale={2}
          onChange={(v) => set({ fee: Number(v) })}
        />
        <Select
          label={c('policy.cape')}
          value={f.capeMode}
          allowDeselect={false}
          onChange={(v) => v && set({ capeMode: v as Form['capeMode'] })}
          data={(['same', 'exempt', 'custom'] as const).map((m) => ({
            value: m,
            label: c(`policy.capeModes.${m}`),
          }))}
        />
        {f.capeMode === 'custom' && (
          <SimpleGrid cols={2}>
            <NumberInput
              label={c('policy.capeRate')}
              value={f.capeRate}
              min={0}
              max={100}
              decimalScale={2}
              onChange={(v) => set({ capeRate: Number(v) })}
            />
            <NumberInput
              label={c('policy.capeFee')}
              value={f.capeFee}
              min={0}
              decimalScale={2}
              onChange={(v) => set({ capeFee: Number(v) })}
            />
          </SimpleGrid>
        )}
        <SimpleGrid cols={2}>
          <Select
            label={c('policy.fund')}
            clearable
            value={f.fundId}
            onChange={(v) => set({ fundId: v })}
            data={(funds.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
          />
          <NumberInput
            label={c('policy.share')}
            value={f.fundShare}
            min={0}
            max={100}
            decimalScale={2}
            onChange={(v) => set({ fundShare: Number(v) })}
          />
        </SimpleGrid>
        <Textarea
          label={c('policy.note')}
          value={f.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {c('policy.cancel')}
          </Button>
          <SubmitButton loading={save.isPending}>{c('policy.save')}</SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

function ExemptionsSection() {
  const { c, day } = useContributionTexts();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['contribution', 'exemptions'], queryFn: contributionApi.exemptions });
  const [search, setSearch] = useState('');
  const members = useQuery({
    queryKey: ['members', 'pick', search],
    queryFn: () =>
      api<{ items: MemberSummary[] }>(
        'GET',
        `/members?pageSize=50${search ? `&q=${encodeURIComponent(search)}` : ''}`,
      ),
  });
  const [form, setForm] = useState({ memberId: null as string | null, fromOn: '', toOn: '', reason: '' });
  const [revoking, setRevoking] = useState<ExemptionView | null>(null);
  const add = useMutation({
    mutationFn: () =>
      contributionApi.addExemption({
        memberId: form.memberId ?? '',
        fromOn: form.fromOn,
        toOn: form.toOn,
        reason: form.reason,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: c('policy.exemptionSaved') });
      setForm({ memberId: null, fromOn: '', toOn: '', reason: '' });
      await client.invalidateQueries({ queryKey: ['contribution', 'exemptions'] });
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {c('policy.exemptions')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {c('policy.exemptionsHint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <Stack gap="xs" mb="md">
          <ErrorAlert error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label={c('policy.member')}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              value={form.memberId}
              onChange={(v) => setForm({ ...form, memberId: v })}
              data={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.displayName }))}
              required
            />
            <TextInput
              type="date"
              label={c('policy.fromOn')}
              value={form.fromOn}
              onChange={(e) => setForm({ ...form, fromOn: e.currentTarget.value })}
              required
            />
            <TextInput
              type="date"
              label={c('policy.toOn')}
              value={form.toOn}
              onChange={(e) => setForm({ ...form, toOn: e.currentTarget.value })}
              required
            />
            <TextInput
              label={c('policy.reason')}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
              required
            />
          </SimpleGrid>
          <SubmitButton loading={add.isPending} w="fit-content">
            {c('policy.addExemption')}
          </SubmitButton>
        </Stack>
      </form>
      {list.data && list.data.length === 0 ? (
        <Text size="sm">{c('policy.noExemption')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{c('policy.member')}</Table.Th>
                <Table.Th>{c('policy.fromOn')}</Table.Th>
                <Table.Th>{c('policy.toOn')}</Table.Th>
                <Table.Th>{c('policy.reason')}</Table.Th>
                <Table.Th>{c('policy.revocation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data ?? []).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.memberName}</Table.Td>
                  <Table.Td>{day(e.fromOn)}</Table.Td>
                  <Table.Td>{day(e.toOn)}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td>
                    {e.revokedFrom ? (
                      <Text size="sm" c="dimmed">
                        {c('policy.revokedOn', { date: day(e.revokedFrom), reason: e.revokeReason })}
                      </Text>
                    ) : (
                      <Button size="compact-sm" variant="light" color="red" onClick={() => setRevoking(e)}>
                        {c('policy.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? c('policy.revokeTitle', { name: revoking.memberName }) : ''}
        centered
      >
        {revoking && <RevokeForm exemption={revoking} onDone={() => setRevoking(null)} />}
      </Modal>
    </Paper>
  );
}

/** Ends an exemption from a day on, with the reason; the next monthly run corrects the months already run. */
function RevokeForm({ exemption, onDone }: { exemption: ExemptionView; onDone: () => void }) {
  const { c } = useContributionTexts();
  const client = useQueryClient();
  const [form, setForm] = useState({ revokedFrom: '', reason: '' });
  const revoke = useMutation({
    mutationFn: () => contributionApi.revokeExemption(exemption.id, form),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: c('policy.revoked') });
      await client.invalidateQueries({ queryKey: ['contribution', 'exemptions'] });
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        revoke.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{c('policy.revokeHint')}</Text>
        <ErrorAlert error={revoke.error} />
        <TextInput
          type="date"
          label={c('policy.revokedFrom')}
          min={exemption.fromOn}
          max={exemption.toOn}
          value={form.revokedFrom}
          onChange={(e) => setForm({ ...form, revokedFrom: e.currentTarget.value })}
          required
        />
        <TextInput
          label={c('policy.revokeReason')}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {c('policy.cancel')}
          </Button>
          <SubmitButton loading={revoke.isPending} color="red">
            {c('policy.revoke')}
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

/** The cooperative's thresholds of the portfolio alert "treasury falling". */
function AlertSettingsSection() {
  const { c } = useContributionTexts();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: ['contribution', 'settings'], queryFn: contributionApi.settings });
  const [form, setForm] = useState<{ months: number; percent: number; euros: number } | null>(null);
  const shown = form ??
    (settings.data && {
      months: settings.data.fallingMonths,
      percent: settings.data.fallingPercentBp / 100,
      euros: settings.data.fallingMinCents / 100,
    }) ?? { months: 3, percent: 20, euros: 1_000 };
  const save = useMutation({
    mutationFn: () =>
      contributionApi.updateSettings({
        fallingMonths: shown.months,
        fallingPercentBp: toBp(shown.percent),
        fallingMinCents: toCents(shown.euros),
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: c('policy.alertsSaved') });
      setForm(null);
      await client.invalidateQueries({ queryKey: ['contribution'] });
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {c('policy.alerts')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {c('policy.alertsHint')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="xs">
          <ErrorAlert error={settings.error ?? save.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={c('policy.fallingMonths')}
              value={shown.months}
              min={1}
              max={12}
              allowDecimal={false}
              onChange={(v) => setForm({ ...shown, months: Number(v) })}
            />
            <NumberInput
              label={c('policy.fallingPercent')}
              value={shown.percent}
              min={0}
              max={100}
              decimalScale={2}
              onChange={(v) => setForm({ ...shown, percent: Number(v) })}
            />
            <NumberInput
              label={c('policy.fallingMin')}
              value={shown.euros}
              min={0}
              decimalScale={2}
              onChange={(v) => setForm({ ...shown, euros: Number(v) })}
            />
          </SimpleGrid>
          <SubmitButton loading={save.isPending} w="fit-content">
            {c('policy.save')}
          </SubmitButton>
        </Stack>
      </form>
    </Paper>
  );
}

function RunSection() {
  const { c, euros, month } = useContributionTexts();
  const client = useQueryClient();
  const runs = useQuery({ queryKey: ['contribution', 'runs'], queryFn: contributionApi.runs });
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const [target, setTarget] = useState(last);
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: () => contributionApi.run(target),
    onSuccess: async (r) => {
      setConfirming(false);
      notifications.show({
        color: 'green',
        message: c('policy.runDone', {
          posted: r.postedCount,
          count: r.activityCount,
          total: euros(r.totalCents),
        }),
      });
      await client.invalidateQueries({ queryKey: ['contribution'] });
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        {c('policy.run')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {c('policy.runHint')}
      </Text>
      <Group align="flex-end" mb="md">
        <TextInput
          type="month"
          label={c('policy.runMonth')}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
        <Button onClick={() => setConfirming(true)} disabled={!target}>
          {c('policy.runButton')}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={c('policy.run')}
        message={c('policy.runConfirm', { month: target ? month(target) : '' })}
        confirmLabel={c('policy.runButton')}
        onConfirm={() => run.mutate()}
        pending={run.isPending}
        error={run.error}
        color="blue"
      />
      {runs.data && runs.data.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={2} fz="sm" aria-label={c('policy.runs')}>
            <Table.Tbody>
              {runs.data.slice(0, 12).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{month(r.month)}</Table.Td>
                  <Table.Td>{new Date(r.runAt).toLocaleString()}</Table.Td>
                  <Table.Td ta="right">{r.postedCount}</Table.Td>
                  <Table.Td ta="right">
                    <Amount cents={r.totalCents} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Managers' policy editor: versions (a new one from a date; only one not yet in force may change), exemptions, runs. */
export function PolicyPage() {
  const { c, euros, percent, day } = useContributionTexts();
  const me = useMe();
  const versions = useQuery({ queryKey: ['contribution', 'versions'], queryFn: contributionApi.versions });
  const [editor, setEditor] = useState<{ editing: PolicyVersionView | null } | null>(null);
  const manage = hasPermission(me.data, 'contribution.manage');
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const latest = versions.data?.at(-1) ?? null;
  const client = useQueryClient();
  const [withdrawing, setWithdrawing] = useState<PolicyVersionView | null>(null);
  const withdraw = useMutation({
    mutationFn: (id: string) => contributionApi.withdrawVersion(id),
    onSuccess: async () => {
      setWithdrawing(null);
      notifications.show({ color: 'green', message: c('policy.withdrawn') });
      await client.invalidateQueries({ queryKey: ['contribution', 'versions'] });
    },
  });
  return (
    <>
      <PageHeader
        title={c('policy.title')}
        description={c('policy.description')}
        actions={
          manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditor({ editing: null })}>
              {c('policy.newVersion')}
            </Button>
          )
        }
      />
      <ErrorAlert error={versions.error} />
      <Stack gap="lg">
        {versions.isPending ? (
          <PageLoader />
        ) : versions.data?.length === 0 ? (
          <EmptyState title={c('policy.noVersion')}>{c('policy.noVersionHint')}</EmptyState>
        ) : (
          <Stack gap="sm">
            {[...(versions.data ?? [])].reverse().map((v) => (
              <Paper key={v.id} withBorder p="md" radius="md">
                <Group justify="space-between" wrap="wrap">
                  <Group gap="xs">
                    <Text fw={600}>
                      {v.validTo
                        ? c('policy.fromTo', { from: day(v.validFrom), to: day(v.validTo) })
                        : c('policy.from', { date: day(v.validFrom) })}
                    </Text>
                    <Badge color={v.inForce ? 'green' : v.editable ? 'blue' : 'gray'} variant="light">
                      {v.inForce ? c('policy.inForce') : v.editable ? c('policy.upcoming') : c('policy.past')}
                    </Badge>
                  </Group>
                  {manage && v.editable && (
                    <Group gap="xs">
                      <Button size="compact-sm" variant="light" onClick={() => setEditor({ editing: v })}>
                        {c('policy.editVersion')}
                      </Button>
                      <Button size="compact-sm" variant="light" color="red" onClick={() => setWithdrawing(v)}>
                        {c('policy.withdraw')}
                      </Button>
                    </Group>
                  )}
                </Group>
                <Text size="sm" mt={4}>
                  {c('policy.summary', {
                    base: c(`explanation.bases.${v.policy.base}`),
                    brackets: v.policy.schedule.brackets
                      .map((b) => `${percent(b.rateBp)} ≥ ${euros(b.fromCents)}`)
                      .join(', '),
                    fee: euros(v.policy.schedule.monthlyFeeCents),
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {c('policy.cape')} : {c(`policy.capeModes.${v.policy.cape.mode}`)}
                  {v.policy.split.length > 0 &&
                    ` · ${c('policy.split')} : ${v.policy.split.map((s) => percent(s.shareBp)).join(', ')}`}
                  {v.policy.overrides.length > 0 &&
                    ` · ${c('policy.overrides', { count: v.policy.overrides.length })}`}
                </Text>
                {v.note && (
                  <Text size="xs" c="dimmed">
                    {v.note}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        {manage && <ExemptionsSection />}
        {manage && <AlertSettingsSection />}
        {hasPermission(me.data, 'contribution.run') && <RunSection />}
      </Stack>
      <ConfirmModal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={c('policy.withdrawTitle')}
        message={withdrawing ? c('policy.withdrawConfirm', { date: day(withdrawing.validFrom) }) : ''}
        confirmLabel={c('policy.withdraw')}
        onConfirm={() => withdrawing && withdraw.mutate(withdrawing.id)}
        pending={withdraw.isPending}
        error={withdraw.error}
      />
      <Modal
        opened={editor !== null}
        onClose={() => setEditor(null)}
        title={editor?.editing ? c('policy.editVersion') : c('policy.newVersion')}
        size="lg"
        fullScreen={narrow}
      >
        {editor && <VersionForm initial={latest} editing={editor.editing} onDone={() => setEditor(null)} />}
      </Modal>
    </>
  );
}
