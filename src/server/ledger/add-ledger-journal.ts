import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { JournalKind } from '../../core/ledger/ledger-journals.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ledgerJournals } from './ledger-tables.ts';

/** Adds a journal, e.g. `BQ2` for a second bank account (ledger.md: one bank journal per account). */
export async function addLedgerJournal(
  ctx: AppContext,
  actor: Actor,
  input: { code: string; label: string; kind: JournalKind; manual?: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const [taken] = await tx.select().from(ledgerJournals).where(eq(ledgerJournals.code, input.code));
    if (taken) throw new AppError('LEDGER_JOURNAL_EXISTS', { journal: input.code });
    const [row] = await tx
      .insert(ledgerJournals)
      .values({
        code: input.code,
        label: input.label,
        kind: input.kind,
        manual: input.manual ?? false,
        lastHash: '0'.repeat(64),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'ledger.journal.create',
      objectType: 'ledger_journal',
      objectId: input.code,
      changes: input,
    });
    return row!;
  });
}
