import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ledgerDrafts } from './ledger-tables.ts';

/** Abandons a draft manual entry (it was never in the books, so nothing is reversed). */
export async function discardDraftEntry(ctx: AppContext, actor: Actor, draftId: string) {
  return ctx.db.transaction(async (tx) => {
    const [draft] = await tx.select().from(ledgerDrafts).where(eq(ledgerDrafts.id, draftId)).for('update');
    if (!draft) throw new AppError('NOT_FOUND');
    if (draft.status !== 'draft') throw new AppError('LEDGER_DRAFT_NOT_EDITABLE');
    await tx
      .update(ledgerDrafts)
      .set({ status: 'discarded', updatedAt: ctx.now() })
      .where(eq(ledgerDrafts.id, draftId));
    await recordAudit(tx, actor, {
      action: 'ledger.draft.discard',
      objectType: 'ledger_draft',
      objectId: draftId,
    });
  });
}
