import { Stack, Table, Text } from '@mantine/core';
import type { ChargeView } from '../../core/contribution/contribution-views.ts';
import { Amount } from '../ledger/amount.tsx';
import { useContributionTexts } from './use-contribution-texts.ts';

type Explanation = ChargeView['explanation'];

/**
 * Why a month's contribution is what it is: the base, each bracket crossed, the fee, the exemption and any
 * correction of earlier months, one line each, adding up to the amount charged (to the cent).
 */
export function ExplanationTable({ explanation: e }: { explanation: Explanation }) {
  const { c, euros, percent, day } = useContributionTexts();
  return (
    <Stack gap="xs">
      <Text size="sm">{c(`explanation.sources.${e.source}`)}</Text>
      {e.versionFrom && (
        <Text size="xs" c="dimmed">
          {c('explanation.version', { date: day(e.versionFrom) })}
        </Text>
      )}
      {e.base && (
        <Text size="sm">
          {c('explanation.base', { base: c(`explanation.bases.${e.base}`) })} — {c('explanation.monthBase')}{' '}
          <b>{euros(e.monthBaseCents)}</b>, {c('explanation.ytdBase').toLowerCase()}{' '}
          <b>{euros(e.yearToDateBaseCents)}</b>
        </Text>
      )}
      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing={4} aria-label={c('explanation.title', { month: e.month })}>
          <Table.Tbody>
            {e.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity beyond their place
              <Table.Tr key={i}>
                <Table.Td>
                  {item.kind === 'bracket' && (
                    <>
                      {item.toCents === null
                        ? c('explanation.bracketOpen', {
                            from: euros(item.fromCents),
                            rate: percent(item.rateBp),
                          })
                        : c('explanation.bracket', {
                            from: euros(item.fromCents),
                            to: euros(item.toCents),
                            rate: percent(item.rateBp),
                          })}{' '}
                      <Text span size="xs" c="dimmed">
                        {c('explanation.bracketOn', { base: euros(item.baseCents) })}
                      </Text>
                    </>
                  )}
                  {item.kind === 'fee' && c('explanation.fee')}
                  {item.kind === 'exemption' && (
                    <>
                      {c('explanation.exemption', { days: item.exemptDays, total: item.daysInMonth })}
                      {item.reasons.length > 0 && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          — {item.reasons.join(', ')}
                        </Text>
                      )}
                    </>
                  )}
                  {item.kind === 'correction' && (
                    <>
                      {c('explanation.correction')}
                      <Text size="xs" c="dimmed">
                        {c('explanation.correctionHint', {
                          recomputed: euros(item.recomputedCents),
                          charged: euros(item.chargedCents),
                        })}
                      </Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Amount cents={item.amountCents} />
                </Table.Td>
              </Table.Tr>
            ))}
            {e.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={2}>{c('explanation.zero')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{c('explanation.total')}</Table.Th>
              <Table.Th ta="right">
                <Amount cents={e.dueCents} strong />
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {c('explanation.ytd', { amount: euros(e.yearToDateCents) })}
      </Text>
    </Stack>
  );
}
