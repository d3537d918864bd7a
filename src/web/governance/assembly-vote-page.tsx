import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../app/api-client.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import {
  type Assembly,
  documentUrl,
  governanceApi,
  type MyBallot,
  minutesUrl,
  type Resolution,
  type VoteChoice,
} from './governance-api.ts';
import { AssemblyStatusBadge, ResolutionBadge } from './governance-badges.tsx';
import { ResolutionResult } from './resolution-result.tsx';
import { useGovernanceTexts } from './use-governance-texts.ts';

const choices: { value: VoteChoice; color: string }[] = [
  { value: 'yes', color: 'green' },
  { value: 'no', color: 'red' },
  { value: 'abstain', color: 'gray' },
  { value: 'blank', color: 'gray' },
];

type Pending = { resolution: Resolution; choice: VoteChoice; onBehalfOf: string | null; name: string | null };

/**
 * The associate's voting page, made for a phone: how they take part, the proxies they hold, and for the
 * open resolution one big button per choice — for themselves and for each associate they represent. A vote
 * is asked once more before it is cast (it cannot be changed); results appear once the vote is closed.
 */
export function AssemblyVotePage() {
  const { g, day } = useGovernanceTexts();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const assembly = useQuery({
    queryKey: ['governance', 'assembly', id],
    queryFn: () => governanceApi.assembly(id!),
    // The page follows the sitting: it notices the session opening and each vote opening or closing.
    refetchInterval: (q) =>
      q.state.data?.status === 'inSession' ? 3000 : q.state.data?.status === 'convened' ? 5000 : false,
  });
  const live = assembly.data?.status === 'convened' || assembly.data?.status === 'inSession';
  const ballot = useQuery({
    queryKey: ['governance', 'my-ballot', id],
    queryFn: () => governanceApi.myBallot(id!),
    enabled: Boolean(assembly.data) && assembly.data?.status !== 'draft',
    retry: false,
    refetchInterval: live ? 3000 : false,
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const vote = useMutation({
    mutationFn: (p: Pending) => governanceApi.vote(p.resolution.id, p.choice, p.onBehalfOf),
    onSuccess: () => {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      notifications.show({ color: 'green', message: g('vote.recorded') });
    },
  });
  if (assembly.isPending) return <PageLoader />;
  const a = assembly.data;
  if (!a) return <ErrorAlert error={assembly.error} />;
  const notConvened = ballot.error instanceof ApiError && ballot.error.code === 'VOTER_NOT_ASSOCIATE';
  const b = ballot.data;
  return (
    <>
      <PageHeader
        title={a.title}
        description={
          <>
            {a.startsAt
              ? g('assemblies.when', { date: day(a.meetingOn), time: a.startsAt })
              : g('assemblies.on', { date: day(a.meetingOn) })}
            {a.place ? ` · ${a.place}` : ''}
          </>
        }
        actions={<AssemblyStatusBadge status={a.status} />}
      />
      <Stack gap="md" maw={640}>
        {a.onlineUrl && live && (
          <Anchor href={a.onlineUrl} target="_blank" rel="noreferrer" size="sm">
            {g('vote.joinOnline')}
          </Anchor>
        )}
        {notConvened ? (
          <Alert color="gray" variant="light">
            {g('vote.notConvened')}
          </Alert>
        ) : (
          <ErrorAlert error={ballot.error} />
        )}
        {b && <MyParticipation assembly={a} ballot={b} />}
        {b &&
          a.status === 'convened' &&
          a.rules?.postalVoting &&
          b.mode === null &&
          b.represented.length === 0 &&
          b.cast.length === 0 && <PostalVoteForm assembly={a} />}
        {a.documents.length > 0 && (
          <Group gap="sm">
            {a.documents.map((d) => (
              <Anchor key={d.sha256} href={documentUrl(a.id, d.sha256)} target="_blank" size="sm">
                {d.name}.pdf
              </Anchor>
            ))}
          </Group>
        )}
        {a.status === 'closed' && (
          <Button component="a" href={minutesUrl(a.id)} target="_blank" variant="light">
            {g('assemblies.minutes')}
          </Button>
        )}
        {a.status === 'convened' && (
          <Text size="sm" c="dimmed">
            {g('vote.waitSession')}
          </Text>
        )}
        <Title order={2} size="h4">
          {g('prepare.agenda')}
        </Title>
        {a.resolutions.map((r) => (
          <Card key={r.id} component="article" withBorder radius="md" padding="md" aria-label={r.title}>
            <Stack gap="sm">
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
              {r.secret && (
                <Text size="xs" c="grape.8">
                  {g('vote.secretHint')}
                </Text>
              )}
              {r.status === 'open' && b && (
                <Stack gap="md">
                  {canVoteInSession(b) && (
                    <BallotButtons
                      label={g('vote.myVote')}
                      cast={b.cast.some((c) => c.resolutionId === r.id && c.associateId === b.associateId)}
                      onChoose={(choice) =>
                        setPending({ resolution: r, choice, onBehalfOf: null, name: null })
                      }
                    />
                  )}
                  {b.represented.map((p) => (
                    <BallotButtons
                      key={p.id}
                      label={g('vote.forProxy', { name: p.name })}
                      cast={b.cast.some((c) => c.resolutionId === r.id && c.associateId === p.id)}
                      onChoose={(choice) =>
                        setPending({ resolution: r, choice, onBehalfOf: p.id, name: p.name })
                      }
                    />
                  ))}
                </Stack>
              )}
              {r.status === 'pending' && a.status === 'inSession' && (
                <Text size="sm" c="dimmed">
                  {g('vote.notOpenYet')}
                </Text>
              )}
              {r.result && <ResolutionResult result={r.result} />}
            </Stack>
          </Card>
        ))}
      </Stack>
      <ConfirmModal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending ? g('vote.confirmTitle', { choice: g(`choice.${pending.choice}`) }) : ''}
        message={
          pending
            ? pending.name
              ? g('vote.confirmProxy', { name: pending.name, title: pending.resolution.title })
              : g('vote.confirmMine', { title: pending.resolution.title })
            : ''
        }
        confirmLabel={pending ? g('vote.confirm', { choice: g(`choice.${pending.choice}`) }) : ''}
        onConfirm={() => pending && vote.mutate(pending)}
        pending={vote.isPending}
        error={vote.error}
        color="mutua"
      />
    </>
  );
}

/** Whether the associate votes in session themselves: not when represented, by post or by a blank proxy. */
function canVoteInSession(b: MyBallot) {
  return b.mode === null || b.mode === 'present' || b.mode === 'remote';
}

function BallotButtons({
  label,
  cast,
  onChoose,
}: {
  label: string;
  cast: boolean;
  onChoose: (c: VoteChoice) => void;
}) {
  const { g } = useGovernanceTexts();
  return (
    <Stack gap={6} role="group" aria-label={label}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {cast ? (
        <Group gap="xs">
          <ThemeIcon color="green" radius="xl" size="md" aria-hidden>
            <IconCheck size={16} />
          </ThemeIcon>
          <Text size="sm" fw={600} c="green.8">
            {g('vote.cast')}
          </Text>
        </Group>
      ) : (
        <SimpleGrid cols={2} spacing="xs">
          {choices.map((c) => (
            <Button
              key={c.value}
              size="lg"
              h={56}
              px="xs"
              color={c.color}
              variant={c.value === 'yes' || c.value === 'no' ? 'filled' : 'light'}
              onClick={() => onChoose(c.value)}
            >
              {g(`choice.${c.value}`)}
            </Button>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** How I take part, the proxies I hold, and — before the session — giving my proxy to another associate. */
function MyParticipation({ assembly: a, ballot: b }: { assembly: Assembly; ballot: MyBallot }) {
  const { g } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const voters = useQuery({
    queryKey: ['governance', 'voters', a.id],
    queryFn: () => governanceApi.voters(a.id),
    enabled: a.status === 'convened' || a.status === 'inSession',
  });
  const [holder, setHolder] = useState<string | null>(b.proxyHolderId);
  const give = useMutation({
    mutationFn: () => governanceApi.giveProxy(a.id, holder!),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['governance', 'my-ballot', a.id] });
      void queryClient.invalidateQueries({ queryKey: ['governance', 'assembly', a.id] });
    },
  });
  const names = new Map((voters.data ?? []).map((v) => [v.id, v.name]));
  const votedAlready = b.cast.length > 0;
  return (
    <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {g('vote.myParticipation')}
          </Text>
          <Badge variant="light" color={b.mode ? 'mutua' : 'gray'}>
            {b.mode ? g(`attendance.modes.${b.mode}`) : g('vote.notYet')}
          </Badge>
        </Group>
        {b.mode === 'represented' && b.proxyHolderId && (
          <Text size="sm">{g('vote.representedBy', { name: names.get(b.proxyHolderId) ?? '…' })}</Text>
        )}
        {b.represented.length > 0 && (
          <Alert
            color="blue"
            variant="light"
            icon={<IconUsers size={18} />}
            title={g('vote.proxiesTitle', { count: b.represented.length })}
          >
            {g('vote.proxiesHeld', { names: b.represented.map((p) => p.name).join(', ') })}
          </Alert>
        )}
        {a.status === 'convened' && !votedAlready && b.represented.length === 0 && (
          <Stack gap={6}>
            <Text size="sm" c="dimmed">
              {g('vote.proxyHint', { cap: a.rules?.proxyCap ?? 1 })}
            </Text>
            <Group align="flex-end" gap="xs">
              <Select
                label={g('vote.proxyTo')}
                placeholder={g('attendance.chooseHolder')}
                data={(voters.data ?? [])
                  .filter((v) => v.id !== b.associateId)
                  .map((v) => ({ value: v.id, label: v.name }))}
                value={holder}
                onChange={setHolder}
                searchable
                style={{ flex: '1 1 14rem' }}
              />
              <Button
                variant="default"
                disabled={!holder || holder === b.proxyHolderId}
                loading={give.isPending}
                onClick={() => give.mutate()}
              >
                {g('vote.giveProxy')}
              </Button>
            </Group>
            <ErrorAlert error={give.error} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The postal voting form (L225-107), before the meeting: a choice per resolution; a resolution left
 * without one counts as an abstention. Sent once; the associate is then recorded as voting by post.
 */
function PostalVoteForm({ assembly: a }: { assembly: Assembly }) {
  const { g } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Record<string, VoteChoice>>({});
  const [confirming, setConfirming] = useState(false);
  const send = useMutation({
    mutationFn: () =>
      governanceApi.postalVotes(
        a.id,
        Object.entries(picked).map(([resolutionId, choice]) => ({ resolutionId, choice })),
      ),
    onSuccess: () => {
      setConfirming(false);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      notifications.show({ color: 'green', message: g('postal.recorded') });
    },
  });
  if (!open)
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          {g('postal.start')}
        </Button>
      </Group>
    );
  return (
    <Card withBorder radius="md" padding="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h5">
            {g('postal.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {g('postal.hint')}
          </Text>
          {a.resolutions.map((r) => (
            <Stack key={r.id} gap={4}>
              <Text size="sm" fw={600}>
                {r.position}. {r.title}
              </Text>
              <Radio.Group
                aria-label={g('postal.choiceFor', { title: r.title })}
                value={picked[r.id] ?? null}
                onChange={(v) => setPicked((c) => ({ ...c, [r.id]: v as VoteChoice }))}
              >
                <SimpleGrid cols={2} spacing="xs" mt={4}>
                  {choiceData(g).map((c) => (
                    <Radio key={c.value} value={c.value} label={c.label} size="md" />
                  ))}
                </SimpleGrid>
              </Radio.Group>
            </Stack>
          ))}
          <Group gap="xs">
            <Button type="submit" disabled={Object.keys(picked).length === 0}>
              {g('postal.send')}
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {g('postal.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={g('postal.confirmTitle')}
        message={g('postal.confirmMessage', {
          count: Object.keys(picked).length,
          total: a.resolutions.length,
        })}
        confirmLabel={g('postal.send')}
        onConfirm={() => send.mutate()}
        pending={send.isPending}
        error={send.error}
        color="mutua"
      />
    </Card>
  );
}

const choiceData = (g: (key: string) => string) =>
  choices.map((c) => ({ value: c.value, label: g(`choice.${c.value}`) }));
