import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure with its label: StatCard's look, sized down on phones so dates and amounts fit at 375 px. */
export function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text
        fz={{ base: 'lg', sm: 26 }}
        fw={700}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        lh={1.3}
      >
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
