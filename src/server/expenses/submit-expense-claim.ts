import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { assertExpenseTransition } from '../../core/expenses/expense-approval.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { members } from '../members/members-tables.ts';
import { assertExpenseDate } from './expense-access.ts';
import { expenseClaimLines, expenseClaims } from './expenses-tables.ts';
import { loadClaimViews } from './load-expense-views.ts';

/**
 * The member sends their draft claim for approval (issue 7): only their own, every expense line with its receipt,
 * dates checked again (a year may have closed since the draft). The claim gets its number (NDF-…) and can no
 * longer change.
 */
export async function submitExpenseClaim(ctx: AppContext, actor: Actor, claimId: string) {
  const today = calendarDateOf(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const [claim] = await tx.select().from(expenseClaims).where(eq(expenseClaims.id, claimId)).for('update');
    if (!claim) throw new AppError('NOT_FOUND');
    const [member] = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(eq(members.id, claim.memberId));
    if (!actor.userId || member?.userId !== actor.userId) throw new AppError('NOT_FOUND');
    const next = assertExpenseTransition(claim.status, 'submit');
    const lines = await tx
      .select()
      .from(expenseClaimLines)
      .where(eq(expenseClaimLines.claimId, claimId))
      .orderBy(expenseClaimLines.position);
    for (const line of lines) {
      if (line.kind === 'expense' && !line.receiptSha256)
        throw new AppError('EXPENSE_RECEIPT_MISSING', { line: line.position });
      await assertExpenseDate(tx, line.lineDate, today);
    }
    const [{ n } = { n: '0' }] = await queryRows<{ n: string }>(
      tx,
      sql`SELECT nextval('expense_claim_numbers')::text AS n`,
    );
    const number = `NDF-${today.slice(0, 4)}-${n.padStart(5, '0')}`;
    await tx
      .update(expenseClaims)
      .set({ status: next, number, submittedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(expenseClaims.id, claimId));
    await recordAudit(tx, actor, {
      action: 'expense.claim.submit',
      objectType: 'expense_claim',
      objectId: claimId,
      changes: { number, totalCents: claim.totalCents },
    });
    const [view] = await loadClaimViews(tx, sql`c.id = ${claimId}`);
    return view!;
  });
}
