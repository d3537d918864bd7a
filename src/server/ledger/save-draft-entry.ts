import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { DraftEntryRequest } from '../../core/ledger/entry-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { type DraftLine, ledgerDrafts, ledgerJournals } from './ledger-tables.ts';

type DraftInput = ReturnType<typeof DraftEntryRequest.parse>;

export function toDraftLines(lines: DraftInput['lines']): DraftLine[] {
  return lines.map((l) => ({
    accountNumber: l.accountNumber,
    activityId: l.activityId,
    thirdParty: l.thirdParty,
    debitCents: l.debitCents.toString(),
    creditCents: l.creditCents.toString(),
    label: l.label,
  }));
}

async function requireManualJournal(db: Db, code: string) {
  const [journal] = await db.select().from(ledgerJournals).where(eq(ledgerJournals.code, code));
  if (!journal) throw new AppError('LEDGER_JOURNAL_UNKNOWN', { journal: code });
  if (!journal.manual) throw new AppError('LEDGER_JOURNAL_NOT_MANUAL', { journal: code });
}

/**
 * Saves a manual entry being typed by the accountant (journal OD by default): a draft may be incomplete
 * or unbalanced; the ledger rules apply when it is posted. With `draftId`, replaces that draft's content.
 */
export async function saveDraftEntry(ctx: AppContext, actor: Actor, input: DraftInput, draftId?: string) {
  return ctx.db.transaction(async (tx) => {
    await requireManualJournal(tx, input.journalCode);
    const values = {
      journalCode: input.journalCode,
      entryDate: input.entryDate,
      pieceRef: input.pieceRef,
      pieceDate: input.pieceDate ?? input.entryDate,
      label: input.label,
      lines: toDraftLines(input.lines),
      updatedAt: ctx.now(),
    };
    let row: typeof ledgerDrafts.$inferSelect | undefined;
    if (draftId) {
      const [before] = await tx.select().from(ledgerDrafts).where(eq(ledgerDrafts.id, draftId)).for('update');
      if (!before) throw new AppError('NOT_FOUND');
      if (before.status !== 'draft') throw new AppError('LEDGER_DRAFT_NOT_EDITABLE');
      [row] = await tx.update(ledgerDrafts).set(values).where(eq(ledgerDrafts.id, draftId)).returning();
    } else {
      [row] = await tx
        .insert(ledgerDrafts)
        .values({ ...values, createdBy: actor.userId, createdAt: ctx.now() })
        .returning();
    }
    await recordAudit(tx, actor, {
      action: draftId ? 'ledger.draft.update' : 'ledger.draft.create',
      objectType: 'ledger_draft',
      objectId: row!.id,
      changes: {
        journal: values.journalCode,
        entryDate: values.entryDate,
        label: values.label,
        lines: values.lines.length,
      },
    });
    return row!;
  });
}
