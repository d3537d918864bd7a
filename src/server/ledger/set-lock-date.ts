import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * Sets the lock date: nothing can be posted on or before it (ledger.md, invariant 5), typically the end
 * of a VAT period once declared. It only moves forward, and not beyond today.
 */
export async function setLockDate(ctx: AppContext, actor: Actor, lockDate: string) {
  return ctx.db.transaction(async (tx) => {
    const [current] = await queryRows<{ lock_date: string | null }>(
      tx,
      sql`SELECT lock_date::text FROM ledger_settings WHERE id = 1 FOR UPDATE`,
    );
    const before = current?.lock_date ?? null;
    if (before && lockDate < before) throw new AppError('LEDGER_LOCK_DATE_BACKWARDS', { lockDate: before });
    const today = dateInTimeZone(ctx.now());
    if (lockDate > today)
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ path: 'lockDate', key: 'ledger.lockDateFuture' }],
      });
    await tx.execute(
      sql`UPDATE ledger_settings SET lock_date = ${lockDate}, updated_at = ${ctx.now()} WHERE id = 1`,
    );
    await recordAudit(tx, actor, {
      action: 'ledger.lock_date.set',
      objectType: 'ledger_settings',
      objectId: '1',
      changes: { lockDate: { from: before, to: lockDate } },
    });
    return { lockDate };
  });
}
