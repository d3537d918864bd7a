import { ActionIcon, Badge, Button, Group, Kbd, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsSplit, IconCheck, IconClockPause, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BankLineView, SuggestionView } from '../../core/bank/bank-schemas.ts';
import { autoConfirmThreshold } from '../../core/bank/match-bank-lines.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { bankApi, type MatchTarget, type OpenInvoiceHit } from './bank-api.ts';
import { AccountSelect, useSelectedAccount } from './bank-page.tsx';
import { useBankTexts } from './use-bank-texts.ts';

const confidenceColor = (c: number) =>
  c >= autoConfirmThreshold ? 'teal' : c >= 70 ? 'blue' : c >= 50 ? 'yellow' : 'gray';

function targetOf(s: SuggestionView): MatchTarget {
  return s.kind === 'batch'
    ? { kind: 'batch', batchKind: s.batchKind ?? 'salary', batchId: s.batchId! }
    : {
        kind: 'invoices',
        allocations: s.allocations.map((a) => ({ invoiceId: a.invoiceId, amountCents: a.amountCents })),
      };
}

type Allocation = {
  invoiceId: string;
  number: string;
  clientName: string;
  amountCents: number;
  dueCents: number | null;
};

/** Correct or split a line over invoices found by number or client (issue 9 §3: "corrects or splits"). */
function SplitModal({
  line,
  onClose,
  onDone,
}: {
  line: BankLineView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { b, euros } = useBankTexts();
  const [rows, setRows] = useState<Allocation[]>([]);
  const [search, setSearch] = useState('');
  useEffect(() => {
    const best = line?.suggestions.find((s) => s.kind === 'invoices');
    setRows(
      best?.allocations.map((a) => ({
        invoiceId: a.invoiceId,
        number: a.number ?? '',
        clientName: '',
        amountCents: a.amountCents,
        dueCents: null,
      })) ?? [],
    );
    setSearch('');
  }, [line]);
  const hits = useQuery({
    queryKey: ['bank', 'invoices', search],
    queryFn: () => bankApi.searchInvoices(search),
    enabled: search.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
  const save = useMutation({
    mutationFn: () =>
      bankApi.match(line!.id, {
        target: {
          kind: 'invoices',
          allocations: rows.map((r) => ({ invoiceId: r.invoiceId, amountCents: r.amountCents })),
        },
        reason: 'manual',
        confidence: 100,
      }),
    onSuccess: onDone,
  });
  if (!line) return null;
  const allocated = rows.reduce((s, r) => s + r.amountCents, 0);
  const add = (hit: OpenInvoiceHit) => {
    if (rows.some((r) => r.invoiceId === hit.id)) return;
    const rest = Math.max(0, line.amountCents - allocated);
    setRows([
      ...rows,
      {
        invoiceId: hit.id,
        number: hit.number,
        clientName: hit.clientName,
        dueCents: hit.dueCents,
        amountCents: Math.min(rest, hit.dueCents),
      },
    ]);
  };
  return (
    <Modal opened onClose={onClose} title={b('match.splitTitle')} size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">
          {line.label} · <b>{euros(line.amountCents)}</b>
        </Text>
        {rows.map((r, i) => (
          <Group key={r.invoiceId} gap="xs" wrap="nowrap">
            <Text size="sm" style={{ flex: 1 }} truncate>
              {r.number} {r.clientName && `· ${r.clientName}`}{' '}
              {r.dueCents !== null && `· ${b('match.due', { amount: euros(r.dueCents) })}`}
            </Text>
            <TextInput
              aria-label={r.number}
              w={120}
              value={(r.amountCents / 100).toFixed(2).replace('.', ',')}
              onChange={(e) => {
                const cents = Math.round(
                  Number(e.currentTarget.value.replace(/\s/g, '').replace(',', '.')) * 100,
                );
                setRows(
                  rows.map((x, j) =>
                    j === i ? { ...x, amountCents: Number.isFinite(cents) ? cents : 0 } : x,
                  ),
                );
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={b('match.remove')}
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Text size="sm" c={allocated === line.amountCents ? 'teal' : 'orange'} fw={600}>
          {b('match.allocated', { allocated: euros(allocated), line: euros(line.amountCents) })}
        </Text>
        <TextInput
          label={b('match.searchInvoice')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
        />
        <Stack gap={4}>
          {(hits.data ?? []).map((h) => (
            <Button
              key={h.id}
              variant="subtle"
              justify="space-between"
              onClick={() => add(h)}
              rightSection={euros(h.dueCents)}
            >
              {h.number} · {h.clientName}
            </Button>
          ))}
        </Stack>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={rows.length === 0 || allocated !== line.amountCents}
          >
            {b('match.allocate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function LineCard({
  line,
  active,
  onSelect,
  onConfirm,
  onSuspense,
  onSplit,
  busy,
}: {
  line: BankLineView;
  active: boolean;
  onSelect: () => void;
  onConfirm: (s: SuggestionView) => void;
  onSuspense: () => void;
  onSplit: () => void;
  busy: boolean;
}) {
  const { b, euros, day } = useBankTexts();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <Paper
      ref={ref}
      withBorder
      p="sm"
      radius="md"
      role="option"
      aria-selected={active}
      onClick={onSelect}
      style={{
        borderColor: active ? 'var(--mantine-color-blue-6)' : undefined,
        borderWidth: active ? 2 : 1,
        cursor: 'pointer',
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {day(line.bookingDate)}
            </Text>
            {line.status === 'suspense' && (
              <Badge color="orange" variant="light" size="sm">
                {b('match.inSuspense', { days: line.suspenseDays ?? 0 })}
              </Badge>
            )}
          </Group>
          <Text size="sm" fw={600} lineClamp={active ? 3 : 1} style={{ wordBreak: 'break-word' }}>
            {line.counterpartyName || line.label}
          </Text>
          {(active || !line.counterpartyName) && (
            <Text size="xs" c="dimmed" lineClamp={active ? 3 : 1} style={{ wordBreak: 'break-word' }}>
              {line.remittance || line.label}
            </Text>
          )}
        </Stack>
        <Text
          fw={700}
          c={line.amountCents < 0 ? 'red.7' : 'teal.8'}
          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        >
          {euros(line.amountCents)}
        </Text>
      </Group>
      {active && (
        <Stack gap="xs" mt="sm">
          {line.suggestions.length === 0 && (
            <Text size="sm" c="dimmed">
              {b('match.noSuggestion')}
            </Text>
          )}
          {line.suggestions.slice(0, 3).map((s, i) => (
            <Group
              key={`${s.kind}-${s.batchId ?? s.allocations.map((a) => a.invoiceId).join()}`}
              gap="xs"
              wrap="wrap"
              justify="space-between"
            >
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 16rem' }}>
                <Kbd>{i === 0 ? '⏎' : i + 1}</Kbd>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} style={{ wordBreak: 'break-word' }}>
                    {s.kind === 'batch' ? b('match.batch', { id: s.detail }) : s.detail}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {b(`reason.${s.reason}`)}
                  </Text>
                </Stack>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Badge color={confidenceColor(s.confidence)} variant="light">
                  {b('match.confidence', { value: s.confidence })}
                </Badge>
                <Button
                  size="xs"
                  leftSection={<IconCheck size={14} />}
                  onClick={(e) => {
                    e.stopPropagation();
                    onConfirm(s);
                  }}
                  loading={busy}
                >
                  {b('match.confirm')}
                </Button>
              </Group>
            </Group>
          ))}
          <Group gap="xs">
            {line.amountCents > 0 && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowsSplit size={14} />}
                onClick={(e) => {
                  e.stopPropagation();
                  onSplit();
                }}
              >
                {b('match.split')} <Kbd ml={6}>r</Kbd>
              </Button>
            )}
            {line.status === 'unmatched' && (
              <Button
                size="xs"
                variant="default"
                color="orange"
                leftSection={<IconClockPause size={14} />}
                onClick={(e) => {
                  e.stopPropagation();
                  onSuspense();
                }}
                loading={busy}
              >
                {b('match.suspense')} <Kbd ml={6}>a</Kbd>
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The matching screen, built for speed (issue 9 §5): the open lines oldest first, the selected one with its
 * suggestions, their reason and confidence; j/k move, Enter confirms the best suggestion, 1-3 pick one, a posts
 * to suspense, r opens the split. After each decision the next line is selected.
 */
export function BankMatchingPage() {
  const { b } = useBankTexts();
  const selected = useSelectedAccount();
  const client = useQueryClient();
  const [index, setIndex] = useState(0);
  const [splitting, setSplitting] = useState<BankLineView | null>(null);
  const lines = useQuery({
    queryKey: ['bank', 'lines', selected.id],
    queryFn: () => bankApi.lines(selected.id!),
    enabled: selected.id !== null,
    placeholderData: keepPreviousData,
  });
  const items = lines.data?.items ?? [];
  const current = items[Math.min(index, items.length - 1)] ?? null;
  const refresh = useCallback(() => client.invalidateQueries({ queryKey: ['bank'] }), [client]);
  const decide = useMutation({
    mutationFn: (v: { line: BankLineView; target: MatchTarget; reason?: string; confidence?: number }) =>
      bankApi.match(v.line.id, { target: v.target, reason: v.reason, confidence: v.confidence }),
    onSuccess: (res) => {
      notifications.show({
        color: 'teal',
        message: res.status === 'suspense' ? b('match.suspensePosted') : b('match.confirmed'),
      });
      refresh();
    },
  });
  const confirm = useCallback(
    (line: BankLineView, s: SuggestionView | undefined) => {
      if (s && !decide.isPending)
        decide.mutate({ line, target: targetOf(s), reason: s.reason, confidence: s.confidence });
    },
    [decide],
  );
  const suspense = useCallback(
    (line: BankLineView) => {
      if (line.status === 'unmatched' && !decide.isPending)
        decide.mutate({ line, target: { kind: 'suspense' } });
    },
    [decide],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (splitting || e.ctrlKey || e.metaKey || e.altKey) return;
      if (
        t &&
        (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
      )
        return;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        setIndex((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        setIndex((i) => Math.max(0, i - 1));
      } else if (!current) return;
      else if (e.key === 'Enter' && !(t && t.tagName === 'BUTTON')) {
        e.preventDefault();
        confirm(current, current.suggestions[0]);
      } else if (['1', '2', '3'].includes(e.key)) confirm(current, current.suggestions[Number(e.key) - 1]);
      else if (e.key === 'a') suspense(current);
      else if (e.key === 'r' && current.amountCents > 0) setSplitting(current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items.length, current, confirm, suspense, splitting]);
  if (selected.accounts.isPending || (lines.isPending && selected.id)) return <PageLoader />;
  return (
    <>
      <PageHeader title={b('match.title')} description={b('match.description')} />
      <Stack gap="sm" maw={960}>
        <AccountSelect {...selected} />
        <ErrorAlert error={lines.error ?? decide.error} />
        {items.length === 0 ? (
          <EmptyState title={b('match.empty')}>{b('match.emptyText')}</EmptyState>
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {b('match.remaining', { count: lines.data?.total ?? items.length })}
            </Text>
            <Stack gap="xs" role="listbox" aria-label={b('match.listLabel')}>
              {items.map((line, i) => (
                <LineCard
                  key={line.id}
                  line={line}
                  active={current?.id === line.id}
                  onSelect={() => setIndex(i)}
                  onConfirm={(s) => confirm(line, s)}
                  onSuspense={() => suspense(line)}
                  onSplit={() => setSplitting(line)}
                  busy={decide.isPending}
                />
              ))}
            </Stack>
          </>
        )}
      </Stack>
      <SplitModal
        line={splitting}
        onClose={() => setSplitting(null)}
        onDone={() => {
          setSplitting(null);
          notifications.show({ color: 'teal', message: b('match.confirmed') });
          refresh();
        }}
      />
    </>
  );
}
