import { Alert, Button, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** A screen failed to load or render (for instance a new version was deployed meanwhile). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" title={t('common.routeErrorTitle')} role="alert">
          {t('common.routeErrorText')}
          {error instanceof Error ? ` (${error.message})` : null}
        </Alert>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {t('common.reload')}
        </Button>
      </Stack>
    </Container>
  );
}
