import { Group, Stack, Table, Text } from '@mantine/core';
import type { Tally } from './governance-api.ts';
import { useGovernanceTexts } from './use-governance-texts.ts';

/** A closed vote's result: the ballots per choice, the votes cast, what was needed. */
export function ResolutionResult({ result }: { result: Tally }) {
  const { g, percent } = useGovernanceTexts();
  return (
    <Stack gap={4}>
      <Table withTableBorder withColumnBorders fz="sm" maw={520} aria-label={g('result.table')}>
        <Table.Thead>
          <Table.Tr>
            {(['yes', 'no', 'abstain', 'blank'] as const).map((c) => (
              <Table.Th key={c} ta="center">
                {g(`choice.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            {(['yes', 'no', 'abstain', 'blank'] as const).map((c) => (
              <Table.Td key={c} ta="center" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {result.counts[c]}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group gap="md">
        <Text size="xs" c="dimmed">
          {g('result.votesCast', { count: result.votesCast })}
        </Text>
        {result.yesNeeded !== null && (
          <Text size="xs" c="dimmed">
            {g('result.yesNeeded', { count: result.yesNeeded })}
          </Text>
        )}
        {result.yesBp !== null && (
          <Text size="xs" c="dimmed">
            {g('result.yesShare', { share: percent(result.yesBp) })}
          </Text>
        )}
        {!result.quorum.reached && (
          <Text size="xs" c="red.8">
            {g('result.noQuorum')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
