import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { DraftView } from '../../core/ledger/ledger-request-schemas.ts';
import type { EntryView } from '../../core/ledger/report-schemas.ts';
import { formatCents } from '../../core/money/format-cents.ts';
import { parseCents } from '../../core/money/parse-cents.ts';
import { api } from '../app/api-client.ts';
import { localToday } from '../members/format-day.ts';
import { ConfirmModal } from '../ui/confirm-modal.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ActivityPicker } from './activity-picker.tsx';
import { ledgerApi } from './ledger-api.ts';
import { useLedgerTexts } from './use-ledger-texts.ts';

type Line = {
  key: number;
  accountNumber: string | null;
  activityId: string | null;
  thirdPartyCode: string;
  thirdPartyName: string;
  debit: string;
  credit: string;
  label: string;
};
type Values = {
  journalCode: string;
  entryDate: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  lines: Line[];
};

let nextKey = 1;
const emptyLine = (): Line => ({
  key: nextKey++,
  accountNumber: null,
  activityId: null,
  thirdPartyCode: '',
  thirdPartyName: '',
  debit: '',
  credit: '',
  label: '',
});
const euros = (cents: number) => (cents === 0 ? '' : formatCents(BigInt(cents), { currency: false }));
const today = () => localToday();

function fromDraft(d: DraftView): Values {
  return {
    journalCode: d.journalCode,
    entryDate: d.entryDate,
    pieceRef: d.pieceRef,
    pieceDate: d.pieceDate,
    label: d.label,
    lines: d.lines.map((x) => ({
      key: nextKey++,
      accountNumber: x.accountNumber,
      activityId: x.activityId,
      thirdPartyCode: x.thirdParty?.code ?? '',
      thirdPartyName: x.thirdParty?.name ?? '',
      debit: euros(x.debitCents),
      credit: euros(x.creditCents),
      label: x.label,
    })),
  };
}

/** The request the API takes, or the first field that is not an amount. */
function toRequest(v: Values) {
  const bad: string[] = [];
  const lines = v.lines.map((x, i) => {
    const debit = x.debit.trim() === '' ? 0n : parseCents(x.debit);
    const credit = x.credit.trim() === '' ? 0n : parseCents(x.credit);
    if (debit === null) bad.push(`lines.${i}.debit`);
    if (credit === null) bad.push(`lines.${i}.credit`);
    return {
      accountNumber: x.accountNumber ?? '',
      activityId: x.activityId ?? '',
      thirdParty: x.thirdPartyCode.trim()
        ? { code: x.thirdPartyCode.trim(), name: x.thirdPartyName.trim() || x.thirdPartyCode.trim() }
        : null,
      debitCents: Number(debit ?? 0n),
      creditCents: Number(credit ?? 0n),
      label: x.label,
    };
  });
  return {
    bad,
    body: {
      journalCode: v.journalCode,
      entryDate: v.entryDate,
      pieceRef: v.pieceRef,
      pieceDate: v.pieceDate || undefined,
      label: v.label,
      lines,
    },
  };
}

/** Typing a manual entry (journal OD): saved as a draft, posted once it balances. */
export function ManualEntryPage() {
  const { l, t, day } = useLedgerTexts();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values | null>(
    id
      ? null
      : {
          journalCode: 'OD',
          entryDate: today(),
          pieceRef: '',
          pieceDate: today(),
          label: '',
          lines: [emptyLine(), emptyLine()],
        },
  );
  const [invalid, setInvalid] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<'post' | 'discard' | null>(null);
  const draft = useQuery({
    queryKey: ['ledger', 'draft', id],
    queryFn: async () => (await ledgerApi.drafts()).find((d) => d.id === id) ?? null,
    enabled: Boolean(id),
  });
  useEffect(() => {
    if (draft.data && values === null) setValues(fromDraft(draft.data));
  }, [draft.data, values]);
  const accounts = useQuery({ queryKey: ['ledger', 'accounts'], queryFn: ledgerApi.accounts });
  const journals = useQuery({ queryKey: ['ledger', 'journals'], queryFn: ledgerApi.journals });
  const accountData = useMemo(
    () =>
      (accounts.data ?? [])
        .filter((a) => a.active)
        .map((a) => ({ value: a.number, label: `${a.number} — ${a.label}` })),
    [accounts.data],
  );
  const needsThirdParty = (n: string | null) =>
    Boolean(accounts.data?.find((a) => a.number === n)?.requiresThirdParty);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const { bad, body } = toRequest(v);
      setInvalid(bad);
      if (bad.length) throw new Error(l('drafts.amount'));
      return id
        ? api<DraftView>('PUT', `/ledger/drafts/${id}`, { body })
        : api<DraftView>('POST', '/ledger/drafts', { body });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['ledger', 'drafts'] });
      notifications.show({ color: 'mutua', message: l('drafts.saved') });
      if (!id) navigate(`/ledger/drafts/${saved.id}`, { replace: true });
    },
  });
  const post = useMutation({
    mutationFn: async (v: Values) => {
      const saved = await save.mutateAsync(v);
      return api<EntryView>('POST', `/ledger/drafts/${saved.id}/post`);
    },
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: ['ledger'] });
      notifications.show({
        color: 'mutua',
        message: l('drafts.posted', { journal: entry.journalCode, number: entry.number }),
      });
      navigate(`/ledger/entries/${entry.id}`);
    },
    onSettled: () => setConfirm(null),
  });
  const discard = useMutation({
    mutationFn: () => api<void>('DELETE', `/ledger/drafts/${id}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['ledger', 'drafts'] });
      notifications.show({ color: 'mutua', message: l('drafts.discarded') });
      navigate('/ledger/drafts');
    },
  });

  if (!values)
    return draft.isPending ? (
      <PageLoader />
    ) : (
      <ErrorAlert error={draft.error ?? new Error(t('common.unexpectedError'))} />
    );
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });
  const setLine = (i: number, patch: Partial<Line>) =>
    set({ lines: values.lines.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  const sum = (k: 'debit' | 'credit') =>
    values.lines.reduce((s, x) => s + (x[k].trim() === '' ? 0n : (parseCents(x[k]) ?? 0n)), 0n);
  const difference = sum('debit') - sum('credit');
  const busy = save.isPending || post.isPending || discard.isPending;
  return (
    <>
      <Anchor component={Link} to="/ledger/drafts" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {l('drafts.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={id ? l('drafts.edit', { date: day(values.entryDate) }) : l('drafts.newTitle')}
        description={l('drafts.description')}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(values);
        }}
        noValidate
      >
        <Stack gap="md">
          <ErrorAlert error={save.error ?? post.error ?? discard.error} />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <Select
              label={l('drafts.journalManual')}
              data={(journals.data ?? [])
                .filter((j) => j.manual)
                .map((j) => ({ value: j.code, label: `${j.code} — ${j.label}` }))}
              value={values.journalCode}
              onChange={(v) => v && set({ journalCode: v })}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label={l('drafts.entryDate')}
              required
              value={values.entryDate}
              onChange={(e) => set({ entryDate: e.currentTarget.value })}
            />
            <TextInput
              label={l('drafts.pieceRef')}
              required
              value={values.pieceRef}
              onChange={(e) => set({ pieceRef: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={l('drafts.pieceDate')}
              value={values.pieceDate}
              onChange={(e) => set({ pieceDate: e.currentTarget.value })}
            />
          </SimpleGrid>
          <TextInput
            label={l('drafts.label')}
            required
            value={values.label}
            onChange={(e) => set({ label: e.currentTarget.value })}
          />
          <Text fw={600}>{l('drafts.lines')}</Text>
          {values.lines.map((line, i) => {
            const n = i + 1;
            const tp = needsThirdParty(line.accountNumber);
            return (
              <Paper key={line.key} withBorder p="sm" radius="md">
                <Group align="flex-end" gap="sm" wrap="wrap">
                  <Select
                    label={l('drafts.lineAccount', { n })}
                    data={accountData}
                    searchable
                    value={line.accountNumber}
                    onChange={(v) => setLine(i, { accountNumber: v })}
                    w={{ base: '100%', sm: 260 }}
                  />
                  <ActivityPicker
                    label={l('drafts.lineActivity', { n })}
                    placeholder=""
                    value={line.activityId}
                    onChange={(v) => setLine(i, { activityId: v })}
                    w={{ base: '100%', sm: 240 }}
                  />
                  <TextInput
                    label={l('drafts.lineDebit', { n })}
                    inputMode="decimal"
                    value={line.debit}
                    error={invalid.includes(`lines.${i}.debit`) ? l('drafts.amount') : undefined}
                    onChange={(e) =>
                      setLine(i, {
                        debit: e.currentTarget.value,
                        credit: e.currentTarget.value ? '' : line.credit,
                      })
                    }
                    w={{ base: '47%', sm: 130 }}
                    styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                  />
                  <TextInput
                    label={l('drafts.lineCredit', { n })}
                    inputMode="decimal"
                    value={line.credit}
                    error={invalid.includes(`lines.${i}.credit`) ? l('drafts.amount') : undefined}
                    onChange={(e) =>
                      setLine(i, {
                        credit: e.currentTarget.value,
                        debit: e.currentTarget.value ? '' : line.debit,
                      })
                    }
                    w={{ base: '47%', sm: 130 }}
                    styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={l('drafts.removeLine', { n })}
                    onClick={() => set({ lines: values.lines.filter((_, k) => k !== i) })}
                    mb={4}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
                <Group align="flex-end" gap="sm" wrap="wrap" mt="xs">
                  {(tp || line.thirdPartyCode) && (
                    <>
                      <TextInput
                        label={l('drafts.lineThirdPartyCode', { n })}
                        description={tp ? l('drafts.needsThirdParty') : undefined}
                        required={tp}
                        value={line.thirdPartyCode}
                        onChange={(e) => setLine(i, { thirdPartyCode: e.currentTarget.value })}
                        w={{ base: '47%', sm: 160 }}
                      />
                      <TextInput
                        label={l('drafts.lineThirdPartyName', { n })}
                        value={line.thirdPartyName}
                        onChange={(e) => setLine(i, { thirdPartyName: e.currentTarget.value })}
                        w={{ base: '47%', sm: 240 }}
                      />
                    </>
                  )}
                  <TextInput
                    label={l('drafts.lineLabel', { n })}
                    value={line.label}
                    onChange={(e) => setLine(i, { label: e.currentTarget.value })}
                    style={{ flex: '1 1 14rem' }}
                  />
                </Group>
              </Paper>
            );
          })}
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => set({ lines: [...values.lines, emptyLine()] })}
            >
              {l('drafts.addLine')}
            </Button>
            <Group gap="md" aria-live="polite">
              <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {l('common.debit')} {formatCents(sum('debit'))} · {l('common.credit')}{' '}
                {formatCents(sum('credit'))}
              </Text>
              {difference === 0n && sum('debit') > 0n ? (
                <Badge color="green" variant="light">
                  {l('drafts.balanced')}
                </Badge>
              ) : (
                <Badge color="orange" variant="light">
                  {l('drafts.difference', {
                    amount: formatCents(difference < 0n ? -difference : difference),
                  })}
                </Badge>
              )}
            </Group>
          </Group>
          <Group justify="flex-end" gap="sm">
            {id && (
              <Button variant="subtle" color="red" onClick={() => setConfirm('discard')} disabled={busy}>
                {l('drafts.discard')}
              </Button>
            )}
            <Button
              type="submit"
              variant="default"
              loading={save.isPending && !post.isPending}
              disabled={busy}
            >
              {l('drafts.saveDraft')}
            </Button>
            <Button
              onClick={() => setConfirm('post')}
              disabled={busy || difference !== 0n || sum('debit') === 0n}
            >
              {l('drafts.post')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={confirm === 'post'}
        onClose={() => setConfirm(null)}
        title={l('drafts.postTitle')}
        message={l('drafts.postMessage')}
        confirmLabel={l('drafts.post')}
        onConfirm={() => post.mutate(values)}
        pending={post.isPending}
        error={post.error}
        color="mutua"
      />
      <ConfirmModal
        opened={confirm === 'discard'}
        onClose={() => setConfirm(null)}
        title={l('drafts.discardTitle')}
        message={l('drafts.discardMessage')}
        confirmLabel={l('drafts.discard')}
        onConfirm={() => discard.mutate()}
        pending={discard.isPending}
        error={discard.error}
      />
    </>
  );
}
