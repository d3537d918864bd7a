import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { addDays } from '../../core/members/calendar-date.ts';
import { ApiError } from '../app/api-client.ts';
import { localToday } from '../members/format-day.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import {
  type AssemblyInput,
  governanceApi,
  type MajorityRule,
  type ResolutionInput,
} from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

type Preset = 'legal' | 'twoThirds' | 'threeQuarters';
const presets: Record<Exclude<Preset, 'legal'>, MajorityRule> = {
  twoThirds: { fraction: { num: 2, den: 3 }, strict: false, base: 'votesCast' },
  threeQuarters: { fraction: { num: 3, den: 4 }, strict: false, base: 'votesCast' },
};
type Row = {
  key: number;
  title: string;
  body: string;
  preset: Preset | null;
  secret: boolean;
  approvesAccounts: boolean;
};

const sameRule = (a: MajorityRule, b: MajorityRule) =>
  a.fraction.num * b.fraction.den === b.fraction.num * a.fraction.den &&
  a.strict === b.strict &&
  a.base === b.base;

/**
 * Prepares an assembly (or rewrites it before the notice): type and call, when and where, and the agenda —
 * each resolution with its majority rule, chosen among the legal rule for this type and call and stricter
 * ones. The notice deadline is shown as the date is typed.
 */
export function AssemblyFormPage() {
  const { g, day, majority } = useGovernanceTexts();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['governance', 'settings'], queryFn: governanceApi.settings });
  const existing = useQuery({
    queryKey: ['governance', 'assembly', id],
    queryFn: () => governanceApi.assembly(id!),
    enabled: Boolean(id),
  });
  const assemblies = useQuery({ queryKey: ['governance', 'assemblies'], queryFn: governanceApi.assemblies });
  const [form, setForm] = useState<Omit<AssemblyInput, 'resolutions'>>({
    title: '',
    type: 'ordinary',
    call: 'first',
    firstCallId: null,
    meetingOn: addDays(localToday(), 21),
    startsAt: '18:00',
    place: '',
    onlineUrl: '',
  });
  const [rows, setRows] = useState<Row[]>([
    { key: 1, title: '', body: '', preset: 'legal', secret: false, approvesAccounts: false },
  ]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const legal = settings.data?.settings.rules[form.type][form.call].majority;
  useEffect(() => {
    const a = existing.data;
    if (!a || !settings.data) return;
    setForm({
      title: a.title,
      type: a.type,
      call: a.call,
      firstCallId: a.firstCallId,
      meetingOn: a.meetingOn,
      startsAt: a.startsAt,
      place: a.place,
      onlineUrl: a.onlineUrl,
    });
    const law = settings.data.settings.rules[a.type][a.call].majority;
    setRows(
      a.resolutions.map((r, i) => ({
        key: i + 1,
        title: r.title,
        body: r.body,
        preset: sameRule(r.majority, law)
          ? 'legal'
          : sameRule(r.majority, presets.twoThirds)
            ? 'twoThirds'
            : sameRule(r.majority, presets.threeQuarters)
              ? 'threeQuarters'
              : 'legal',
        secret: r.secret,
        approvesAccounts: r.approvesAccounts,
      })),
    );
  }, [existing.data, settings.data]);
  const save = useMutation({
    mutationFn: () => {
      const body: AssemblyInput = {
        ...form,
        resolutions: rows.map(
          (r): ResolutionInput => ({
            title: r.title,
            body: r.body,
            majority: r.preset === null ? null : r.preset === 'legal' ? (legal ?? null) : presets[r.preset],
            secret: r.secret,
            approvesAccounts: r.approvesAccounts,
            backedByBoard: true,
          }),
        ),
      };
      return id ? governanceApi.updateAssembly(id, body) : governanceApi.createAssembly(body);
    },
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      navigate(`/governance/assemblies/${a.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.path, e.message])));
    },
  });
  if (settings.isPending || (id && existing.isPending)) return <PageLoader />;
  const noticeDays = settings.data?.settings.noticeDays[form.call] ?? 15;
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setRow = (key: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const firstCalls = (assemblies.data ?? []).filter((a) => a.call === 'first' && a.status !== 'draft');
  return (
    <>
      <PageHeader title={id ? g('form.editTitle') : g('form.newTitle')} description={g('form.description')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack gap="lg" maw={880}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <TextInput
                label={g('form.title')}
                required
                value={form.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                error={errors.title}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={g('form.type')}
                  allowDeselect={false}
                  data={(['ordinary', 'extraordinary'] as const).map((v) => ({
                    value: v,
                    label: g(`assemblyType.${v}`),
                  }))}
                  value={form.type}
                  onChange={(v) => set('type', (v as AssemblyInput['type']) ?? 'ordinary')}
                />
                <Select
                  label={g('form.call')}
                  allowDeselect={false}
                  data={(['first', 'second'] as const).map((v) => ({
                    value: v,
                    label: g(`assemblyCallOption.${v}`),
                  }))}
                  value={form.call}
                  onChange={(v) => {
                    set('call', (v as AssemblyInput['call']) ?? 'first');
                    if (v === 'first') set('firstCallId', null);
                  }}
                />
              </SimpleGrid>
              {form.call === 'second' && (
                <Select
                  label={g('form.firstCall')}
                  required
                  data={firstCalls.map((a) => ({ value: a.id, label: `${a.title} (${day(a.meetingOn)})` }))}
                  value={form.firstCallId}
                  onChange={(v) => set('firstCallId', v)}
                  error={errors.firstCallId}
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  type="date"
                  label={g('form.meetingOn')}
                  required
                  value={form.meetingOn}
                  onChange={(e) => set('meetingOn', e.currentTarget.value)}
                  error={errors.meetingOn}
                  description={
                    form.meetingOn
                      ? g('form.noticeBy', {
                          days: noticeDays,
                          date: day(addDays(form.meetingOn, -noticeDays)),
                        })
                      : undefined
                  }
                />
                <TextInput
                  type="time"
                  label={g('form.startsAt')}
                  value={form.startsAt}
                  onChange={(e) => set('startsAt', e.currentTarget.value)}
                  error={errors.startsAt}
                />
              </SimpleGrid>
              <TextInput
                label={g('form.place')}
                value={form.place}
                onChange={(e) => set('place', e.currentTarget.value)}
                error={errors.place}
              />
              <TextInput
                label={g('form.onlineUrl')}
                placeholder="https://"
                value={form.onlineUrl}
                onChange={(e) => set('onlineUrl', e.currentTarget.value)}
                error={errors.onlineUrl}
              />
            </Stack>
          </Paper>

          <Stack gap="sm">
            <Title order={2} size="h4">
              {g('form.agenda')}
            </Title>
            <Text size="sm" c="dimmed">
              {g('form.agendaHint', { rule: majority(legal, true) })}
            </Text>
            {rows.map((r, i) => (
              <Paper
                key={r.key}
                withBorder
                p="md"
                radius="md"
                aria-label={g('form.resolutionN', { n: i + 1 })}
              >
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{g('form.resolutionN', { n: i + 1 })}</Text>
                    {rows.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={g('form.removeResolution', { n: i + 1 })}
                        onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                  <TextInput
                    label={g('form.resolutionTitle')}
                    required
                    value={r.title}
                    onChange={(e) => setRow(r.key, { title: e.currentTarget.value })}
                    error={errors[`resolutions.${i}.title`]}
                  />
                  <Textarea
                    label={g('form.resolutionBody')}
                    autosize
                    minRows={2}
                    value={r.body}
                    onChange={(e) => setRow(r.key, { body: e.currentTarget.value })}
                  />
                  <Select
                    label={g('form.majority')}
                    required
                    placeholder={g('form.majorityPlaceholder')}
                    data={[
                      { value: 'legal', label: g('form.majorityLegal', { rule: majority(legal, true) }) },
                      { value: 'twoThirds', label: majority(presets.twoThirds) },
                      { value: 'threeQuarters', label: majority(presets.threeQuarters) },
                    ]}
                    value={r.preset}
                    onChange={(v) => setRow(r.key, { preset: v as Preset | null })}
                    error={errors[`resolutions.${i}.majority`]}
                  />
                  <Group gap="lg">
                    <Checkbox
                      label={g('form.secret')}
                      checked={r.secret}
                      onChange={(e) => setRow(r.key, { secret: e.currentTarget.checked })}
                    />
                    <Checkbox
                      label={g('form.approvesAccounts')}
                      checked={r.approvesAccounts}
                      onChange={(e) => setRow(r.key, { approvesAccounts: e.currentTarget.checked })}
                    />
                  </Group>
                </Stack>
              </Paper>
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() =>
                  setRows((rs) => [
                    ...rs,
                    {
                      key: Math.max(0, ...rs.map((x) => x.key)) + 1,
                      title: '',
                      body: '',
                      preset: 'legal',
                      secret: false,
                      approvesAccounts: false,
                    },
                  ])
                }
              >
                {g('form.addResolution')}
              </Button>
            </Group>
          </Stack>
          <ErrorAlert error={save.error} />
          <Group>
            <SubmitButton loading={save.isPending}>{id ? g('form.save') : g('form.create')}</SubmitButton>
            <Button
              variant="subtle"
              onClick={() => navigate(id ? `/governance/assemblies/${id}` : '/governance/assemblies')}
            >
              {g('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
