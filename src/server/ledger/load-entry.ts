import { sql } from 'drizzle-orm';
import type { HashedEntry } from '../../core/ledger/canonical-entry.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

export type StoredEntry = HashedEntry & {
  seq: number;
  lineCount: number;
  totalCents: bigint;
  prevHash: string;
  hash: string;
};

type EntryRow = {
  id: string;
  seq: string | number;
  journal_code: string;
  fiscal_year_id: number;
  number: number;
  chain_index: string | number;
  entry_date: string;
  piece_ref: string;
  piece_date: string;
  label: string;
  source_type: string;
  source_id: string | null;
  idempotency_key: string;
  reverses_entry_id: string | null;
  line_count: number;
  total_cents: string;
  posted_at: string;
  posted_by: string | null;
  prev_hash: string;
  hash: string;
};
type LineRow = {
  entry_id: string;
  line_no: number;
  account_number: string;
  activity_id: string;
  third_party_code: string | null;
  third_party_name: string | null;
  debit_cents: string;
  credit_cents: string;
  label: string;
};

/** The SELECT list that reads entries back exactly as they were hashed (text casts: same on PGlite and pg). */
export const entryColumns = sql.raw(`e.id, e.seq::text AS seq, e.journal_code, e.fiscal_year_id, e.number,
  e.chain_index::text AS chain_index, e.entry_date::text AS entry_date, e.piece_ref, e.piece_date::text AS piece_date,
  e.label, e.source_type, e.source_id, e.idempotency_key, e.reverses_entry_id, e.line_count,
  e.total_cents::text AS total_cents, to_char(e.posted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS posted_at,
  e.posted_by, e.prev_hash, e.hash`);

/** Entries (in the given row order) with their lines, as stored. */
export async function withLines(db: Db, rows: EntryRow[]): Promise<StoredEntry[]> {
  if (rows.length === 0) return [];
  const lines = await queryRows<LineRow>(
    db,
    sql`SELECT entry_id, line_no, account_number, activity_id, third_party_code, third_party_name,
               debit_cents::text AS debit_cents, credit_cents::text AS credit_cents, label
        FROM ledger_entry_lines WHERE entry_id = ANY(${sql.param(rows.map((r) => r.id))}::uuid[])
        ORDER BY entry_id, line_no`,
  );
  const byEntry = new Map<string, LineRow[]>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push(l);
    byEntry.set(l.entry_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    journalCode: r.journal_code,
    fiscalYearId: Number(r.fiscal_year_id),
    number: Number(r.number),
    chainIndex: Number(r.chain_index),
    entryDate: r.entry_date,
    pieceRef: r.piece_ref,
    pieceDate: r.piece_date,
    label: r.label,
    sourceType: r.source_type,
    sourceId: r.source_id,
    idempotencyKey: r.idempotency_key,
    reversesEntryId: r.reverses_entry_id,
    postedAt: new Date(r.posted_at),
    postedBy: r.posted_by,
    lineCount: Number(r.line_count),
    totalCents: BigInt(r.total_cents),
    prevHash: r.prev_hash,
    hash: r.hash,
    lines: (byEntry.get(r.id) ?? []).map((l) => ({
      lineNo: Number(l.line_no),
      accountNumber: l.account_number,
      activityId: l.activity_id,
      thirdPartyCode: l.third_party_code,
      thirdPartyName: l.third_party_name,
      debitCents: BigInt(l.debit_cents),
      creditCents: BigInt(l.credit_cents),
      label: l.label,
    })),
  }));
}

/** Reads entries by a WHERE/ORDER BY tail (on alias `e`), with their lines. */
export async function loadEntries(db: Db, tail: ReturnType<typeof sql>): Promise<StoredEntry[]> {
  const rows = await queryRows<EntryRow>(db, sql`SELECT ${entryColumns} FROM ledger_entries e ${tail}`);
  return withLines(db, rows);
}

/** One entry with its lines, or null. */
export async function loadEntry(db: Db, id: string): Promise<StoredEntry | null> {
  const [entry] = await loadEntries(db, sql`WHERE e.id = ${id}`);
  return entry ?? null;
}
