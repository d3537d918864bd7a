import { Text } from '@mantine/core';
import { useLedgerTexts } from './use-ledger-texts.ts';

/** An amount in a table cell: right-aligned tabular digits; zero shown blank when asked (debit/credit columns). */
export function Amount({
  cents,
  blankZero = false,
  strong = false,
}: {
  cents: number;
  blankZero?: boolean;
  strong?: boolean;
}) {
  const { euros } = useLedgerTexts();
  return (
    <Text
      span
      size="sm"
      fw={strong ? 700 : undefined}
      c={cents < 0 ? 'red.8' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {blankZero && cents === 0 ? '' : euros(cents)}
    </Text>
  );
}
