import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ledgerDrafts } from './ledger-tables.ts';
import { postEntry } from './post-entry.ts';

/**
 * Posts a draft manual entry: from then on it is an entry of the books, numbered, chained and unchangeable.
 * The draft keeps a link to the entry. Refused (and the draft left as it is) if it breaks a ledger rule.
 */
export async function postDraftEntry(ctx: AppContext, actor: Actor, draftId: string) {
  return ctx.db.transaction(async (tx) => {
    const [draft] = await tx.select().from(ledgerDrafts).where(eq(ledgerDrafts.id, draftId)).for('update');
    if (!draft) throw new AppError('NOT_FOUND');
    if (draft.status !== 'draft') throw new AppError('LEDGER_DRAFT_NOT_EDITABLE');
    const posted = await postEntry({ ...ctx, db: tx }, actor, {
      journalCode: draft.journalCode,
      entryDate: draft.entryDate,
      pieceRef: draft.pieceRef,
      pieceDate: draft.pieceDate,
      label: draft.label,
      source: { type: 'manual', id: draft.id },
      idempotencyKey: `draft:${draft.id}`,
      lines: draft.lines,
    });
    await tx
      .update(ledgerDrafts)
      .set({ status: 'posted', postedEntryId: posted.id, updatedAt: ctx.now() })
      .where(eq(ledgerDrafts.id, draftId));
    await recordAudit(tx, actor, {
      action: 'ledger.draft.post',
      objectType: 'ledger_draft',
      objectId: draftId,
      changes: { entry: posted.id, journal: posted.journalCode, number: posted.number },
    });
    return posted;
  });
}
