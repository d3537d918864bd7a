import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldCheck, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CooperativeView } from '../../core/cooperative/cooperative-identity.ts';
import { api } from '../app/api-client.ts';
import { formatDateTime, formatNumber, formatRelative } from '../app/format.ts';
import { hasPermission, useCurrentPerson } from '../app/use-me.ts';
import { useAuditLabels } from '../audit/use-audit-labels.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { RoleBadges } from '../ui/role-badges.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import type { HomeView, IntegrityReport } from './home-view.ts';

/** The home page: what the person's roles let them see, from GET /api/home. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentPerson();
  const home = useQuery({ queryKey: ['home'], queryFn: () => api<HomeView>('GET', '/home') });
  const firstName = me.name.split(/\s+/)[0] ?? me.name;

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: firstName })}
        description={
          <Group gap="xs" component="span">
            <span>{t('home.yourRoles')}</span>
            <RoleBadges roles={me.roles} />
          </Group>
        }
        actions={
          hasPermission(me, 'people.invite') ? (
            <Button component={Link} to="/people?invite=1" leftSection={<IconUserPlus size={16} />}>
              {t('people.invite')}
            </Button>
          ) : null
        }
      />
      {home.isPending ? (
        <PageLoader />
      ) : home.error ? (
        <ErrorAlert error={home.error} />
      ) : (
        <Stack gap="lg">
          {!home.data.cooperativeReady && hasPermission(me, 'cooperative.update') && (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('home.setupTitle')}>
              {t('home.setupText')}{' '}
              <Anchor component={Link} to="/settings">
                {t('nav.settings')}
              </Anchor>
            </Alert>
          )}
          {home.data.people && <PeopleFigures people={home.data.people} />}
          {home.data.mail && <MailFigures mail={home.data.mail} />}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <RecentActivity
              items={home.data.recentActivity ?? []}
              everyone={hasPermission(me, 'audit.read')}
            />
            <Stack gap="lg">
              {home.data.cooperativeReady && <CooperativeCard />}
              {hasPermission(me, 'integrity.verify') && <IntegrityCard />}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}

function PeopleFigures({ people }: { people: NonNullable<HomeView['people']> }) {
  const { t } = useTranslation();
  const roles = Object.entries(people.byRole).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="home-people">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="home-people">
          {t('home.people')}
        </Title>
        <Anchor component={Link} to="/people" size="sm">
          {t('home.seePeople')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        <StatCard
          label={t('home.activeAccounts')}
          value={formatNumber(people.active)}
          hint={t('home.ofTotal', { total: formatNumber(people.total) })}
        />
        <StatCard label={t('home.pendingInvitations')} value={formatNumber(people.pendingInvitations)} />
        <Card withBorder radius="md" p="md">
          <Text size="sm" c="dimmed" fw={500} mb={6}>
            {t('home.byRole')}
          </Text>
          <Stack gap={4}>
            {roles.map(([role, n]) => (
              <Group key={role} justify="space-between" gap="xs">
                <Text size="sm">{t(`roles.${role}`)}</Text>
                <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatNumber(n)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </section>
  );
}

function MailFigures({ mail }: { mail: NonNullable<HomeView['mail']> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="home-mail">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="home-mail">
          {t('home.mail')}
        </Title>
        <Anchor component={Link} to="/outbox" size="sm">
          {t('home.seeOutbox')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <StatCard label={t('home.mailDelivered')} value={formatNumber(mail.delivered)} />
        <StatCard label={t('home.mailQueued')} value={formatNumber(mail.queued)} />
        <StatCard
          label={t('home.mailFailed')}
          value={
            <Text span inherit c={mail.failed > 0 ? 'red.8' : undefined}>
              {formatNumber(mail.failed)}
            </Text>
          }
        />
      </SimpleGrid>
    </section>
  );
}

function RecentActivity({
  items,
  everyone,
}: {
  items: NonNullable<HomeView['recentActivity']>;
  everyone: boolean;
}) {
  const { t } = useTranslation();
  const auditLabels = useAuditLabels();
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="home-activity">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h4" id="home-activity">
          {everyone ? t('home.recentActivity') : t('home.myRecentActivity')}
        </Title>
        {everyone && (
          <Anchor component={Link} to="/audit" size="sm">
            {t('home.seeAudit')}
          </Anchor>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.noActivity')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm">{auditLabels.action(item.action)}</Text>
                  {everyone && (
                    <Text size="xs" c="dimmed">
                      {item.actorLabel}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="xs" c="dimmed" title={formatDateTime(item.at)} style={{ whiteSpace: 'nowrap' }}>
                    {formatRelative(item.at)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function CooperativeCard() {
  const { t } = useTranslation();
  const coop = useQuery({
    queryKey: ['cooperative'],
    queryFn: () => api<CooperativeView>('GET', '/cooperative'),
  });
  if (!coop.data) return null;
  const c = coop.data;
  const rows: [string, string][] = [
    [t('cooperative.legalForm'), c.legalFormLabel],
    [t('cooperative.siren'), `${c.siren} · RCS ${c.rcsCity}`],
    [t('cooperative.vatNumber'), c.vatNumber],
    [
      t('cooperative.headOffice'),
      [c.address.line1, c.address.line2, `${c.address.postalCode} ${c.address.city}`]
        .filter(Boolean)
        .join(', '),
    ],
    [t('fields.email'), c.email],
  ];
  if (c.phone) rows.push([t('cooperative.phone'), c.phone]);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="home-coop">
      <Title order={2} fz="h4" id="home-coop" mb="xs">
        {c.legalName}
      </Title>
      <Stack gap={6}>
        {rows.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="sm">{value}</Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function IntegrityCard() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: () => api<IntegrityReport>('POST', '/integrity/verify') });
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="home-integrity">
      <Title order={2} fz="h4" id="home-integrity" mb={4}>
        {t('integrity.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('integrity.intro')}
      </Text>
      <Button
        variant="light"
        leftSection={<IconShieldCheck size={16} />}
        loading={verify.isPending}
        onClick={() => verify.mutate()}
        w="fit-content"
      >
        {t('integrity.run')}
      </Button>
      <ErrorAlert error={verify.error} />
      {verify.data && (
        <Stack gap="xs" mt="sm" role="status">
          <Group gap="xs">
            <Badge color={verify.data.ok ? 'green' : 'red'} variant="light">
              {verify.data.ok ? t('integrity.ok') : t('integrity.problems')}
            </Badge>
            <Text size="xs" c="dimmed">
              {formatDateTime(verify.data.checkedAt)}
            </Text>
          </Group>
          <List spacing={4} size="sm" center>
            {verify.data.checks.map((check) => (
              <List.Item
                key={check.name}
                icon={
                  check.ok ? (
                    <IconCircleCheck
                      size={16}
                      color="var(--mantine-color-green-8)"
                      aria-label={t('integrity.ok')}
                    />
                  ) : (
                    <IconAlertTriangle
                      size={16}
                      color="var(--mantine-color-red-8)"
                      aria-label={t('integrity.problems')}
                    />
                  )
                }
              >
                {t(`integrityCheck.${check.name}`, { defaultValue: check.name })}
                {check.details.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {check.details.join(' · ')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Card>
  );
}
