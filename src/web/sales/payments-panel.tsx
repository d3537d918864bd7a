import { Paper, Table, Text, Title } from '@mantine/core';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { Money } from './money.tsx';
import { useSalesTexts } from './use-sales-texts.ts';

/** Each payment the client made on an issued invoice, oldest first (issue 5 §8: several partial payments). */
export function PaymentsPanel({ payments }: { payments: InvoiceView['payments'] }) {
  const { s, day } = useSalesTexts();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb="sm">
        {s('payments.list')}
      </Title>
      {payments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s('payments.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s('payments.date')}</Table.Th>
                <Table.Th>{s('payments.method')}</Table.Th>
                <Table.Th>{s('payments.reference')}</Table.Th>
                <Table.Th ta="right">{s('payments.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {payments.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(p.paidOn)}</Table.Td>
                  <Table.Td>{s(`paymentMethod.${p.method}`, { defaultValue: p.method })}</Table.Td>
                  <Table.Td>{p.reference || '—'}</Table.Td>
                  <Table.Td ta="right">
                    <Money cents={p.amountCents} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
