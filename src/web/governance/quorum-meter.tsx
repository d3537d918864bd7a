import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Assembly } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

/** The quorum live: who takes part (per mode) against the associates needed, for this type and call. */
export function QuorumMeter({ assembly }: { assembly: Assembly }) {
  const { g } = useGovernanceTexts();
  const q = assembly.quorum;
  const p = assembly.participation;
  if (!q || !p) return null;
  const value = q.eligible === 0 ? 0 : Math.min(100, (q.participants / q.eligible) * 100);
  const mark = q.eligible === 0 ? 0 : (q.needed / q.eligible) * 100;
  return (
    <Paper withBorder p="md" radius="md" aria-label={g('live.quorum')}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{g('live.quorum')}</Text>
          <Badge color={q.reached ? 'green' : 'orange'} variant="filled" size="lg">
            {q.reached
              ? g('live.quorumReached')
              : g('live.quorumMissing', { count: q.needed - q.participants })}
          </Badge>
        </Group>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {g('live.quorumFigures', { participants: q.participants, eligible: q.eligible, needed: q.needed })}
        </Text>
        <div style={{ position: 'relative' }}>
          <Progress
            value={value}
            color={q.reached ? 'green' : 'orange'}
            size="xl"
            radius="sm"
            aria-label={g('live.quorumFigures', {
              participants: q.participants,
              eligible: q.eligible,
              needed: q.needed,
            })}
          />
          {q.needed > 0 && (
            <div
              aria-hidden
              style={{
                position: 'absolute',
                left: `${mark}%`,
                top: -4,
                bottom: -4,
                width: 2,
                background: 'var(--mantine-color-dark-6)',
              }}
            />
          )}
        </div>
        <SimpleGrid cols={{ base: 3, sm: 5 }} spacing={4}>
          {(['present', 'remote', 'postal', 'represented', 'blankProxies'] as const).map((k) => (
            <Stack key={k} gap={0} align="center">
              <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {p[k]}
              </Text>
              <Text size="xs" c="dimmed" ta="center">
                {g(`live.modes.${k}`)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
