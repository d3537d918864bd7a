import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function ForbiddenNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" icon={<IconLock size={18} />} title={t('common.forbiddenTitle')}>
      {t('common.forbiddenText')}
    </Alert>
  );
}
