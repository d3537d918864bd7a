import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert.tsx';

/** Asks before an action that cannot be taken back, and says what it does. */
export function ConfirmModal({
  opened,
  onClose,
  title,
  message,
  confirmLabel,
  onConfirm,
  pending,
  error,
  color = 'red',
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  error?: unknown;
  color?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Text size="sm" mb="md">
        {message}
      </Text>
      <ErrorAlert error={error} />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button color={color} onClick={onConfirm} loading={pending}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
