import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../src/server/audit/actor.ts';
import { updateCooperative } from '../../src/server/cooperative/update-cooperative.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { demoCooperative } from '../../src/server/demo/seed-demo.ts';
import { writeFecFiles } from '../../src/server/ledger/write-fec-files.ts';
import type { Scenario } from '../harness/bench-types.ts';
import { fillLedgerLines, openLedgerBenchBooks } from './ledger-bench-books.ts';

const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * Writing the FEC of a year of 1,000,000 lines (100,000 with --quick) with `mutua fec`'s code path: lines/s,
 * against reading the same rows page by page without formatting or writing (the database's share); and the
 * process's peak memory while it runs, against its memory just before (flat: the file is streamed). On
 * PGlite the database lives in the process, so its memory is in the RSS too; the JS heap is the export's.
 */
export const ledgerFec: Scenario = {
  name: 'ledger-fec',
  issue: 4,
  description:
    'value = FEC lines written per second (streamed to a file) and peak RSS / JS heap in MB during the export; baseline = the same rows read page by page without formatting or writing, and the memory just before the export.',
  async run(env) {
    const lines = env.quick ? 100_000 : 1_000_000;
    const storage = await env.freshStorage();
    const { ctx, activityIds, yearId } = await openLedgerBenchBooks(storage, env.quick ? 200 : 1_000);
    try {
      await updateCooperative(ctx, systemActor, demoCooperative);
      env.progress(`filling the books with ${lines.toLocaleString('en')} lines`);
      await fillLedgerLines(ctx, { yearId, activityIds, entries: lines / 4 });

      env.progress('reading the rows without formatting (baseline)');
      let t = performance.now();
      let read = 0;
      let after = '0';
      let afterLine = 0;
      for (;;) {
        const rows = await queryRows<{ seq: string; line_no: number }>(
          ctx.db,
          sql`SELECT e.seq::text AS seq, l.line_no, l.account_number, l.debit_cents::text, l.credit_cents::text, e.label
              FROM ledger_entries e JOIN ledger_entry_lines l ON l.entry_id = e.id
              WHERE e.fiscal_year_id = ${yearId} AND (e.seq, l.line_no) > (${after}::bigint, ${afterLine}::int)
              ORDER BY e.seq, l.line_no LIMIT 5000`,
        );
        read += rows.length;
        if (rows.length < 5000) break;
        after = rows.at(-1)!.seq;
        afterLine = Number(rows.at(-1)!.line_no);
      }
      const readMs = performance.now() - t;
      if (read !== lines) throw new Error(`read ${read} rows, expected ${lines}`);

      global.gc?.();
      const before = process.memoryUsage();
      let peakRss = before.rss;
      let peakHeap = before.heapUsed;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 10);
      env.progress('writing the FEC');
      t = performance.now();
      const written = await writeFecFiles(ctx.db, 2026, storage.dataDir);
      const fecMs = performance.now() - t;
      clearInterval(sampler);
      const text = readFileSync(join(storage.dataDir, '912345675FEC20261231.txt'), 'utf8');
      const records = text.split('\r\n').length - 2; // header, and the empty string after the last CR LF
      if (written.lineCount !== lines || records !== lines)
        throw new Error(`the FEC has ${records} lines, the books ${lines}`);
      return [
        {
          metric: 'FEC export: lines/s',
          unit: 'req/s',
          value: (lines * 1000) / fecMs,
          baseline: (lines * 1000) / readMs,
        },
        { metric: 'FEC export: peak RSS, MB', unit: 'count', value: mb(peakRss), baseline: mb(before.rss) },
        {
          metric: 'FEC export: peak JS heap, MB',
          unit: 'count',
          value: mb(peakHeap),
          baseline: mb(before.heapUsed),
        },
      ];
    } finally {
      await ctx.database.close();
    }
  },
};
