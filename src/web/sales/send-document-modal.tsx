import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { ApiError, api } from '../app/api-client.ts';
import { formatDateTime } from '../app/format.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { SubmitButton } from '../ui/submit-button.tsx';
import { useSalesTexts } from './use-sales-texts.ts';

/**
 * E-mails a document's stored PDF (an issued invoice, a sent quote) to the client, at its address unless
 * another is given. `path` is the API route that sends it and answers the document's new view.
 */
export function SendDocumentModal<View>({
  path,
  title,
  opened,
  onClose,
  onSent,
}: {
  path: string;
  title: string;
  opened: boolean;
  onClose: () => void;
  onSent: (view: View) => void;
}) {
  const { s, t } = useSalesTexts();
  const [to, setTo] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api<View>('POST', path, {
        body: { to: to.trim() === '' ? null : to.trim() },
      }),
    onSuccess: onSent,
  });
  const fieldError =
    send.error instanceof ApiError ? send.error.fieldErrors.find((e) => e.path === 'to')?.message : undefined;
  const close = () => {
    if (send.isPending) return;
    send.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{s('send.explain')}</Text>
          {!fieldError && <ErrorAlert error={send.error} />}
          <TextInput
            type="email"
            label={s('send.to')}
            description={s('send.toHint')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={send.isPending}>
              {t('common.cancel')}
            </Button>
            <SubmitButton loading={send.isPending}>{s('send.submit')}</SubmitButton>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const statusColors: Record<string, string> = { sent: 'green', outbox: 'blue', queued: 'gray', failed: 'red' };

/** The trace of every e-mail that carried the document: when, to whom, which file (issue 5 §9). */
export function SendingsPanel({ sendings }: { sendings: InvoiceView['sendings'] }) {
  const { s, euros } = useSalesTexts();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {s('send.trace')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s('send.when')}</Table.Th>
              <Table.Th>{s('send.what')}</Table.Th>
              <Table.Th>{s('send.recipient')}</Table.Th>
              <Table.Th>{s('send.file')}</Table.Th>
              <Table.Th>{s('send.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sendings.map((x) => (
              <Table.Tr key={`${x.sentAt}-${x.toAddress}-${x.kind}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(x.sentAt)}</Table.Td>
                <Table.Td>
                  {x.kind === 'reminder' ? s('send.reminder', { days: x.reminderDays }) : s('send.document')}
                  {x.kind === 'reminder' && x.penaltyCents !== null && (
                    <Text size="xs" c="dimmed">
                      {s('send.penalty', {
                        amount: euros(x.penaltyCents),
                        indemnity: euros(x.indemnityCents ?? 0),
                      })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{x.toAddress}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={x.fileSha256}>
                    {x.fileSha256.slice(0, 12)}…
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={statusColors[x.emailStatus] ?? 'gray'}
                    variant="light"
                    style={{ textTransform: 'none' }}
                  >
                    {s(`send.statuses.${x.emailStatus}`, { defaultValue: x.emailStatus })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
