import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatCard } from '../ui/stat-card.tsx';
import { certificateUrl, governanceApi } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

/** A member's shares: since when they are an associate, what they hold, their certificates, their refund. */
export function MySharesPage() {
  const { g, day, euros } = useGovernanceTexts();
  const mine = useQuery({ queryKey: ['governance', 'mine'], queryFn: governanceApi.mine });
  if (mine.isPending) return <PageLoader />;
  const records = mine.data ?? [];
  const current = records.find((r) => !r.exitedOn);
  return (
    <>
      <PageHeader title={g('mine.title')} description={g('mine.description')} />
      <ErrorAlert error={mine.error} />
      {records.length === 0 ? (
        <EmptyState
          title={g('mine.none')}
          action={
            <Button component={Link} to="/me/journey" variant="default">
              {g('mine.toJourney')}
            </Button>
          }
        >
          {g('mine.noneHint')}
        </EmptyState>
      ) : (
        <Stack gap="lg">
          {current && (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <StatCard
                label={g('mine.since')}
                value={day(current.admittedOn)}
                hint={g('mine.number', { number: current.number })}
              />
              <StatCard
                label={g('mine.shares')}
                value={current.shares}
                hint={g(`category.${current.category}`)}
              />
              <StatCard
                label={g('mine.capital')}
                value={euros(current.capitalCents)}
                hint={g('mine.oneVote')}
              />
            </SimpleGrid>
          )}
          {records.map((r) => (
            <Card key={r.id} withBorder radius="md" padding="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h5">
                    {g('mine.record', { number: r.number, date: day(r.admittedOn) })}
                  </Title>
                  {r.exitedOn ? (
                    <Badge color="gray">{g('associate.exitedOn', { date: day(r.exitedOn) })}</Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      {g('associate.active')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {r.admissionDecision}
                </Text>
                <Stack gap={6}>
                  {r.subscriptions.map((s) => (
                    <Group key={s.id} justify="space-between" wrap="wrap" gap="xs">
                      <Text size="sm">
                        {g('mine.subscription', {
                          count: s.shares,
                          amount: euros(s.amountCents),
                          date: day(s.subscribedOn),
                        })}
                      </Text>
                      {s.status === 'paid' ? (
                        <Anchor href={certificateUrl(s.id)} target="_blank" size="sm">
                          <Group gap={4}>
                            <IconDownload size={14} aria-hidden />
                            {g('subscription.certificate', { number: s.certificateNumber })}
                          </Group>
                        </Anchor>
                      ) : (
                        <Badge color={s.status === 'subscribed' ? 'orange' : 'gray'} variant="light">
                          {s.status === 'subscribed'
                            ? g('subscription.awaiting')
                            : g('subscription.cancelled')}
                        </Badge>
                      )}
                    </Group>
                  ))}
                </Stack>
                {r.refund && (
                  <Text size="sm">
                    {g(`refund.status.${r.refund.status}`)} —{' '}
                    {r.refund.amountCents !== null ? euros(r.refund.amountCents) : g('refund.amountLater')} ·{' '}
                    {g('refund.dueBy', { date: day(r.refund.dueBy) })}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
          <Group>
            <Button component={Link} to="/governance/assemblies" variant="light">
              {g('mine.toAssemblies')}
            </Button>
            <Button component={Link} to="/governance/consultations" variant="default">
              {g('mine.toConsultations')}
            </Button>
          </Group>
        </Stack>
      )}
    </>
  );
}
