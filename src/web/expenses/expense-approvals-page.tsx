import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconFileText } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApprovalQueueItem } from '../../core/expenses/expense-schemas.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { ExpenseStatusBadge } from './expense-status-badge.tsx';
import { expenseFileUrl, expensesApi } from './expenses-api.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

/** The receipt beside the figures: an image shown inline, a PDF in a frame (both served by the API). */
function ReceiptView({
  sha256,
  mediaType,
  label,
}: {
  sha256: string;
  mediaType: string | null;
  label: string;
}) {
  const { x } = useExpenseTexts();
  const url = expenseFileUrl(sha256);
  return (
    <Stack gap={4}>
      {mediaType === 'application/pdf' || mediaType === 'image/heic' ? (
        // PDFs and HEIC photos open in their own tab: browsers do not all draw them inline.
        <Group gap={6} wrap="nowrap">
          <IconFileText size={18} aria-hidden />
          <Text size="sm">{label}</Text>
        </Group>
      ) : (
        <img src={url} alt={label} style={{ maxWidth: '100%', maxHeight: 320, objectFit: 'contain' }} />
      )}
      <Anchor href={url} target="_blank" size="sm">
        {x('approvals.openReceipt')}
      </Anchor>
    </Stack>
  );
}

function QueueCard({ entry }: { entry: ApprovalQueueItem }) {
  const { x, euros, day } = useExpenseTexts();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { item } = entry;
  const type = item.kind;
  const decide = useMutation({
    mutationFn: (body: { action: 'approve' } | { action: 'reject'; reason: string }) =>
      expensesApi.decide(type, item.id, body),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: x('approvals.decided') });
      client.invalidateQueries({ queryKey: ['expenses'] });
    },
  });
  const who = item.kind === 'claim' ? item.memberName : item.supplierName;
  const heading = item.kind === 'claim' ? `${item.title}` : `${item.supplierName} · ${item.number}`;
  const receipts =
    item.kind === 'claim'
      ? item.lines.flatMap((l) =>
          l.receiptSha256
            ? [{ sha256: l.receiptSha256, mediaType: l.receiptMediaType, label: l.description }]
            : [],
        )
      : [
          {
            sha256: item.pdfSha256,
            mediaType: 'application/pdf',
            label: `${item.supplierName} ${item.number}`,
          },
        ];
  const blocked = entry.ownItem || entry.approvedByReader;
  return (
    <Paper withBorder p="md" radius="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {item.kind === 'claim' ? x('approvals.claim') : x('approvals.invoice')}
              </Text>
              <Title order={2} size="h5">
                {heading}
              </Title>
              <Text size="sm">
                {who} · {item.activityName}
              </Text>
            </Stack>
            <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
              <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {euros(item.totalCents)}
              </Text>
              <ExpenseStatusBadge item={item} />
            </Stack>
          </Group>
          {item.kind === 'claim' ? (
            <Stack gap={4}>
              {item.lines.map((l) => (
                <Group key={l.id} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" style={{ minWidth: 0 }}>
                    {day(l.date)} · {l.description}{' '}
                    <Text span size="xs" c="dimmed">
                      ({l.categoryLabel}
                      {l.kind === 'mileage'
                        ? `, ${l.distanceKm} km, ${l.vehicle === 'moped' ? x('form.moped') : `${l.fiscalHp} CV`}`
                        : ''}
                      )
                    </Text>
                  </Text>
                  <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
                    {euros(l.totalCents)}
                  </Text>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm">
              {day(item.issueDate)} · {item.categoryLabel}
              {item.dueDate ? ` · ${x('approvals.due', { date: day(item.dueDate) })}` : ''}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {x('approvals.vatIncluded', { amount: euros(item.vatCents) })}
          </Text>
          {entry.treasuryCovers ? (
            <Text size="sm">{x('approvals.treasury', { amount: euros(entry.availableTreasuryCents) })}</Text>
          ) : (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
              {x('approvals.treasuryShort', {
                amount: euros(entry.availableTreasuryCents),
                total: euros(item.totalCents),
              })}
            </Alert>
          )}
          {item.approvals.length > 0 && (
            <Badge variant="outline" color="cyan" style={{ textTransform: 'none' }}>
              {x('approvals.approvedBy', { names: item.approvals.map((a) => a.name).join(', ') })}
            </Badge>
          )}
          {entry.ownItem && (
            <Text size="sm" c="dimmed">
              {x('approvals.own')}
            </Text>
          )}
          {entry.approvedByReader && (
            <Text size="sm" c="dimmed">
              {x('approvals.alreadyApproved')}
            </Text>
          )}
          <ErrorAlert error={decide.error} />
          {rejecting ? (
            <Stack gap="xs">
              <Textarea
                label={x('approvals.reason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Group gap="xs">
                <Button
                  color="red"
                  disabled={reason.trim() === ''}
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ action: 'reject', reason })}
                >
                  {x('approvals.rejectConfirm')}
                </Button>
                <Button variant="default" onClick={() => setRejecting(false)}>
                  ✕
                </Button>
              </Group>
            </Stack>
          ) : (
            <Group gap="xs">
              <Button
                color="teal"
                disabled={blocked || decide.isPending}
                loading={decide.isPending}
                onClick={() => decide.mutate({ action: 'approve' })}
                aria-label={`${x('approvals.approve')} — ${heading}`}
              >
                {x('approvals.approve')}
              </Button>
              <Button
                color="red"
                variant="light"
                disabled={entry.ownItem || decide.isPending}
                onClick={() => setRejecting(true)}
                aria-label={`${x('approvals.reject')} — ${heading}`}
              >
                {x('approvals.reject')}
              </Button>
            </Group>
          )}
        </Stack>
        <Stack gap="sm">
          {receipts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {x('approvals.noReceipt')}
            </Text>
          ) : (
            receipts.map((r) => <ReceiptView key={r.sha256} {...r} />)
          )}
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}

/** Support's and the accountant's queue: each expense beside its receipt, with the activity's treasury. */
export function ExpenseApprovalsPage() {
  const { x, euros } = useExpenseTexts();
  const queue = useQuery({ queryKey: ['expenses', 'approvals'], queryFn: expensesApi.approvals });
  const settings = useQuery({ queryKey: ['expenses', 'settings'], queryFn: expensesApi.settings });
  return (
    <>
      <PageHeader
        title={x('approvals.title')}
        description={x('approvals.description', {
          threshold: euros(settings.data?.doubleApprovalAboveCents ?? 100_000),
        })}
      />
      <ErrorAlert error={queue.error} />
      {queue.isPending ? (
        <PageLoader />
      ) : !queue.data || queue.data.length === 0 ? (
        <EmptyState title={x('approvals.empty')}>{x('approvals.emptyHint')}</EmptyState>
      ) : (
        <Stack gap="md">
          {queue.data.map((entry) => (
            <QueueCard key={entry.item.id} entry={entry} />
          ))}
        </Stack>
      )}
    </>
  );
}
