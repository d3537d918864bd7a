import { Badge } from '@mantine/core';
import type { QuoteView } from '../../core/sales/quote-schemas.ts';
import { useSalesTexts } from './use-sales-texts.ts';

const colors: Record<QuoteView['status'], string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'green',
  refused: 'red',
  expired: 'orange',
};

/** A quote's status as a coloured badge with its word. */
export function QuoteStatusBadge({
  status,
  size = 'sm',
}: {
  status: QuoteView['status'];
  size?: 'sm' | 'md';
}) {
  const { s } = useSalesTexts();
  return (
    <Badge color={colors[status]} variant="light" size={size} style={{ textTransform: 'none' }}>
      {s(`quoteStatus.${status}`)}
    </Badge>
  );
}
