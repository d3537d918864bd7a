import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { PostEntryInput } from '../../src/core/ledger/entry-schemas.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import type { Db } from '../../src/server/db/open-database.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { postEntries } from '../../src/server/ledger/post-entries.ts';
import { postEntry } from '../../src/server/ledger/post-entry.ts';
import { verifyLedger } from '../../src/server/ledger/verify-ledger.ts';
import type { Scenario } from '../harness/bench-types.ts';
import { openLedgerBenchBooks } from './ledger-bench-books.ts';

const batch = 1_000;

/** Entry i: a sale of one activity (D 411 · C 706 · C 707 · C 44574), amounts varying with i. */
function saleEntry(i: number, activityIds: string[]): PostEntryInput {
  const activityId = activityIds[i % activityIds.length]!;
  const ht = BigInt(10_000 + ((i * 7_919) % 90_000));
  const vat = ht / 5n;
  const date = `2026-${String(1 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return {
    journalCode: 'VT',
    entryDate: date,
    pieceRef: `F-${i}`,
    pieceDate: date,
    label: `Facture ${i}`,
    source: { type: 'invoice', id: String(i) },
    idempotencyKey: `bench:sale:${i}`,
    lines: [
      {
        accountNumber: '411000',
        activityId,
        thirdParty: { code: `C${i % 500}`, name: `Client ${i % 500}` },
        debitCents: ht + vat,
      },
      { accountNumber: '706000', activityId, creditCents: ht - 1_000n },
      { accountNumber: '707000', activityId, creditCents: 1_000n },
      { accountNumber: '445740', activityId, creditCents: vat },
    ],
  };
}

/** The same lines, as plain rows for the raw baseline table. */
function rawRows(entries: PostEntryInput[]): SQL[] {
  return entries.flatMap((e) => {
    const id = randomUUID();
    return e.lines.map(
      (l, k) =>
        sql`(${id}::uuid, ${k + 1}::int, ${l.accountNumber}, ${l.activityId}::uuid, ${l.thirdParty?.code ?? null},
             ${l.thirdParty?.name ?? null}, ${String(l.debitCents ?? 0)}::bigint, ${String(l.creditCents ?? 0)}::bigint, '')`,
    );
  });
}

const rawHead = sql`INSERT INTO bench_raw_lines (entry_id, line_no, account_number, activity_id, third_party_code,
  third_party_name, debit_cents, credit_cents, label) VALUES `;

async function rawInsert(db: Db, rows: SQL[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`${rawHead}${sql.join(rows, sql`, `)}`);
  });
}

/**
 * Posting four-line entries (issue 4), against the physical floor of the same database in the same run.
 * Batched: postEntries, 1,000 entries per transaction, vs a raw multi-row INSERT of the same 4,000 lines per
 * transaction into a copy of the lines table (same columns, keys, checks and indexes, no trigger). One at a
 * time: postEntry, one transaction per entry, vs a raw 4-line INSERT per transaction. Batches alternate
 * between the two, so that both see the same machine. The books are verified afterwards.
 */
export const ledgerPosting: Scenario = {
  name: 'ledger-posting',
  issue: 4,
  description:
    'value = four-line entries/s through postEntries (1,000 per transaction: validation, numbering, hash chain, database checks, stored balances) and through postEntry (one per transaction); baseline = raw multi-row INSERT of the same lines into a copy of the lines table (same keys and indexes, no trigger), same transaction sizes, alternating in the same run.',
  async run(env) {
    const total = env.quick ? 10_000 : 100_000;
    const single = env.quick ? 300 : 2_000;
    const { ctx, activityIds } = await openLedgerBenchBooks(await env.freshStorage(), 1_000);
    try {
      await ctx.db.execute(sql`CREATE TABLE bench_raw_lines (LIKE ledger_entry_lines INCLUDING ALL)`);
      let postMs = 0;
      let rawMs = 0;
      for (let start = 0; start < total; start += batch) {
        const entries = Array.from({ length: Math.min(batch, total - start) }, (_, k) =>
          saleEntry(start + k, activityIds),
        );
        const rows = rawRows(entries);
        let t = performance.now();
        await rawInsert(ctx.db, rows);
        rawMs += performance.now() - t;
        t = performance.now();
        await postEntries(ctx, systemActor, entries);
        postMs += performance.now() - t;
        if ((start / batch) % 10 === 9) env.progress(`posted ${start + batch} of ${total} entries`);
      }
      let singleMs = 0;
      let singleRawMs = 0;
      for (let i = total; i < total + single; i++) {
        const entry = saleEntry(i, activityIds);
        const rows = rawRows([entry]);
        let t = performance.now();
        await rawInsert(ctx.db, rows);
        singleRawMs += performance.now() - t;
        t = performance.now();
        await postEntry(ctx, systemActor, entry);
        singleMs += performance.now() - t;
      }
      env.progress('verifying the books');
      const failed = (await verifyLedger(ctx)).filter((c) => !c.ok);
      if (failed.length) throw new Error(`the posted books do not verify: ${JSON.stringify(failed)}`);
      const [{ n }] = (await queryRows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM ledger_entries`,
      )) as [{ n: number }];
      if (n !== total + single) throw new Error(`${n} entries in the books, ${total + single} posted`);
      return [
        {
          metric: `postEntries, ${batch} per transaction: entries/s`,
          unit: 'req/s',
          value: (total * 1000) / postMs,
          baseline: (total * 1000) / rawMs,
        },
        {
          metric: 'postEntry, one per transaction: entries/s',
          unit: 'req/s',
          value: (single * 1000) / singleMs,
          baseline: (single * 1000) / singleRawMs,
        },
      ];
    } finally {
      await ctx.database.close();
    }
  },
};
