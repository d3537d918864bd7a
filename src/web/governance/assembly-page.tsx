import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileUpload, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../app/format.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import {
  type Assembly,
  type AttendanceMode,
  type AttendanceRow,
  documentUrl,
  governanceApi,
  minutesUrl,
  type Resolution,
} from './governance-api.ts';
import { AssemblyStatusBadge, ResolutionBadge } from './governance-badges.tsx';
import { QuorumMeter } from './quorum-meter.tsx';
import { ResolutionResult } from './resolution-result.tsx';
import { useGovernanceTexts } from './use-governance-texts.ts';

type Confirm =
  | { kind: 'convene' | 'cancel' | 'open' | 'close' }
  | { kind: 'closeVote'; resolution: Resolution };

/**
 * One assembly for those who run it: preparation (agenda, documents, notice) while a draft; then the live
 * page of the chair — attendance sheet with proxies, quorum meter, each vote opened and closed, results —
 * and finally the sealed minutes. Refreshes itself while the assembly is convened or sitting.
 */
export function AssemblyPage() {
  const { g, day, majority } = useGovernanceTexts();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const assembly = useQuery({
    queryKey: ['governance', 'assembly', id],
    queryFn: () => governanceApi.assembly(id!),
    refetchInterval: (q) =>
      q.state.data?.status === 'inSession' ? 3000 : q.state.data?.status === 'convened' ? 5000 : false,
  });
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['governance'] });
  const act = useMutation({
    mutationFn: async (c: Confirm) => {
      if (c.kind === 'convene') return governanceApi.convene(id!);
      if (c.kind === 'cancel') return governanceApi.cancel(id!);
      if (c.kind === 'open') return governanceApi.open(id!);
      if (c.kind === 'close') return governanceApi.close(id!);
      if (c.kind === 'closeVote') return governanceApi.closeVote(c.resolution.id);
      throw new Error(`unknown action ${c.kind}`);
    },
    onSuccess: (r, c) => {
      setConfirm(null);
      refresh();
      if (c.kind === 'convene') {
        const sent = r as { voters: number; emailed: number };
        notifications.show({
          color: 'mutua',
          message: g('prepare.convened', {
            count: sent.voters,
            emailed: sent.emailed,
            post: sent.voters - sent.emailed,
          }),
        });
      }
    },
  });
  const openVote = useMutation({
    mutationFn: (r: Resolution) => governanceApi.openVote(r.id),
    onSuccess: refresh,
  });
  if (assembly.isPending) return <PageLoader />;
  const a = assembly.data;
  if (!a) return <ErrorAlert error={assembly.error} />;
  const live = a.status === 'convened' || a.status === 'inSession';
  const openResolution = a.resolutions.find((r) => r.status === 'open');
  return (
    <>
      <PageHeader
        title={a.title}
        description={
          <>
            {g(`assemblyType.${a.type}`)} · {g(`assemblyCall.${a.call}`)} ·{' '}
            {a.startsAt
              ? g('assemblies.when', { date: day(a.meetingOn), time: a.startsAt })
              : g('assemblies.on', { date: day(a.meetingOn) })}
            {a.place ? ` · ${a.place}` : ''}
          </>
        }
        actions={
          <>
            <AssemblyStatusBadge status={a.status} />
            {a.status === 'draft' && (
              <>
                <Button component={Link} to={`/governance/assemblies/${a.id}/edit`} variant="default">
                  {g('prepare.edit')}
                </Button>
                <Button leftSection={<IconSend size={16} />} onClick={() => setConfirm({ kind: 'convene' })}>
                  {g('prepare.convene')}
                </Button>
              </>
            )}
            {a.status === 'convened' && (
              <Button color="orange" onClick={() => setConfirm({ kind: 'open' })}>
                {g('live.openSession')}
              </Button>
            )}
            {live && (
              <Button component={Link} to={`/governance/assemblies/${a.id}/vote`} variant="default">
                {g('live.myVote')}
              </Button>
            )}
            {a.status === 'inSession' && (
              <Button color="red" onClick={() => setConfirm({ kind: 'close' })}>
                {g('live.closeAssembly')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={assembly.error ?? openVote.error} />
        {a.status === 'draft' && <Preparation assembly={a} />}
        {a.noticeSentOn && (
          <Text size="sm" c="dimmed">
            {g('live.noticeSent', { date: day(a.noticeSentOn), count: a.voters })}
            {a.rules &&
              ` · ${g('live.rules', {
                quorum:
                  a.rules.quorum.fraction.num === 0
                    ? g('live.noQuorum')
                    : `${a.rules.quorum.fraction.num}/${a.rules.quorum.fraction.den}`,
                cap: a.rules.proxyCap,
              })}`}
            {a.rules?.remoteAttendance ? ` · ${g('live.remoteAllowed')}` : ''}
            {a.rules?.postalVoting ? ` · ${g('live.postalAllowed')}` : ''}
          </Text>
        )}
        {a.status === 'closed' && a.minutesSha256 && (
          <Alert color="green" variant="light" title={g('live.minutesTitle')}>
            <Stack gap={4}>
              <Anchor href={minutesUrl(a.id)} target="_blank" fw={600}>
                <Group gap={4}>
                  <IconDownload size={16} aria-hidden />
                  {g('live.minutesDownload')}
                </Group>
              </Anchor>
              <Text size="xs">
                {g('live.minutesSealed', { at: a.closedAt ? formatDateTime(a.closedAt) : '' })}
              </Text>
              <Code style={{ wordBreak: 'break-all' }}>{a.minutesSha256}</Code>
            </Stack>
          </Alert>
        )}
        {a.status !== 'draft' && a.status !== 'cancelled' && <QuorumMeter assembly={a} />}

        <Stack gap="sm">
          <Title order={2} size="h4">
            {g('prepare.agenda')}
          </Title>
          {a.resolutions.map((r) => (
            <Card key={r.id} component="article" withBorder radius="md" padding="md" aria-label={r.title}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Text fw={600}>
                    {r.position}. {r.title}
                  </Text>
                  <ResolutionBadge resolution={r} />
                </Group>
                {r.body && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.body}
                  </Text>
                )}
                <Group gap="xs">
                  <Badge variant="outline" color="gray" tt="none">
                    {majority(r.majority)}
                  </Badge>
                  {r.secret && (
                    <Badge variant="outline" color="grape" tt="none">
                      {g('live.secret')}
                    </Badge>
                  )}
                  {r.approvesAccounts && (
                    <Badge variant="outline" color="blue" tt="none">
                      {g('live.approvesAccounts')}
                    </Badge>
                  )}
                </Group>
                {a.status === 'inSession' && r.status !== 'closed' && (
                  <Group gap="sm">
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} aria-live="polite">
                      {g('live.ballots', { count: r.ballots })}
                    </Text>
                    {r.status === 'pending' && (
                      <Button
                        size="sm"
                        onClick={() => openVote.mutate(r)}
                        loading={openVote.isPending && openVote.variables?.id === r.id}
                        disabled={openResolution !== undefined}
                      >
                        {g('live.openVote')}
                      </Button>
                    )}
                    {r.status === 'open' && (
                      <Button
                        size="sm"
                        color="red"
                        onClick={() => setConfirm({ kind: 'closeVote', resolution: r })}
                      >
                        {g('live.closeVote')}
                      </Button>
                    )}
                  </Group>
                )}
                {r.result && <ResolutionResult result={r.result} />}
              </Stack>
            </Card>
          ))}
        </Stack>

        {a.attendanceSheet && a.status !== 'draft' && <AttendanceSheet assembly={a} editable={live} />}
      </Stack>
      <ConfirmModal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={
          confirm?.kind === 'closeVote'
            ? g('confirm.closeVoteTitle', { title: confirm.resolution.title })
            : confirm
              ? g(`confirm.${confirm.kind}Title`)
              : ''
        }
        message={
          confirm?.kind === 'closeVote'
            ? g('confirm.closeVoteMessage', { count: confirm.resolution.ballots })
            : confirm?.kind === 'convene'
              ? g('confirm.conveneMessage', { count: a.rules ? a.voters : 0 })
              : confirm
                ? g(`confirm.${confirm.kind}Message`)
                : ''
        }
        confirmLabel={
          confirm?.kind === 'closeVote'
            ? g('live.closeVote')
            : confirm?.kind === 'convene'
              ? g('prepare.convene')
              : confirm?.kind === 'open'
                ? g('live.openSession')
                : confirm?.kind === 'close'
                  ? g('live.closeAssembly')
                  : g('prepare.cancel')
        }
        color={confirm?.kind === 'convene' || confirm?.kind === 'open' ? 'mutua' : 'red'}
        onConfirm={() => confirm && act.mutate(confirm)}
        pending={act.isPending}
        error={act.error}
      />
    </>
  );
}

/** Before the notice: the documents sent with it. */
function Preparation({ assembly: a }: { assembly: Assembly }) {
  const { g } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => governanceApi.addDocument(a.id, file.name.replace(/\.pdf$/i, ''), file),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['governance', 'assembly', a.id] }),
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {g('prepare.documents')}
        </Title>
        <Text size="sm" c="dimmed">
          {g('prepare.documentsHint')}
        </Text>
        {a.documents.length === 0 ? (
          <Text size="sm">{g('prepare.noDocuments')}</Text>
        ) : (
          <Stack gap={4}>
            {a.documents.map((d) => (
              <Anchor key={d.sha256} href={documentUrl(a.id, d.sha256)} target="_blank" size="sm">
                {d.name}.pdf
              </Anchor>
            ))}
          </Stack>
        )}
        <Group>
          <input
            ref={input}
            type="file"
            accept="application/pdf"
            hidden
            aria-label={g('prepare.addDocument')}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) upload.mutate(file);
              e.currentTarget.value = '';
            }}
          />
          <Button
            variant="default"
            leftSection={<IconFileUpload size={16} />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
          >
            {g('prepare.addDocument')}
          </Button>
        </Group>
        <ErrorAlert error={upload.error} />
      </Stack>
    </Paper>
  );
}

const modes: AttendanceMode[] = ['present', 'remote', 'postal', 'represented', 'blankProxy'];

/**
 * The attendance sheet: how each associate takes part; a proxy names its holder. One line per associate
 * that wraps on a phone (the chair may run the meeting from one).
 */
function AttendanceSheet({ assembly: a, editable }: { assembly: Assembly; editable: boolean }) {
  const { g } = useGovernanceTexts();
  const sheet = a.attendanceSheet ?? [];
  const names = new Map(sheet.map((s) => [s.associateId, s.name]));
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {g('attendance.title')}
      </Title>
      <Stack gap={0} role="list" aria-label={g('attendance.title')}>
        {sheet.map((row) => (
          <AttendanceLine
            key={`${row.associateId}:${row.mode}:${row.proxyHolderId}`}
            assembly={a}
            row={row}
            editable={editable}
            names={names}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function AttendanceLine({
  assembly: a,
  row,
  editable,
  names,
}: {
  assembly: Assembly;
  row: AttendanceRow;
  editable: boolean;
  names: Map<string, string>;
}) {
  const { g } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<AttendanceMode | null>(row.mode);
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: { mode: AttendanceMode; holder: string | null }) =>
      governanceApi.attendance(a.id, { associateId: row.associateId, mode: v.mode, proxyHolderId: v.holder }),
    onSuccess: () => {
      setError(null);
      void queryClient.invalidateQueries({ queryKey: ['governance', 'assembly', a.id] });
    },
    onError: (e) => {
      setError(e);
      setMode(row.mode);
    },
  });
  const allowed = modes.filter(
    (m) => (m !== 'remote' || a.rules?.remoteAttendance) && (m !== 'postal' || a.rules?.postalVoting),
  );
  const holders = (a.attendanceSheet ?? []).filter(
    (s) =>
      s.associateId !== row.associateId && (s.mode === 'present' || s.mode === 'remote' || s.mode === null),
  );
  return (
    <Stack
      gap={4}
      py="xs"
      role="listitem"
      aria-label={row.name}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap" style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Text size="sm" c="dimmed" w={28} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
            {row.number}
          </Text>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500}>
              {row.name}
            </Text>
            <Text size="xs" c="dimmed">
              {g('attendance.notifiedBy', { by: g(`attendance.by.${row.notifiedBy}`) })}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          {editable ? (
            <Select
              size="sm"
              aria-label={g('attendance.modeOf', { name: row.name })}
              placeholder={g('attendance.absent')}
              data={allowed.map((m) => ({ value: m, label: g(`attendance.modes.${m}`) }))}
              value={mode}
              onChange={(v) => {
                const m = v as AttendanceMode | null;
                setMode(m);
                if (m && m !== 'represented') save.mutate({ mode: m, holder: null });
              }}
              allowDeselect={false}
              disabled={save.isPending}
              w={170}
            />
          ) : (
            <Text size="sm">{row.mode ? g(`attendance.modes.${row.mode}`) : g('attendance.absent')}</Text>
          )}
          {mode === 'represented' && editable ? (
            <Select
              size="sm"
              aria-label={g('attendance.holderOf', { name: row.name })}
              placeholder={g('attendance.chooseHolder')}
              data={holders.map((h) => ({ value: h.associateId, label: h.name }))}
              value={row.proxyHolderId}
              onChange={(v) => v && save.mutate({ mode: 'represented', holder: v })}
              searchable
              disabled={save.isPending}
              w={200}
            />
          ) : row.proxyHolderId ? (
            <Text size="sm">{g('attendance.by.holder', { name: names.get(row.proxyHolderId) })}</Text>
          ) : null}
        </Group>
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
    </Stack>
  );
}
