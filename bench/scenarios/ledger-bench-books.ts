import { sql } from 'drizzle-orm';
import type { AppContext } from '../../src/server/app-context.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import { boot } from '../../src/server/boot.ts';
import { loadConfig } from '../../src/server/config/load-config.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { addLedgerJournal } from '../../src/server/ledger/add-ledger-journal.ts';
import { openFiscalYear } from '../../src/server/ledger/open-fiscal-year.ts';
import type { BenchStorage } from '../harness/bench-types.ts';

export const benchYearStart = '2026-01-01';

/**
 * Empty books on a fresh storage, booted as `mutua start` boots them (migrations included), with `count`
 * member activities, the structure, and the fiscal year 2026 open. No demo: the scenarios fill the books.
 */
export async function openLedgerBenchBooks(storage: BenchStorage, count: number) {
  const config = loadConfig({
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    LOG_LEVEL: 'silent',
  });
  const ctx: AppContext = { ...(await boot(config)), now: () => new Date('2026-06-30T10:00:00Z') };
  await ctx.db.execute(
    sql`INSERT INTO activities (code, name, kind) VALUES ('STRUCT', 'Structure', 'structure')`,
  );
  await ctx.db.execute(sql`INSERT INTO activities (code, name, kind)
    SELECT 'A' || lpad(g::text, 6, '0'), 'Activité ' || g, 'member' FROM generate_series(1, ${count}) g`);
  const activityIds = (
    await queryRows<{ id: string }>(
      ctx.db,
      sql`SELECT id FROM activities WHERE kind = 'member' ORDER BY code`,
    )
  ).map((r) => r.id);
  const year = await openFiscalYear(ctx, systemActor, { startDate: benchYearStart, endDate: '2026-12-31' });
  return { ctx, activityIds, yearId: year.id };
}

/**
 * Adds `entries` four-line sales straight in SQL, `perStatement` at a time, in journal `journal` (created
 * if needed): the quick way to reach millions of lines. The database's own rules still run (balance,
 * references, stored balances) but the hash chain is not computed (the hashes are placeholders): use it for
 * read benchmarks only, never where `verify` matters.
 */
export async function fillLedgerLines(
  ctx: AppContext,
  input: { yearId: number; activityIds: string[]; entries: number; journal?: string; perStatement?: number },
  progress?: (done: number) => void,
) {
  const journal = input.journal ?? 'BENCH';
  const per = input.perStatement ?? 25_000;
  const [exists] = await queryRows(ctx.db, sql`SELECT 1 FROM ledger_journals WHERE code = ${journal}`);
  if (!exists) await addLedgerJournal(ctx, systemActor, { code: journal, label: 'Bench', kind: 'sales' });
  const [last] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT coalesce(max(number), 0)::int AS n FROM ledger_entries WHERE journal_code = ${journal}`,
  );
  let from = Number(last?.n ?? 0) + 1;
  const end = from + input.entries - 1;
  const ids = sql.param(input.activityIds);
  const placeholder = 'f'.repeat(64);
  while (from <= end) {
    const to = Math.min(end, from + per - 1);
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`
        INSERT INTO ledger_entries (id, journal_code, fiscal_year_id, number, chain_index, entry_date, piece_ref,
          piece_date, label, source_type, idempotency_key, line_count, total_cents, posted_at, prev_hash, hash)
        SELECT gen_random_uuid(), ${journal}, ${input.yearId}, n, n, DATE '2026-01-01' + (n % 180), 'B' || n,
          DATE '2026-01-01' + (n % 180), 'Vente ' || n, 'bench', ${journal} || ':' || n, 4,
          (1000 + n % 977) + (1000 + n % 977) / 5, now(), ${placeholder}, ${placeholder}
        FROM generate_series(${from}::int, ${to}::int) n`);
      await tx.execute(sql`
        INSERT INTO ledger_entry_lines (entry_id, line_no, account_number, activity_id, third_party_code,
          third_party_name, debit_cents, credit_cents)
        SELECT e.id, k,
          (ARRAY['411000', '706000', '707000', '445740'])[k],
          (${ids}::uuid[])[1 + e.number % ${input.activityIds.length}],
          CASE WHEN k = 1 THEN 'C' || (e.number % 50) END,
          CASE WHEN k = 1 THEN 'Client ' || (e.number % 50) END,
          CASE WHEN k = 1 THEN e.total_cents ELSE 0 END,
          CASE k WHEN 1 THEN 0 WHEN 2 THEN (1000 + e.number % 977) - 100 WHEN 3 THEN 100
                 ELSE (1000 + e.number % 977) / 5 END
        FROM ledger_entries e CROSS JOIN generate_series(1, 4) k
        WHERE e.journal_code = ${journal} AND e.fiscal_year_id = ${input.yearId} AND e.number BETWEEN ${from} AND ${to}`);
    });
    progress?.(to);
    from = to + 1;
  }
  await ctx.db.execute(sql`ANALYZE ledger_entries`);
  await ctx.db.execute(sql`ANALYZE ledger_entry_lines`);
  await ctx.db.execute(sql`ANALYZE ledger_balances`);
}
