import { Box, Center, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitch } from '../app/language-switch.tsx';
import { logoSrc } from '../app/logo-src.ts';
import { useBrand } from '../app/use-brand.ts';
import { PageLoader } from '../ui/page-loader.tsx';

/** Log-in, forgotten password, reset and invitation: one centred card under the cooperative's name. */
export function AuthLayout() {
  const { t } = useTranslation();
  const brand = useBrand();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)">
      <Group justify="flex-end" p="sm">
        <LanguageSwitch size="sm" saveToAccount={false} />
      </Group>
      <Center px="sm" pb="xl">
        <Stack w="100%" maw={440} gap="lg">
          <Stack align="center" gap={6}>
            {logoSrc(brand.data?.logoUrl) ? (
              <Image src={logoSrc(brand.data?.logoUrl) ?? undefined} alt="" h={56} w="auto" fit="contain" />
            ) : null}
            <Text fw={700} size="lg" ta="center">
              {brand.data?.name ?? 'Mutua'}
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              {t('auth.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

export function AuthTitle({ children }: { children: string }) {
  return (
    <Title order={1} fz="h3" mb="md">
      {children}
    </Title>
  );
}
