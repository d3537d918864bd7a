import {
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Progress,
  Radio,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../app/api-client.ts';
import { formatDateTime, formatRelative } from '../app/format.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { type Consultation, governanceApi } from './governance-api.ts';
import { ConsultationStatusBadge } from './governance-badges.tsx';
import { useGovernanceTexts } from './use-governance-texts.ts';

/**
 * Consultations outside assemblies: a proposal with options, a closing date, a participation quorum and a
 * required share of votes. Associates answer once; results show at the close, with the outcome written by
 * those who ran it. A consultation informs; it does not replace an assembly's decision.
 */
export function ConsultationsPage() {
  const { g } = useGovernanceTexts();
  const me = useCurrentPerson();
  const canManage = hasPermission(me, 'governance.manage');
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['governance', 'consultations'], queryFn: governanceApi.consultations });
  if (list.isPending) return <PageLoader />;
  const items = list.data ?? [];
  return (
    <>
      <PageHeader
        title={g('consultations.title')}
        description={g('consultations.description')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {g('consultations.new')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} />
      {items.length === 0 ? (
        <EmptyState title={g('consultations.empty')}>{g('consultations.emptyHint')}</EmptyState>
      ) : (
        <Stack gap="md" maw={760}>
          {items.map((c) => (
            <ConsultationCard key={c.id} consultation={c} canManage={canManage} />
          ))}
        </Stack>
      )}
      <CreateConsultationModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function ConsultationCard({
  consultation: c,
  canManage,
}: {
  consultation: Consultation;
  canManage: boolean;
}) {
  const { g, percent } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [confirm, setConfirm] = useState<'open' | 'cancel' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['governance', 'consultations'] });
  const answer = useMutation({
    mutationFn: (option: number | null) => governanceApi.answer(c.id, option),
    onSuccess: () => {
      refresh();
      notifications.show({ color: 'green', message: g('consultations.answered') });
    },
  });
  const act = useMutation({
    mutationFn: (kind: 'open' | 'cancel') =>
      kind === 'open' ? governanceApi.openConsultation(c.id) : governanceApi.cancelConsultation(c.id),
    onSuccess: () => {
      setConfirm(null);
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => governanceApi.closeConsultation(c.id, outcome),
    onSuccess: () => {
      setClosing(false);
      refresh();
    },
  });
  const ended = new Date(c.closesAt).getTime() <= Date.now();
  const r = c.result;
  return (
    <Card component="article" withBorder radius="md" padding="md" aria-label={c.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600}>{c.title}</Text>
          <ConsultationStatusBadge status={c.status} />
        </Group>
        {c.proposal && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.proposal}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {g(c.status === 'open' ? 'consultations.closesAt' : 'consultations.closedAt', {
            at: formatDateTime(c.closesAt),
            relative: formatRelative(c.closesAt),
          })}{' '}
          ·{' '}
          {g('consultations.rules', {
            quorum: percent(c.participationQuorumBp),
            share: percent(c.requiredShareBp),
          })}
          {c.anonymous ? ` · ${g('consultations.anonymous')}` : ''}
        </Text>
        {c.status !== 'draft' && c.eligible !== null && (
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {g('consultations.participation', { count: c.participants, eligible: c.eligible })}
          </Text>
        )}
        {c.status === 'open' && c.answered === false && !ended && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (choice !== null) answer.mutate(Number(choice));
            }}
          >
            <Stack gap="xs">
              <Radio.Group value={choice} onChange={setChoice} label={g('consultations.yourAnswer')}>
                <Stack gap={8} mt={6}>
                  {c.options.map((o, i) => (
                    <Radio key={o} value={String(i)} label={o} size="md" />
                  ))}
                </Stack>
              </Radio.Group>
              <Group gap="xs">
                <SubmitButton
                  loading={answer.isPending && answer.variables !== null}
                  disabled={choice === null}
                  size="md"
                >
                  {g('consultations.submit')}
                </SubmitButton>
                <Button
                  variant="subtle"
                  size="md"
                  onClick={() => answer.mutate(null)}
                  loading={answer.isPending && answer.variables === null}
                >
                  {g('consultations.abstain')}
                </Button>
              </Group>
              <ErrorAlert error={answer.error} />
            </Stack>
          </form>
        )}
        {c.answered === true && c.status === 'open' && (
          <Text size="sm" c="green.8" fw={600}>
            {g('consultations.youAnswered')}
          </Text>
        )}
        {c.status === 'open' && (
          <Text size="xs" c="dimmed">
            {g('consultations.hidden')}
          </Text>
        )}
        {r && (
          <Stack gap={6}>
            {c.options.map((o, i) => {
              const share = r.votesCast > 0 ? (r.votes[i]! / r.votesCast) * 100 : 0;
              return (
                <Stack key={o} gap={2}>
                  <Group justify="space-between">
                    <Text size="sm" fw={r.winner === i ? 700 : 400}>
                      {o}
                    </Text>
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {g('consultations.votes', { count: r.votes[i] })}
                    </Text>
                  </Group>
                  <Progress value={share} color={r.winner === i ? 'green' : 'gray'} aria-label={o} />
                </Stack>
              );
            })}
            <Text size="sm" fw={600}>
              {g(`consultations.result.${r.result}`, {
                option: r.winner !== null ? c.options[r.winner] : '',
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {g('consultations.abstentions', { count: r.abstentions })}
            </Text>
          </Stack>
        )}
        {c.outcome && (
          <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-gray-0)">
            <Text size="xs" c="dimmed" fw={600}>
              {g('consultations.outcome')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.outcome}
            </Text>
          </Card>
        )}
        {canManage && (
          <Group gap="xs">
            {c.status === 'draft' && (
              <Button size="sm" onClick={() => setConfirm('open')}>
                {g('consultations.open')}
              </Button>
            )}
            {c.status === 'open' && (
              <Button
                size="sm"
                variant="default"
                disabled={!ended}
                title={ended ? undefined : g('consultations.closeLater')}
                onClick={() => setClosing(true)}
              >
                {g('consultations.close')}
              </Button>
            )}
            {(c.status === 'draft' || c.status === 'open') && (
              <Button size="sm" color="red" variant="subtle" onClick={() => setConfirm('cancel')}>
                {g('consultations.cancel')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={confirm ? g(`consultations.confirm.${confirm}Title`) : ''}
        message={confirm ? g(`consultations.confirm.${confirm}Message`) : ''}
        confirmLabel={confirm === 'open' ? g('consultations.open') : g('consultations.cancel')}
        color={confirm === 'open' ? 'mutua' : 'red'}
        onConfirm={() => confirm && act.mutate(confirm)}
        pending={act.isPending}
        error={act.error}
      />
      <Modal
        opened={closing}
        onClose={() => setClosing(false)}
        title={g('consultations.closeTitle')}
        centered
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{g('consultations.closeMessage')}</Text>
            <Textarea
              label={g('consultations.outcome')}
              required
              autosize
              minRows={3}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value)}
            />
            <ErrorAlert error={close.error} />
            <SubmitButton loading={close.isPending}>{g('consultations.close')}</SubmitButton>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

/** Local 'YYYY-MM-DDTHH:mm' (the datetime-local input) to an ISO instant with the browser's offset. */
function localToIso(value: string): string {
  return new Date(value).toISOString();
}

function CreateConsultationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { g } = useGovernanceTexts();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [proposal, setProposal] = useState('');
  const [options, setOptions] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [quorum, setQuorum] = useState<number | string>(25);
  const [share, setShare] = useState<number | string>(50);
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      governanceApi.createConsultation({
        title,
        proposal,
        options: options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
        closesAt: closesAt ? localToIso(closesAt) : '',
        participationQuorumBp: Math.round(Number(quorum) * 100),
        requiredShareBp: Math.round(Number(share) * 100),
        anonymous,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['governance', 'consultations'] });
      onClose();
      setTitle('');
      setProposal('');
      setOptions('');
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.path.split('.')[0]!, e.message])));
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={g('consultations.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={g('consultations.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Textarea
            label={g('consultations.fields.proposal')}
            autosize
            minRows={3}
            value={proposal}
            onChange={(e) => setProposal(e.currentTarget.value)}
          />
          <Textarea
            label={g('consultations.fields.options')}
            description={g('consultations.fields.optionsHint')}
            required
            autosize
            minRows={3}
            value={options}
            onChange={(e) => setOptions(e.currentTarget.value)}
            error={errors.options}
          />
          <TextInput
            type="datetime-local"
            label={g('consultations.fields.closesAt')}
            required
            value={closesAt}
            onChange={(e) => setClosesAt(e.currentTarget.value)}
            error={errors.closesAt}
          />
          <Group grow>
            <NumberInput
              label={g('consultations.fields.quorum')}
              min={0}
              max={100}
              suffix=" %"
              value={quorum}
              onChange={setQuorum}
              error={errors.participationQuorumBp}
            />
            <NumberInput
              label={g('consultations.fields.share')}
              min={1}
              max={100}
              suffix=" %"
              value={share}
              onChange={setShare}
              error={errors.requiredShareBp}
            />
          </Group>
          <Switch
            label={g('consultations.fields.anonymous')}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          <ErrorAlert error={Object.keys(errors).length === 0 ? create.error : null} />
          <SubmitButton loading={create.isPending}>{g('consultations.create')}</SubmitButton>
        </Stack>
      </form>
    </Modal>
  );
}
