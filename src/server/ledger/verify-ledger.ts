import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { chainInput, genesisHash } from '../../core/ledger/canonical-entry.ts';
import type { AppContext } from '../app-context.ts';
import { queryRows } from '../db/query-rows.ts';
import type { IntegrityCheck } from '../integrity/verify-integrity.ts';
import { loadEntries } from './load-entry.ts';

/** At most this many differences are listed per check (the count is always given). */
const maxDetails = 50;
const pageSize = 2_000;

function check(name: string, problems: string[], total = problems.length): IntegrityCheck {
  const details = problems.slice(0, maxDetails);
  if (total > details.length) details.push(`… and ${total - details.length} more`);
  return { name, ok: total === 0, details };
}

/**
 * The ledger's part of `mutua verify` (ledger.md, invariant 4): walks every journal's hash chain from the
 * lines as stored, recounts entries and their numbers, checks that every entry balances, recomputes every
 * stored balance from the lines, and checks that the database rules are in place. Each difference is named.
 */
export async function verifyLedger(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck[]> {
  return [
    await verifyChains(ctx),
    await verifyNumbering(ctx),
    await verifyEntriesBalance(ctx),
    await verifyStoredBalances(ctx),
    await verifyDatabaseRules(ctx),
  ];
}

async function verifyChains(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const problems: string[] = [];
  const journals = await queryRows<{ code: string; chain_length: string; last_hash: string }>(
    ctx.db,
    sql`SELECT code, chain_length::text AS chain_length, last_hash FROM ledger_journals ORDER BY code`,
  );
  let entries = 0;
  for (const journal of journals) {
    let expectedIndex = 1;
    let previous = genesisHash;
    let after = 0;
    for (;;) {
      const page = await loadEntries(
        ctx.db,
        sql`WHERE e.journal_code = ${journal.code} AND e.chain_index > ${after}
            ORDER BY e.chain_index LIMIT ${pageSize}`,
      );
      for (const e of page) {
        const where = `${e.journalCode} n° ${e.number} (year ${e.fiscalYearId}, chain position ${e.chainIndex})`;
        if (e.chainIndex !== expectedIndex) {
          problems.push(
            `${e.journalCode}: chain position ${expectedIndex} is missing (next found: ${e.chainIndex})`,
          );
          expectedIndex = e.chainIndex;
        }
        if (e.prevHash !== previous)
          problems.push(`${where}: previous hash does not match the entry before it`);
        const recomputed = createHash('sha256').update(chainInput(e.prevHash, e)).digest('hex');
        if (recomputed !== e.hash)
          problems.push(`${where}: content does not match its hash (altered entry or line)`);
        previous = e.hash;
        expectedIndex += 1;
        after = e.chainIndex;
      }
      entries += page.length;
      if (page.length < pageSize) break;
    }
    const length = expectedIndex - 1;
    if (Number(journal.chain_length) !== length)
      problems.push(
        `${journal.code}: the journal says ${journal.chain_length} entries, the chain has ${length}`,
      );
    if (journal.last_hash !== previous)
      problems.push(`${journal.code}: the journal's last hash is not its last entry's`);
  }
  const result = check('ledger: hash chain of every journal', problems);
  if (result.ok) result.details.push(`${journals.length} journals, ${entries} entries`);
  return result;
}

async function verifyNumbering(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{
    journal_code: string;
    fiscal_year_id: number;
    n: string;
    min: number | null;
    max: number | null;
    last_number: number | null;
  }>(
    ctx.db,
    sql`SELECT coalesce(e.journal_code, s.journal_code) AS journal_code,
               coalesce(e.fiscal_year_id, s.fiscal_year_id) AS fiscal_year_id,
               coalesce(e.n, 0)::text AS n, e.min, e.max, s.last_number
        FROM (SELECT journal_code, fiscal_year_id, count(*) AS n, min(number) AS min, max(number) AS max
              FROM ledger_entries GROUP BY journal_code, fiscal_year_id) e
        FULL JOIN ledger_journal_sequences s
          ON s.journal_code = e.journal_code AND s.fiscal_year_id = e.fiscal_year_id
        ORDER BY 1, 2`,
  );
  const problems: string[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    const where = `${r.journal_code} year ${r.fiscal_year_id}`;
    // Numbers are unique (database constraint), so 1..n without gap means min 1 and max n.
    if (n > 0 && (Number(r.min) !== 1 || Number(r.max) !== n))
      problems.push(`${where}: ${n} entries numbered ${r.min} to ${r.max}: the sequence has a gap`);
    if (Number(r.last_number ?? 0) !== Number(r.max ?? 0))
      problems.push(`${where}: last number given ${r.last_number ?? 0}, highest number found ${r.max ?? 0}`);
  }
  return check('ledger: entry numbers continuous per journal and year', problems);
}

async function verifyEntriesBalance(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{
    journal_code: string;
    number: number;
    fiscal_year_id: number;
    n: string;
    debit: string;
    credit: string;
    line_count: number;
    total: string;
  }>(
    ctx.db,
    sql`SELECT e.journal_code, e.number, e.fiscal_year_id, coalesce(l.n, 0)::text AS n,
               coalesce(l.debit, 0)::text AS debit, coalesce(l.credit, 0)::text AS credit,
               e.line_count, e.total_cents::text AS total
        FROM ledger_entries e
        LEFT JOIN (SELECT entry_id, count(*) AS n, sum(debit_cents) AS debit, sum(credit_cents) AS credit
                   FROM ledger_entry_lines GROUP BY entry_id) l ON l.entry_id = e.id
        WHERE coalesce(l.n, 0) < 2 OR l.n <> e.line_count OR l.debit <> l.credit OR l.debit <> e.total_cents
        ORDER BY e.seq LIMIT ${maxDetails + 1}`,
  );
  const [orphans] = await queryRows<{ n: string }>(
    ctx.db,
    sql`SELECT count(*)::text AS n FROM ledger_entry_lines l
        WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = l.entry_id)`,
  );
  const problems = rows.map(
    (r) =>
      `${r.journal_code} n° ${r.number} (year ${r.fiscal_year_id}): ${r.n} lines (${r.line_count} expected), debit ${r.debit}, credit ${r.credit} (${r.total} expected)`,
  );
  if (Number(orphans?.n ?? 0) > 0) problems.push(`${orphans!.n} lines belong to no entry`);
  return check('ledger: every entry balances', problems);
}

async function verifyStoredBalances(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{
    fiscal_year_id: number;
    account_number: string;
    activity_id: string;
    stored_debit: string | null;
    stored_credit: string | null;
    debit: string | null;
    credit: string | null;
  }>(
    ctx.db,
    sql`SELECT coalesce(b.fiscal_year_id, r.fiscal_year_id) AS fiscal_year_id,
               coalesce(b.account_number, r.account_number) AS account_number,
               coalesce(b.activity_id, r.activity_id) AS activity_id,
               b.debit_cents::text AS stored_debit, b.credit_cents::text AS stored_credit,
               r.debit::text AS debit, r.credit::text AS credit
        FROM ledger_balances b
        FULL JOIN (SELECT e.fiscal_year_id, l.account_number, l.activity_id, sum(l.debit_cents) AS debit,
                          sum(l.credit_cents) AS credit, count(*) AS n
                   FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
                   GROUP BY e.fiscal_year_id, l.account_number, l.activity_id) r
          ON r.fiscal_year_id = b.fiscal_year_id AND r.account_number = b.account_number AND r.activity_id = b.activity_id
        WHERE b.debit_cents IS DISTINCT FROM coalesce(r.debit, CASE WHEN b.line_count = 0 THEN 0 END)
           OR b.credit_cents IS DISTINCT FROM coalesce(r.credit, CASE WHEN b.line_count = 0 THEN 0 END)
           OR b.line_count IS DISTINCT FROM coalesce(r.n, CASE WHEN b.line_count = 0 THEN 0 END)
        ORDER BY 1, 2, 3`,
  );
  const problems = rows.map(
    (r) =>
      `year ${r.fiscal_year_id}, account ${r.account_number}, activity ${r.activity_id}: stored debit ${r.stored_debit ?? '—'} credit ${r.stored_credit ?? '—'}, lines say debit ${r.debit ?? 0} credit ${r.credit ?? 0}`,
  );
  return check('ledger: stored balances equal the sums of lines', problems);
}

const requiredTriggers: [table: string, trigger: string][] = [
  ['ledger_entries', 'ledger_entries_immutable'],
  ['ledger_entries', 'ledger_entries_no_truncate'],
  ['ledger_entries', 'ledger_entries_checked'],
  ['ledger_entries', 'ledger_entries_balanced'],
  ['ledger_entry_lines', 'ledger_entry_lines_immutable'],
  ['ledger_entry_lines', 'ledger_entry_lines_no_truncate'],
  ['ledger_entry_lines', 'ledger_entry_lines_checked'],
  ['ledger_balances', 'ledger_balances_guarded'],
  ['fiscal_years', 'fiscal_years_guarded'],
  ['ledger_settings', 'ledger_settings_guarded'],
];

async function verifyDatabaseRules(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{ tgname: string; relname: string; tgenabled: string }>(
    ctx.db,
    sql`SELECT t.tgname, c.relname, t.tgenabled::text AS tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relname LIKE ANY (ARRAY['ledger_%', 'fiscal_years'])`,
  );
  const found = new Map(rows.map((r) => [`${r.relname}.${r.tgname}`, r.tgenabled]));
  const problems: string[] = [];
  for (const [table, trigger] of requiredTriggers) {
    const state = found.get(`${table}.${trigger}`);
    if (state === undefined) problems.push(`trigger ${trigger} on ${table} is missing`);
    else if (state === 'D') problems.push(`trigger ${trigger} on ${table} is disabled`);
  }
  return check('ledger: database rules in place', problems);
}
