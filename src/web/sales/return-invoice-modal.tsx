import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { salesApi } from './sales-api.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** Support sends a submitted invoice back to its author, who can change it and submit it again. */
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
  const send = useMutation({
    mutationFn: () => salesApi.returnToDraft(invoice.id),
    onSuccess: onReturned,
  });
  const close = () => {
    if (send.isPending) return;
    send.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={s('validation.returnTitle')}>
      <Stack gap="md">
        <Text size="sm">{s('validation.returnMessage', { client: invoice.clientName })}</Text>
        <ErrorAlert error={send.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={send.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => send.mutate()} loading={send.isPending}>
            {s('validation.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
