import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** Support sends a submitted invoice back to its author, saying why; they change it and submit it again. */
export function ReturnInvoiceModal({
  invoice,
  opened,
  onClose,
  onReturned,
}: {
  invoice: InvoiceView;
  opened: boolean;
  onClose: () => void;
  onReturned: (view: InvoiceView) => void;
}) {
  const { s, t } = useSalesTexts();
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: () => salesApi.returnToDraft(invoice.id, reason),
    onSuccess: onReturned,
  });
  const close = () => {
    if (send.isPending) return;
    send.reset();
    setReason('');
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={s('validation.returnTitle')}>
      <Stack gap="md">
        <Text size="sm">{s('validation.returnMessage', { client: invoice.clientName })}</Text>
        <Textarea
          label={s('validation.reason')}
          description={s('validation.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={send.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => send.mutate()} loading={send.isPending} disabled={!reason.trim()}>
            {s('validation.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
