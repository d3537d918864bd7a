import { createHash, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { chainInput, type HashedEntry } from '../../core/ledger/canonical-entry.ts';
import {
  type EntryToPost,
  type PostEntryInput,
  PostEntryInput as PostEntrySchema,
} from '../../core/ledger/entry-schemas.ts';
import {
  type FiscalYearRange,
  type FiscalYearRef,
  findFiscalYear,
  fiscalYearToOpen,
  postingDateRefusal,
} from '../../core/ledger/fiscal-year-rules.ts';
import { type AccountRef, assertValidEntry, type JournalRef } from '../../core/ledger/validate-entry.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** What postEntry needs: a database handle (the caller's transaction, when it has one) and the clock. */
export type LedgerContext = Pick<AppContext, 'db' | 'now'>;

/** An entry as posted: its number in its journal and fiscal year, and its place in the hash chain. */
export type PostedEntry = {
  id: string;
  journalCode: string;
  fiscalYearId: number;
  number: number;
  entryDate: string;
  idempotencyKey: string;
  hash: string;
  /** True when the idempotency key had already been posted: nothing was written. */
  alreadyPosted: boolean;
};

/** A parsed entry, with the one field only the ledger itself sets: the entry a reversal reverses. */
export type ParsedEntry = EntryToPost & { reversesEntryId: string | null };

export type PostOptions = {
  /** Closing carries the balances of accounts deactivated during the year. */
  allowInactiveAccounts?: boolean;
};

/** Entries and lines per INSERT statement: all the lines of an entry always go in one statement. */
const entriesPerStatement = 2_000;
const linesPerStatement = 20_000;

/**
 * Posts entries into the books (ledger.md): the one way anything is written to them. In one transaction
 * (a savepoint inside the caller's, when `ctx.db` is one), it validates every entry (invariant 1 and the
 * model's rules), refuses dates in a closed year or on/before the lock date (5), locks the journals and
 * their year sequences in a fixed order, numbers the entries continuously per journal and year (3),
 * chains their hashes per journal (4) and inserts them; the database checks them again and updates the
 * stored balances in the same statement (6). An idempotency key already posted returns the entry posted
 * then, provided the content is the same.
 *
 * Rights: a manual entry (source type 'manual') needs `ledger.post`. An entry caused by a document
 * (invoice, payment, payroll run…) is posted by the use case that handles that document, which has checked
 * the actor's right to do it; the actor is recorded as the poster.
 */
export async function postEntries(
  ctx: LedgerContext,
  actor: Actor,
  inputs: readonly PostEntryInput[],
  options: PostOptions = {},
): Promise<PostedEntry[]> {
  const parsed = inputs.map((input, index) => {
    const result = PostEntrySchema.safeParse(input);
    if (!result.success) throw new AppError('VALIDATION_FAILED', { zodError: result.error, entry: index });
    return { ...result.data, reversesEntryId: null };
  });
  return postParsedEntries(ctx, actor, parsed, options);
}

/** postEntries for entries already parsed; reverseEntry and closeFiscalYear set reversesEntryId. */
export async function postParsedEntries(
  ctx: LedgerContext,
  actor: Actor,
  entries: readonly ParsedEntry[],
  options: PostOptions = {},
): Promise<PostedEntry[]> {
  if (entries.length === 0) return [];
  if (entries.some((e) => e.source.type === 'manual') && !can(actor.roles, 'ledger.post'))
    throw new AppError('LEDGER_POST_FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const refs = await loadPostingRefs(tx, entries);
    // Keys posted before (possibly in a year closed since): those entries are answered as they are,
    // without checking them again. The others are checked, then looked up again under the journal locks.
    const earlier = refs.postedKeys.length > 0 ? await findPostedByKeys(tx, refs.postedKeys) : new Map();
    const pending = entries.filter((e) => !earlier.has(e.idempotencyKey));
    entries.forEach((entry, index) => {
      if (earlier.has(entry.idempotencyKey)) return;
      try {
        assertValidEntry(entry, { ...refs, allowInactiveAccounts: options.allowInactiveAccounts });
      } catch (error) {
        if (error instanceof AppError && entries.length > 1) error.details.entry = index;
        throw error;
      }
    });

    // Lock order, the same in every transaction: fiscal years and settings (shared), journals, sequences,
    // then balances (taken by the database in key order).
    const dates = pending.map((e) => e.entryDate);
    let allYears = refs.years;
    const missing = fiscalYearToOpen(allYears, dates, refs.fiscalYearEnd);
    if (missing) {
      await openYearAutomatically(tx, actor, missing);
      allYears = await listFiscalYears(tx);
    }
    const { years, lockDate } = await lockFiscalYears(
      tx,
      dates.map((d) => findFiscalYear(allYears, d)?.id).filter((id): id is number => id !== undefined),
    );
    const yearOf = entries.map((entry) => {
      if (earlier.has(entry.idempotencyKey)) return null;
      const year = findFiscalYear(years, entry.entryDate);
      const refusal = postingDateRefusal(entry.entryDate, year, lockDate);
      if (refusal) throw new AppError(refusal.code, { ...refusal });
      return year!;
    });

    const journalCodes = [...new Set(pending.map((e) => e.journalCode))].sort();
    const heads = new Map(
      (
        await queryRows<{ code: string; chain_length: string | number; last_hash: string }>(
          tx,
          sql`SELECT code, chain_length, last_hash FROM ledger_journals
              WHERE code = ANY(${sql.param(journalCodes)}::text[]) ORDER BY code FOR UPDATE`,
        )
      ).map((r) => [r.code, { length: Number(r.chain_length), hash: r.last_hash }]),
    );

    // Under the journal locks, a concurrent posting of the same key has committed: look the keys up now.
    const existing =
      pending.length > 0
        ? await findPostedByKeys(
            tx,
            pending.map((e) => e.idempotencyKey),
          )
        : new Map();
    for (const [key, value] of earlier) existing.set(key, value);
    const results: (PostedEntry | null)[] = entries.map(() => null);
    const toPost: { entry: ParsedEntry; index: number }[] = [];
    const keysInBatch = new Map<string, number>();
    entries.forEach((entry, index) => {
      const posted = existing.get(entry.idempotencyKey);
      if (posted) {
        if (posted.content !== entryContent(entry))
          throw new AppError('LEDGER_IDEMPOTENCY_KEY_REUSED', { key: entry.idempotencyKey });
        results[index] = { ...posted.entry, alreadyPosted: true };
        return;
      }
      const first = keysInBatch.get(entry.idempotencyKey);
      if (first !== undefined) {
        if (entryContent(entries[first]!) !== entryContent(entry))
          throw new AppError('LEDGER_IDEMPOTENCY_KEY_REUSED', { key: entry.idempotencyKey });
        return; // filled from the first one below
      }
      keysInBatch.set(entry.idempotencyKey, index);
      toPost.push({ entry, index });
    });

    if (toPost.length > 0) {
      const next = await reserveNumbers(
        tx,
        toPost.map(({ entry, index }) => ({ journal: entry.journalCode, year: yearOf[index]!.id })),
      );
      const postedAt = ctx.now();
      const rows: InsertRow[] = [];
      for (const { entry, index } of toPost) {
        const year = yearOf[index]!;
        const number = next(entry.journalCode, year.id);
        const head = heads.get(entry.journalCode)!;
        head.length += 1;
        const hashed: HashedEntry = {
          id: randomUUID(),
          journalCode: entry.journalCode,
          fiscalYearId: year.id,
          number,
          chainIndex: head.length,
          entryDate: entry.entryDate,
          pieceRef: entry.pieceRef,
          pieceDate: entry.pieceDate,
          label: entry.label,
          sourceType: entry.source.type,
          sourceId: entry.source.id,
          idempotencyKey: entry.idempotencyKey,
          reversesEntryId: entry.reversesEntryId,
          postedAt,
          postedBy: actor.userId,
          lines: entry.lines.map((l, i) => ({
            lineNo: i + 1,
            accountNumber: l.accountNumber,
            activityId: l.activityId,
            thirdPartyCode: l.thirdParty?.code ?? null,
            thirdPartyName: l.thirdParty?.name ?? null,
            debitCents: l.debitCents,
            creditCents: l.creditCents,
            label: l.label,
          })),
        };
        const prevHash = head.hash;
        head.hash = createHash('sha256').update(chainInput(prevHash, hashed)).digest('hex');
        rows.push({ ...hashed, prevHash, hash: head.hash });
        results[index] = {
          id: hashed.id,
          journalCode: hashed.journalCode,
          fiscalYearId: year.id,
          number,
          entryDate: hashed.entryDate,
          idempotencyKey: hashed.idempotencyKey,
          hash: head.hash,
          alreadyPosted: false,
        };
      }
      await insertEntries(tx, rows);
      await tx.execute(sql`
        UPDATE ledger_journals j SET chain_length = h.len, last_hash = h.hash
        FROM unnest(${sql.param([...heads.keys()])}::text[],
                    ${sql.param([...heads.values()].map((h) => h.length))}::bigint[],
                    ${sql.param([...heads.values()].map((h) => h.hash))}::text[]) AS h(code, len, hash)
        WHERE j.code = h.code`);

      const posted = toPost.map(({ index }) => results[index]!);
      await recordAudit(tx, actor, {
        action: 'ledger.entry.post',
        objectType: 'ledger_entry',
        objectId: posted.length === 1 ? posted[0]!.id : null,
        changes: {
          count: posted.length,
          entries: posted.slice(0, 20).map((p) => ({ id: p.id, journal: p.journalCode, number: p.number })),
        },
      });
    }
    // Entries repeating a key of the same batch get the entry posted for its first occurrence.
    return entries.map((entry, index) => {
      const r = results[index];
      if (r) return r;
      const first = results[keysInBatch.get(entry.idempotencyKey)!]!;
      return { ...first, alreadyPosted: true };
    });
  });
}

type YearRow = { id: number; start_date: string; end_date: string; status: 'open' | 'closed' };
const toYear = (r: YearRow): FiscalYearRef => ({
  id: Number(r.id),
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
});

/**
 * In one round trip: the accounts and activities the entries name, all journals and fiscal years (few),
 * and the cooperative's year-end — what validateEntry and the date rules check against.
 */
async function loadPostingRefs(db: Db, entries: readonly ParsedEntry[]) {
  const numbers = [...new Set(entries.flatMap((e) => e.lines.map((l) => l.accountNumber)))];
  const activityIds = [...new Set(entries.flatMap((e) => e.lines.map((l) => l.activityId)))];
  const [row] = await queryRows<{
    accounts: { number: string; active: boolean; requires_third_party: boolean }[] | null;
    activities: string[] | null;
    journals: { code: string; active: boolean }[] | null;
    years: YearRow[] | null;
    fiscal_year_end: string | null;
    posted_keys: string[] | null;
  }>(
    db,
    sql`SELECT
      (SELECT json_agg(json_build_object('number', number, 'active', active,
                'requires_third_party', requires_third_party))
         FROM ledger_accounts WHERE number = ANY(${sql.param(numbers)}::text[])) AS accounts,
      (SELECT json_agg(id) FROM activities WHERE id = ANY(${sql.param(activityIds)}::uuid[])) AS activities,
      (SELECT json_agg(json_build_object('code', code, 'active', active)) FROM ledger_journals) AS journals,
      (SELECT json_agg(json_build_object('id', id, 'start_date', start_date, 'end_date', end_date,
                'status', status) ORDER BY start_date) FROM fiscal_years) AS years,
      (SELECT fiscal_year_end FROM cooperative WHERE id = 1) AS fiscal_year_end,
      (SELECT json_agg(idempotency_key) FROM ledger_entries
         WHERE idempotency_key = ANY(${sql.param([...new Set(entries.map((e) => e.idempotencyKey))])}::text[])) AS posted_keys`,
  );
  const accountMap = new Map<string, AccountRef>(
    (row?.accounts ?? []).map((a) => [
      a.number,
      { number: a.number, active: a.active, requiresThirdParty: a.requires_third_party },
    ]),
  );
  const journalMap = new Map<string, JournalRef>((row?.journals ?? []).map((j) => [j.code, j]));
  const activitySet = new Set(row?.activities ?? []);
  return {
    account: (n: string) => accountMap.get(n),
    journal: (c: string) => journalMap.get(c),
    activityExists: (id: string) => activitySet.has(id),
    years: (row?.years ?? []).map(toYear),
    fiscalYearEnd: row?.fiscal_year_end ?? '12-31',
    postedKeys: row?.posted_keys ?? [],
  };
}

async function listFiscalYears(db: Db): Promise<FiscalYearRef[]> {
  const rows = await queryRows<YearRow>(
    db,
    sql`SELECT id, start_date::text, end_date::text, status FROM fiscal_years ORDER BY start_date`,
  );
  return rows.map(toYear);
}

/**
 * Opens the fiscal year a posting needs (the first one, or the one after the last). Two postings racing
 * to open it insert the same start date: the second waits for the first and inserts nothing.
 */
async function openYearAutomatically(db: Db, actor: Actor, range: FiscalYearRange) {
  const created = await queryRows<{ id: number }>(
    db,
    sql`INSERT INTO fiscal_years (start_date, end_date) VALUES (${range.startDate}, ${range.endDate})
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  if (created[0])
    await recordAudit(db, actor, {
      action: 'ledger.fiscal_year.open',
      objectType: 'fiscal_year',
      objectId: String(created[0].id),
      changes: { ...range, automatic: true },
    });
}

/**
 * Locks the entries' fiscal years and the settings row FOR SHARE: a closing or a new lock date waits for
 * the postings in progress, and a posting that waited sees the year closed or the new lock date. Returns
 * the years and the lock date as they are once locked.
 */
async function lockFiscalYears(db: Db, ids: number[]) {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0) {
    const [s] = await queryRows<{ lock_date: string | null }>(
      db,
      sql`SELECT lock_date::text FROM ledger_settings WHERE id = 1 FOR SHARE`,
    );
    return { years: [] as FiscalYearRef[], lockDate: s?.lock_date ?? null };
  }
  const rows = await queryRows<YearRow & { lock_date: string | null }>(
    db,
    sql`SELECT f.id, f.start_date::text, f.end_date::text, f.status, s.lock_date::text
        FROM fiscal_years f CROSS JOIN ledger_settings s
        WHERE f.id = ANY(${sql.param(unique)}::int[]) AND s.id = 1
        ORDER BY f.id FOR SHARE`,
  );
  return { years: rows.map(toYear), lockDate: rows[0]?.lock_date ?? null };
}

/**
 * Reserves continuous numbers in one statement: each journal-year sequence row is locked (in key order)
 * and moved on by its count of entries. Returns a function giving the next reserved number.
 */
async function reserveNumbers(db: Db, wanted: { journal: string; year: number }[]) {
  const counts = new Map<string, { journal: string; year: number; n: number }>();
  for (const w of wanted) {
    const key = `${w.journal}\u0000${w.year}`;
    const c = counts.get(key) ?? { ...w, n: 0 };
    c.n += 1;
    counts.set(key, c);
  }
  const pairs = [...counts.values()];
  const rows = await queryRows<{ journal_code: string; fiscal_year_id: number; last_number: number }>(
    db,
    sql`INSERT INTO ledger_journal_sequences AS s (journal_code, fiscal_year_id, last_number)
        SELECT j, y, n FROM unnest(${sql.param(pairs.map((p) => p.journal))}::text[],
          ${sql.param(pairs.map((p) => p.year))}::int[], ${sql.param(pairs.map((p) => p.n))}::int[]) AS p(j, y, n)
        ORDER BY j, y
        ON CONFLICT (journal_code, fiscal_year_id) DO UPDATE SET last_number = s.last_number + EXCLUDED.last_number
        RETURNING journal_code, fiscal_year_id, last_number`,
  );
  const last = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.journal_code}\u0000${Number(r.fiscal_year_id)}`;
    last.set(key, Number(r.last_number) - counts.get(key)!.n);
  }
  return (journal: string, year: number) => {
    const key = `${journal}\u0000${year}`;
    const n = last.get(key)! + 1;
    last.set(key, n);
    return n;
  };
}

/** What an idempotency key stands for: everything the caller gave, so a reuse with other content is caught. */
function entryContent(e: {
  journalCode: string;
  entryDate: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  source: { type: string; id: string | null };
  reversesEntryId: string | null;
  lines: readonly {
    accountNumber: string;
    activityId: string;
    thirdParty: { code: string; name: string } | null;
    debitCents: bigint;
    creditCents: bigint;
    label: string;
  }[];
}): string {
  return JSON.stringify([
    e.journalCode,
    e.entryDate,
    e.pieceRef,
    e.pieceDate,
    e.label,
    e.source.type,
    e.source.id,
    e.reversesEntryId,
    e.lines.map((l) => [
      l.accountNumber,
      l.activityId,
      l.thirdParty?.code ?? null,
      l.thirdParty?.name ?? null,
      String(l.debitCents),
      String(l.creditCents),
      l.label,
    ]),
  ]);
}

type EntryRow = {
  id: string;
  journal_code: string;
  fiscal_year_id: number;
  number: number;
  entry_date: string;
  piece_ref: string;
  piece_date: string;
  label: string;
  source_type: string;
  source_id: string | null;
  idempotency_key: string;
  reverses_entry_id: string | null;
  hash: string;
};
type LineRow = {
  entry_id: string;
  account_number: string;
  activity_id: string;
  third_party_code: string | null;
  third_party_name: string | null;
  debit_cents: string;
  credit_cents: string;
  label: string;
};

async function findPostedByKeys(db: Db, keys: string[]) {
  const found = new Map<string, { entry: Omit<PostedEntry, 'alreadyPosted'>; content: string }>();
  const entries = await queryRows<EntryRow>(
    db,
    sql`SELECT id, journal_code, fiscal_year_id, number, entry_date::text, piece_ref, piece_date::text, label,
               source_type, source_id, idempotency_key, reverses_entry_id, hash
        FROM ledger_entries WHERE idempotency_key = ANY(${sql.param([...new Set(keys)])}::text[])`,
  );
  if (entries.length === 0) return found;
  const lines = await queryRows<LineRow>(
    db,
    sql`SELECT entry_id, account_number, activity_id, third_party_code, third_party_name,
               debit_cents::text, credit_cents::text, label
        FROM ledger_entry_lines WHERE entry_id = ANY(${sql.param(entries.map((e) => e.id))}::uuid[])
        ORDER BY entry_id, line_no`,
  );
  for (const e of entries) {
    const own = lines.filter((l) => l.entry_id === e.id);
    found.set(e.idempotency_key, {
      entry: {
        id: e.id,
        journalCode: e.journal_code,
        fiscalYearId: Number(e.fiscal_year_id),
        number: Number(e.number),
        entryDate: e.entry_date,
        idempotencyKey: e.idempotency_key,
        hash: e.hash,
      },
      content: entryContent({
        journalCode: e.journal_code,
        entryDate: e.entry_date,
        pieceRef: e.piece_ref,
        pieceDate: e.piece_date,
        label: e.label,
        source: { type: e.source_type, id: e.source_id },
        reversesEntryId: e.reverses_entry_id,
        lines: own.map((l) => ({
          accountNumber: l.account_number,
          activityId: l.activity_id,
          thirdParty: l.third_party_code
            ? { code: l.third_party_code, name: l.third_party_name ?? '' }
            : null,
          debitCents: BigInt(l.debit_cents),
          creditCents: BigInt(l.credit_cents),
          label: l.label,
        })),
      }),
    });
  }
  return found;
}

type InsertRow = HashedEntry & { prevHash: string; hash: string };

/** Multi-row inserts through unnest (one array parameter per column), never splitting an entry's lines. */
async function insertEntries(db: Db, rows: InsertRow[]) {
  for (let start = 0; start < rows.length; ) {
    let end = start;
    let lineCount = 0;
    while (
      end < rows.length &&
      end - start < entriesPerStatement &&
      (end === start || lineCount + rows[end]!.lines.length <= linesPerStatement)
    ) {
      lineCount += rows[end]!.lines.length;
      end++;
    }
    const chunk = rows.slice(start, end);
    start = end;
    const col = <T>(f: (r: InsertRow) => T) => sql.param(chunk.map(f));
    await db.execute(sql`
      INSERT INTO ledger_entries (id, journal_code, fiscal_year_id, number, chain_index, entry_date, piece_ref,
        piece_date, label, source_type, source_id, idempotency_key, reverses_entry_id, line_count, total_cents,
        posted_at, posted_by, prev_hash, hash)
      SELECT * FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.journalCode)}::text[],
        ${col((r) => r.fiscalYearId)}::int[], ${col((r) => r.number)}::int[], ${col((r) => r.chainIndex)}::bigint[],
        ${col((r) => r.entryDate)}::date[], ${col((r) => r.pieceRef)}::text[], ${col((r) => r.pieceDate)}::date[],
        ${col((r) => r.label)}::text[], ${col((r) => r.sourceType)}::text[], ${col((r) => r.sourceId)}::text[],
        ${col((r) => r.idempotencyKey)}::text[], ${col((r) => r.reversesEntryId)}::uuid[],
        ${col((r) => r.lines.length)}::int[],
        ${col((r) => r.lines.reduce((s, l) => s + l.debitCents, 0n).toString())}::bigint[],
        ${col((r) => r.postedAt.toISOString())}::timestamptz[], ${col((r) => r.postedBy)}::uuid[],
        ${col((r) => r.prevHash)}::text[], ${col((r) => r.hash)}::text[])`);
    const lines = chunk.flatMap((r) => r.lines.map((l) => ({ entryId: r.id, ...l })));
    const lcol = <T>(f: (l: (typeof lines)[number]) => T): SQL => sql`${sql.param(lines.map(f))}`;
    await db.execute(sql`
      INSERT INTO ledger_entry_lines (entry_id, line_no, account_number, activity_id, third_party_code,
        third_party_name, debit_cents, credit_cents, label)
      SELECT * FROM unnest(${lcol((l) => l.entryId)}::uuid[], ${lcol((l) => l.lineNo)}::int[],
        ${lcol((l) => l.accountNumber)}::text[], ${lcol((l) => l.activityId)}::uuid[],
        ${lcol((l) => l.thirdPartyCode)}::text[], ${lcol((l) => l.thirdPartyName)}::text[],
        ${lcol((l) => l.debitCents.toString())}::bigint[], ${lcol((l) => l.creditCents.toString())}::bigint[],
        ${lcol((l) => l.label)}::text[])`);
  }
}
