import { AppError } from '../errors/app-error.ts';

/**
 * The life of an expense claim or a supplier invoice (issue 7): draft → submitted → approved or rejected (with a
 * reason) → paid. Support staff or accountants approve; nobody approves what they filed themselves (the
 * member's own claim, an invoice they recorded); above the amount the cooperative sets, two different approvers
 * are needed (the first approval leaves the item submitted). A rejected item stays rejected: the member files a
 * new claim. Paid is reached only through a confirmed payment batch.
 */
export const expenseStatuses = ['draft', 'submitted', 'approved', 'rejected', 'paid'] as const;
export type ExpenseStatus = (typeof expenseStatuses)[number];
export type ExpenseAction = 'edit' | 'submit' | 'approve' | 'reject' | 'pay';

/** Which action moves an item from which status, and where to (approve may stay submitted: see below). */
export const expenseTransitions: Record<ExpenseStatus, Partial<Record<ExpenseAction, ExpenseStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { approve: 'approved', reject: 'rejected' },
  approved: { pay: 'paid' },
  rejected: {},
  paid: {},
};

export function assertExpenseTransition(status: ExpenseStatus, action: ExpenseAction): ExpenseStatus {
  const next = expenseTransitions[status][action];
  if (!next) throw new AppError('EXPENSE_STATUS_REFUSED', { status, action });
  return next;
}

/** How many different approvers an amount needs: two strictly above the cooperative's threshold. */
export function approversNeeded(totalCents: number, doubleApprovalAboveCents: number): 1 | 2 {
  return totalCents > doubleApprovalAboveCents ? 2 : 1;
}

export type ApprovalState = {
  status: ExpenseStatus;
  totalCents: number;
  /** The people who filed the item (the member's account; whoever recorded it): never its approvers. */
  ownerUserIds: readonly string[];
  /** Who already approved it, in order. */
  approvedBy: readonly string[];
};

/**
 * An approval decision. Approving one's own item, approving twice, or any decision on an item not submitted is
 * refused; otherwise the approver is added and the item becomes approved once enough different people approved.
 * Rejecting needs a reason and is final.
 */
export function decideExpense(
  state: ApprovalState,
  actorUserId: string,
  decision: { action: 'approve' } | { action: 'reject'; reason: string },
  doubleApprovalAboveCents: number,
): { status: ExpenseStatus; approvedBy: string[]; final: boolean } {
  const next = assertExpenseTransition(state.status, decision.action);
  if (state.ownerUserIds.includes(actorUserId)) throw new AppError('EXPENSE_SELF_APPROVAL');
  if (decision.action === 'reject') {
    if (decision.reason.trim() === '') throw new AppError('EXPENSE_REJECT_REASON_REQUIRED');
    return { status: next, approvedBy: [...state.approvedBy], final: true };
  }
  if (state.approvedBy.includes(actorUserId)) throw new AppError('EXPENSE_ALREADY_APPROVED_BY_YOU');
  const approvedBy = [...state.approvedBy, actorUserId];
  const enough = approvedBy.length >= approversNeeded(state.totalCents, doubleApprovalAboveCents);
  return { status: enough ? next : 'submitted', approvedBy, final: enough };
}
