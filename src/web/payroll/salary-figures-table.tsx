import { Table, Text } from '@mantine/core';
import type { SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import { usePayrollTexts } from './use-payroll-texts.ts';

/** A figure right-aligned in tabular digits, negative in red. */
export function Money({ cents, strong = false }: { cents: number | null | undefined; strong?: boolean }) {
  const { euros } = usePayrollTexts();
  return (
    <Text
      span
      size="sm"
      fw={strong ? 700 : undefined}
      c={cents !== null && cents !== undefined && cents < 0 ? 'red.8' : undefined}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {euros(cents)}
    </Text>
  );
}

/** The payslip's lines: each contribution as the rules engine names it, employee then employer side. */
export function ContributionLinesTable({ figures }: { figures: SalaryFigures }) {
  const { p } = usePayrollTexts();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{p('simulator.line')}</Table.Th>
            <Table.Th ta="right">€</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.lines.map((l) => (
            <Table.Tr key={`${l.side}-${l.rule}`}>
              <Table.Td>
                <Text size="sm">{l.label}</Text>
                <Text size="xs" c="dimmed">
                  {p('simulator.side')}{' '}
                  {p(l.side === 'employee' ? 'simulator.employeeSide' : 'simulator.employerSide')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Money cents={l.amountCents} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
