import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { reverseLines } from '../../core/ledger/reverse-lines.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { loadEntry } from './load-entry.ts';
import { type PostedEntry, postParsedEntries } from './post-entries.ts';

/**
 * Reverses a posted entry (contrepassation): a new entry in the same journal, dated `entryDate` (today by
 * default), with the same lines debit and credit swapped, referencing the entry it reverses. Nothing else
 * ever corrects a posted entry (ledger.md, invariant 2). An entry is reversed at most once.
 */
export async function reverseEntry(
  ctx: AppContext,
  actor: Actor,
  entryId: string,
  input: { entryDate?: string; label?: string } = {},
): Promise<PostedEntry> {
  if (!can(actor.roles, 'ledger.post')) throw new AppError('LEDGER_POST_FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const original = await loadEntry(tx, entryId);
    if (!original) throw new AppError('NOT_FOUND');
    const already = await queryRows(
      tx,
      sql`SELECT 1 FROM ledger_entries WHERE reverses_entry_id = ${entryId}`,
    );
    if (already.length > 0) throw new AppError('LEDGER_ENTRY_ALREADY_REVERSED');
    const label = (
      input.label?.trim() ||
      `Contrepassation ${original.journalCode} n° ${original.number} : ${original.label}`
    ).slice(0, 200);
    const [posted] = await postParsedEntries(
      { ...ctx, db: tx },
      actor,
      [
        {
          journalCode: original.journalCode,
          entryDate: input.entryDate ?? dateInTimeZone(ctx.now()),
          pieceRef: original.pieceRef,
          pieceDate: original.pieceDate,
          label,
          source: { type: 'reversal', id: original.id },
          idempotencyKey: `reversal:${original.id}`,
          reversesEntryId: original.id,
          lines: reverseLines(original.lines).map((l) => ({
            accountNumber: l.accountNumber,
            activityId: l.activityId,
            thirdParty: l.thirdPartyCode
              ? { code: l.thirdPartyCode, name: l.thirdPartyName ?? l.thirdPartyCode }
              : null,
            debitCents: l.debitCents,
            creditCents: l.creditCents,
            label: l.label,
          })),
        },
      ],
      { allowInactiveAccounts: true },
    );
    // A concurrent reversal committed while this one waited for the journal: its key is taken.
    if (posted!.alreadyPosted) throw new AppError('LEDGER_ENTRY_ALREADY_REVERSED');
    await recordAudit(tx, actor, {
      action: 'ledger.entry.reverse',
      objectType: 'ledger_entry',
      objectId: original.id,
      changes: { reversal: posted!.id, journal: posted!.journalCode, number: posted!.number },
    });
    return posted!;
  });
}
