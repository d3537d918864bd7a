import { Text } from '@mantine/core';
import { useSalesTexts } from './use-sales-texts.ts';

/** An amount: tabular digits, negative ones visibly red (ui.md). */
export function Money({ cents, strong = false }: { cents: number; strong?: boolean }) {
  const { euros } = useSalesTexts();
  return (
    <Text
      span
      size="sm"
      fw={strong ? 700 : undefined}
      c={cents < 0 ? 'red.8' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {euros(cents)}
    </Text>
  );
}
