import { Badge, Group } from '@mantine/core';
import type { InvoiceView } from '../../core/sales/invoice-view.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** Where an invoice stands in its life: draft, awaiting validation, validated, issued. */
export type InvoiceStage = 'draft' | 'submitted' | 'approved' | 'issued';

export function invoiceStage(invoice: Pick<InvoiceView, 'status' | 'approvedAt'>): InvoiceStage {
  if (invoice.status === 'submitted') return invoice.approvedAt ? 'approved' : 'submitted';
  return invoice.status;
}

const stageColors: Record<InvoiceStage, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'cyan',
  issued: 'blue',
};
const paymentColors = { unpaid: 'gray', partlyPaid: 'orange', paid: 'green', overdue: 'red' } as const;

/** Statuses as coloured badges with words (ui.md: never colour alone). */
export function InvoiceStatusBadges({
  invoice,
  size = 'sm',
}: {
  invoice: Pick<InvoiceView, 'status' | 'approvedAt' | 'paymentStatus' | 'type'>;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { s } = useSalesTexts();
  const stage = invoiceStage(invoice);
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={stageColors[stage]} variant="light" size={size} style={{ textTransform: 'none' }}>
        {s(`stage.${stage}`)}
      </Badge>
      {invoice.paymentStatus && invoice.type !== 'creditNote' && (
        <Badge
          color={paymentColors[invoice.paymentStatus]}
          variant={invoice.paymentStatus === 'paid' ? 'filled' : 'light'}
          size={size}
          style={{ textTransform: 'none' }}
        >
          {s(`payment.${invoice.paymentStatus}`)}
        </Badge>
      )}
    </Group>
  );
}
