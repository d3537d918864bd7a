import { Alert, Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { RatioCheck } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

/**
 * The legal ratios of a SCOP (loi 78-763 art. 5): employees hold at least 51 % of the capital and 65 % of
 * the votes, nobody more than 50 % of the capital. Shown for every form, binding for a SCOP; a broken rule
 * that binds is a warning at the top.
 */
export function RatioCards({ ratios, names }: { ratios: RatioCheck[]; names: Map<string, string> }) {
  const { g, percent } = useGovernanceTexts();
  const broken = ratios.filter((r) => r.applies && !r.ok);
  return (
    <>
      {broken.length > 0 && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={g('ratios.brokenTitle')}
          mb="md"
          role="alert"
        >
          {broken.map((r) => g(`ratios.${r.rule}.broken`)).join(' ')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="lg">
        {ratios.map((r) => (
          <Paper key={r.rule} withBorder p="md" radius="md" aria-label={g(`ratios.${r.rule}.label`)}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" fw={500} style={{ flex: 1, minWidth: 0 }}>
                {g(`ratios.${r.rule}.label`)}
              </Text>
              <Badge
                variant="light"
                color={r.ok ? 'green' : r.applies ? 'red' : 'gray'}
                style={{ flexShrink: 0 }}
              >
                {r.ok ? g('ratios.ok') : r.applies ? g('ratios.broken') : g('ratios.notBinding')}
              </Badge>
            </Group>
            <Text fz={26} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {percent(r.valueBp)}
            </Text>
            <Text size="xs" c="dimmed">
              {g(`ratios.${r.rule}.limit`, { limit: `${Math.round((r.limit.num / r.limit.den) * 100)} %` })}
              {r.rule === 'largestHolder' && r.associateId && names.get(r.associateId)
                ? ` — ${names.get(r.associateId)}`
                : ''}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </>
  );
}
