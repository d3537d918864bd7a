import { eq } from 'drizzle-orm';
import { ExpenseSettings } from '../../core/expenses/expense-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { expenseSettings } from './expenses-tables.ts';

/** The cooperative's expense settings (one row, seeded by the migration: 1,000 € for two approvers). */
export async function getExpenseSettings(db: Db): Promise<ExpenseSettings> {
  const [row] = await db.select().from(expenseSettings).where(eq(expenseSettings.id, 1));
  return { doubleApprovalAboveCents: row?.doubleApprovalAboveCents ?? 100_000 };
}

/** A manager sets the amount above which two different people must approve an expense. */
export async function updateExpenseSettings(ctx: AppContext, actor: Actor, input: ExpenseSettings) {
  const next = ExpenseSettings.parse(input);
  return ctx.db.transaction(async (tx) => {
    const before = await getExpenseSettings(tx);
    await tx
      .update(expenseSettings)
      .set({ ...next, updatedBy: actor.userId, updatedAt: ctx.now() })
      .where(eq(expenseSettings.id, 1));
    await recordAudit(tx, actor, {
      action: 'expense.settings.update',
      objectType: 'expense_settings',
      objectId: '1',
      changes: {
        doubleApprovalAboveCents: {
          from: before.doubleApprovalAboveCents,
          to: next.doubleApprovalAboveCents,
        },
      },
    });
    return next;
  });
}
