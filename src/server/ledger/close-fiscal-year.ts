import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { buildOpeningLines, type YearEndBalance } from '../../core/ledger/build-opening-lines.ts';
import { nextFiscalYearRange } from '../../core/ledger/fiscal-year-rules.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { openingJournalCode } from '../../core/ledger/ledger-journals.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { type ParsedEntry, postParsedEntries } from './post-entries.ts';

type YearRow = { id: number; start_date: string; end_date: string; status: 'open' | 'closed' };

/**
 * Closes a fiscal year (PCG: the closing freezes the chronology). In one transaction: the year must be
 * over, the previous one closed and no draft left in it; the next year is opened if needed and receives
 * one opening entry (`AN`) per activity, carrying its balance-sheet balances per third party and its
 * result in 120/129; then the year is marked closed and the database refuses any entry in it from then on.
 */
export async function closeFiscalYear(ctx: AppContext, actor: Actor, fiscalYearId: number) {
  return ctx.db.transaction(async (tx) => {
    const [year] = await queryRows<YearRow>(
      tx,
      sql`SELECT id, start_date::text, end_date::text, status FROM fiscal_years WHERE id = ${fiscalYearId} FOR UPDATE`,
    );
    if (!year) throw new AppError('NOT_FOUND');
    const refuse = (reason: string) => {
      throw new AppError('LEDGER_FISCAL_YEAR_NOT_CLOSABLE', { reason });
    };
    if (year.status === 'closed') refuse('il est déjà clôturé.');
    const today = dateInTimeZone(ctx.now());
    if (today <= year.end_date) refuse(`il se termine le ${year.end_date}.`);
    const earlierOpen = await queryRows(
      tx,
      sql`SELECT 1 FROM fiscal_years WHERE start_date < ${year.start_date} AND status = 'open'`,
    );
    if (earlierOpen.length > 0) refuse("l'exercice précédent n'est pas clôturé.");
    const drafts = await queryRows(
      tx,
      sql`SELECT 1 FROM ledger_drafts WHERE status = 'draft'
          AND entry_date BETWEEN ${year.start_date} AND ${year.end_date}`,
    );
    if (drafts.length > 0)
      refuse('des écritures en brouillon datées de cet exercice restent à valider ou abandonner.');

    const next = nextFiscalYearRange({ startDate: year.start_date, endDate: year.end_date });
    await tx.execute(
      sql`INSERT INTO fiscal_years (start_date, end_date) VALUES (${next.startDate}, ${next.endDate}) ON CONFLICT DO NOTHING`,
    );

    const balances = (
      await queryRows<{
        activity_id: string;
        account_number: string;
        third_party_code: string | null;
        third_party_name: string | null;
        debit: string;
        credit: string;
      }>(
        tx,
        sql`SELECT l.activity_id, l.account_number, l.third_party_code, max(l.third_party_name) AS third_party_name,
                   sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
            FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
            WHERE e.fiscal_year_id = ${fiscalYearId}
            GROUP BY l.activity_id, l.account_number, l.third_party_code`,
      )
    ).map(
      (r): YearEndBalance => ({
        activityId: r.activity_id,
        accountNumber: r.account_number,
        thirdPartyCode: r.third_party_code,
        thirdPartyName: r.third_party_name,
        debitCents: BigInt(r.debit),
        creditCents: BigInt(r.credit),
      }),
    );
    const opening = buildOpeningLines(balances);
    const endLabel = year.end_date.split('-').reverse().join('/');
    const entries: ParsedEntry[] = [...opening].map(([activityId, lines]) => ({
      journalCode: openingJournalCode,
      entryDate: next.startDate,
      pieceRef: `CLOTURE-${year.end_date.replaceAll('-', '')}`,
      pieceDate: year.end_date,
      label: `À-nouveaux de l'exercice clos le ${endLabel}`,
      source: { type: 'closing', id: String(fiscalYearId) },
      idempotencyKey: `opening:${fiscalYearId}:${activityId}`,
      reversesEntryId: null,
      lines: lines.map((l) => ({ ...l, activityId })),
    }));
    const posted = await postParsedEntries({ ...ctx, db: tx }, actor, entries, {
      allowInactiveAccounts: true,
    });
    await tx.execute(
      sql`UPDATE fiscal_years SET status = 'closed', closed_at = ${ctx.now()}, closed_by = ${actor.userId}
          WHERE id = ${fiscalYearId}`,
    );
    const result = balances
      .filter((b) => b.accountNumber.startsWith('6') || b.accountNumber.startsWith('7'))
      .reduce((s, b) => s + b.creditCents - b.debitCents, 0n);
    await recordAudit(tx, actor, {
      action: 'ledger.fiscal_year.close',
      objectType: 'fiscal_year',
      objectId: String(fiscalYearId),
      changes: {
        openingEntries: posted.length,
        resultCents: result.toString(),
        nextYearStart: next.startDate,
      },
    });
    return { fiscalYearId, openingEntries: posted.length, resultCents: result, nextYear: next };
  });
}
