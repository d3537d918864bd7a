import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './page-header.tsx';

/** A screen the person's roles do not open: says so, and who can help. */
export function ForbiddenNotice() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('common.forbiddenTitle')} />
      <Alert color="gray" icon={<IconLock size={18} />}>
        {t('common.forbiddenText')}
      </Alert>
    </>
  );
}
