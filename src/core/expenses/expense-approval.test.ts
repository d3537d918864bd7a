import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ApprovalState,
  decideExpense,
  expenseStatuses,
  expenseTransitions,
} from './expense-approval.ts';

const threshold = 100_000;
const submitted = (totalCents: number, approvedBy: string[] = []): ApprovalState => ({
  status: 'submitted',
  totalCents,
  ownerUserIds: ['member'],
  approvedBy,
});
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return null;
};

describe('expense approval rules', () => {
  it('nobody approves (or rejects) their own', () => {
    expect(code(() => decideExpense(submitted(5_000), 'member', { action: 'approve' }, threshold))).toBe(
      'EXPENSE_SELF_APPROVAL',
    );
    expect(
      code(() => decideExpense(submitted(5_000), 'member', { action: 'reject', reason: 'x' }, threshold)),
    ).toBe('EXPENSE_SELF_APPROVAL');
  });

  it('one approver up to the threshold, two different ones above it', () => {
    expect(decideExpense(submitted(threshold), 'support', { action: 'approve' }, threshold).status).toBe(
      'approved',
    );
    const first = decideExpense(submitted(threshold + 1), 'support', { action: 'approve' }, threshold);
    expect(first).toEqual({ status: 'submitted', approvedBy: ['support'], final: false });
    expect(
      code(() =>
        decideExpense(submitted(threshold + 1, ['support']), 'support', { action: 'approve' }, threshold),
      ),
    ).toBe('EXPENSE_ALREADY_APPROVED_BY_YOU');
    const second = decideExpense(
      submitted(threshold + 1, ['support']),
      'accountant',
      { action: 'approve' },
      threshold,
    );
    expect(second).toEqual({ status: 'approved', approvedBy: ['support', 'accountant'], final: true });
  });

  it('a rejection needs a reason, and a rejected item stays rejected', () => {
    expect(
      code(() => decideExpense(submitted(10), 'support', { action: 'reject', reason: ' ' }, threshold)),
    ).toBe('EXPENSE_REJECT_REASON_REQUIRED');
    const rejected = decideExpense(
      submitted(10),
      'support',
      { action: 'reject', reason: 'Pas de justificatif' },
      threshold,
    );
    expect(rejected.status).toBe('rejected');
    for (const action of ['approve', 'reject'] as const)
      expect(
        code(() =>
          decideExpense(
            { ...submitted(10), status: 'rejected' },
            'other',
            { action, reason: 'x' } as never,
            threshold,
          ),
        ),
      ).toBe('EXPENSE_STATUS_REFUSED');
  });

  it('only a submitted item is decided, whatever the status, actor and amount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...expenseStatuses),
        fc.constantFrom('support', 'accountant', 'member'),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.boolean(),
        (status, actor, total, approve) => {
          const decision = approve
            ? { action: 'approve' as const }
            : { action: 'reject' as const, reason: 'r' };
          const c = code(() => decideExpense({ ...submitted(total), status }, actor, decision, threshold));
          if (status !== 'submitted') expect(c).toBe('EXPENSE_STATUS_REFUSED');
          else if (actor === 'member') expect(c).toBe('EXPENSE_SELF_APPROVAL');
          else expect(c).toBeNull();
        },
      ),
    );
    // Terminal statuses have no way out.
    expect(expenseTransitions.rejected).toEqual({});
    expect(expenseTransitions.paid).toEqual({});
  });
});
