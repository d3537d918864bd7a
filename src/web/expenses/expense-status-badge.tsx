import { Badge } from '@mantine/core';
import type { ExpenseStatus } from '../../core/expenses/expense-approval.ts';
import { useExpenseTexts } from './use-expense-texts.ts';

const colors: Record<ExpenseStatus | 'partlyPaid' | 'secondApproval', string> = {
  draft: 'gray',
  submitted: 'yellow',
  secondApproval: 'orange',
  approved: 'cyan',
  rejected: 'red',
  partlyPaid: 'teal',
  paid: 'green',
};

/** Where a claim or an invoice stands, as a coloured badge with words (ui.md: never colour alone). */
export function ExpenseStatusBadge({
  item,
}: {
  item: { status: ExpenseStatus; paidCents: number; approvals: unknown[]; approversNeeded: number };
}) {
  const { x } = useExpenseTexts();
  const stage =
    item.status === 'approved' && item.paidCents > 0
      ? 'partlyPaid'
      : item.status === 'submitted' &&
          item.approvals.length > 0 &&
          item.approversNeeded > item.approvals.length
        ? 'secondApproval'
        : item.status;
  return (
    <Badge
      color={colors[stage]}
      variant={stage === 'paid' ? 'filled' : 'light'}
      style={{ textTransform: 'none' }}
    >
      {x(`status.${stage}`)}
    </Badge>
  );
}
