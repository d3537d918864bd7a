import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { computeDocumentTotals } from '../../core/sales/compute-document-totals.ts';
import type { DocumentBody } from '../../core/sales/document-line.ts';
import { unitCodes } from '../../core/sales/unit-codes.ts';
import { exemptionText } from '../../core/sales/vat-exemptions.ts';
import { Money } from './money.tsx';
import { useSalesTexts } from './use-sales-texts.ts';

const rate = (bp: number) => `${(bp / 100).toLocaleString('fr-FR')} %`;

/**
 * A document's lines as it prints them, each with its total excl. VAT computed by core (the figure the
 * PDF and the XML carry), and the document's totals underneath.
 */
export function DocumentLines({
  body,
  totals,
}: {
  body: DocumentBody;
  totals: {
    totalExclCents: number;
    totalInclCents: number;
    vatBreakdown: { key: string; baseCents: number; vatCents: number; rateBp: number }[];
  };
}) {
  const { s, euros, locale } = useSalesTexts();
  const nets = useMemo(() => {
    try {
      const t = computeDocumentTotals(body);
      return new Map(t.lines.map((l) => [`${l.sectionIndex}.${l.lineIndex}`, l.netCents]));
    } catch {
      return new Map<string, number>();
    }
  }, [body]);
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s('invoice.lineDescription')}</Table.Th>
              <Table.Th ta="right">{s('invoice.lineQuantity')}</Table.Th>
              <Table.Th ta="right">{s('invoice.lineUnitPrice')}</Table.Th>
              <Table.Th>{s('invoice.lineVat')}</Table.Th>
              <Table.Th ta="right">{s('invoice.lineDiscount')}</Table.Th>
              <Table.Th ta="right">{s('invoice.lineNet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {body.sections.flatMap((section, si) => [
              ...(section.title
                ? [
                    // biome-ignore lint/suspicious/noArrayIndexKey: a saved document's sections do not move
                    <Table.Tr key={`s${si}`}>
                      <Table.Td colSpan={6} fw={600}>
                        {section.title}
                      </Table.Td>
                    </Table.Tr>,
                  ]
                : []),
              ...section.lines.map((l, li) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a saved document's lines do not move
                <Table.Tr key={`${si}.${li}`}>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{l.description}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                    {l.quantity.replace('.', ',')} {unitCodes[l.unit]?.[locale] ?? l.unit}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Money cents={l.unitPriceCents} />
                  </Table.Td>
                  <Table.Td>
                    {l.vat.kind === 'rate' ? (
                      rate(l.vat.rateBp)
                    ) : (
                      <Text size="xs">{exemptionText(l.vat.exemption, l.vat.reason)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {l.discount
                      ? l.discount.kind === 'percent'
                        ? rate(l.discount.bp)
                        : euros(l.discount.cents)
                      : '—'}
                  </Table.Td>
                  <Table.Td ta="right">
                    {nets.has(`${si}.${li}`) ? <Money cents={nets.get(`${si}.${li}`)!} /> : '—'}
                  </Table.Td>
                </Table.Tr>
              )),
            ])}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Table w={{ base: '100%', sm: 380 }} ml="auto" mt="md" withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{s('totals.excl')}</Table.Td>
            <Table.Td ta="right">
              <Money cents={totals.totalExclCents} />
            </Table.Td>
          </Table.Tr>
          {totals.vatBreakdown.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Td>
                {g.rateBp > 0
                  ? s('totals.vatAt', {
                      rate: (g.rateBp / 100).toLocaleString('fr-FR'),
                      base: euros(g.baseCents),
                    })
                  : s('totals.vatExempt', { base: euros(g.baseCents) })}
              </Table.Td>
              <Table.Td ta="right">
                <Money cents={g.vatCents} />
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={700}>{s('totals.incl')}</Table.Td>
            <Table.Td ta="right">
              <Money cents={totals.totalInclCents} strong />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </>
  );
}
