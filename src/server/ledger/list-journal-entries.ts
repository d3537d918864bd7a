import { sql } from 'drizzle-orm';
import type { EntryView, LedgerFilters } from '../../core/ledger/report-schemas.ts';
import { centsToJson } from '../../core/money/cents-schema.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { ledgerFilterSql } from './ledger-filter-sql.ts';
import { loadEntries, type StoredEntry } from './load-entry.ts';
import { resolveFiscalYear } from './resolve-fiscal-year.ts';

/** Entries as the screens show them: lines with account labels and activity codes, and reversal links. */
export async function toEntryViews(db: Db, entries: StoredEntry[]): Promise<EntryView[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.id);
  const numbers = [...new Set(entries.flatMap((e) => e.lines.map((l) => l.accountNumber)))];
  const activityIds = [...new Set(entries.flatMap((e) => e.lines.map((l) => l.activityId)))];
  const accounts = new Map(
    (
      await queryRows<{ number: string; label: string }>(
        db,
        sql`SELECT number, label FROM ledger_accounts WHERE number = ANY(${sql.param(numbers)}::text[])`,
      )
    ).map((a) => [a.number, a.label]),
  );
  const activities = new Map(
    (
      await queryRows<{ id: string; code: string }>(
        db,
        sql`SELECT id, code FROM activities WHERE id = ANY(${sql.param(activityIds)}::uuid[])`,
      )
    ).map((a) => [a.id, a.code]),
  );
  const reversals = new Map(
    (
      await queryRows<{ id: string; reverses_entry_id: string }>(
        db,
        sql`SELECT id, reverses_entry_id FROM ledger_entries WHERE reverses_entry_id = ANY(${sql.param(ids)}::uuid[])`,
      )
    ).map((r) => [r.reverses_entry_id, r.id]),
  );
  return entries.map((e) => ({
    id: e.id,
    journalCode: e.journalCode,
    fiscalYearId: e.fiscalYearId,
    number: e.number,
    entryDate: e.entryDate,
    pieceRef: e.pieceRef,
    pieceDate: e.pieceDate,
    label: e.label,
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: reversals.get(e.id) ?? null,
    totalCents: centsToJson(e.totalCents),
    postedAt: e.postedAt.toISOString(),
    hash: e.hash,
    lines: e.lines.map((l) => ({
      lineNo: l.lineNo,
      accountNumber: l.accountNumber,
      accountLabel: accounts.get(l.accountNumber) ?? '',
      activityId: l.activityId,
      activityCode: activities.get(l.activityId) ?? '',
      thirdPartyCode: l.thirdPartyCode,
      thirdPartyName: l.thirdPartyName,
      debitCents: centsToJson(l.debitCents),
      creditCents: centsToJson(l.creditCents),
      label: l.label,
    })),
  }));
}

/**
 * The journal view: entries of a fiscal year in posting order, filtered by period, journal, and by
 * account, activity or third party (entries having such a line), a page at a time.
 */
export async function listJournalEntries(
  db: Db,
  filters: LedgerFilters,
  today: string,
  page: { offset: number; limit: number },
) {
  const year = await resolveFiscalYear(db, filters.fiscalYearId, today);
  const where = ledgerFilterSql(filters, year, { entryLevel: true });
  const [count] = await queryRows<{ n: string }>(
    db,
    sql`SELECT count(*)::text AS n FROM ledger_entries e WHERE ${where}`,
  );
  const entries = await loadEntries(
    db,
    sql`WHERE ${where} ORDER BY e.seq LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return { fiscalYear: year, total: Number(count?.n ?? 0), entries: await toEntryViews(db, entries) };
}
