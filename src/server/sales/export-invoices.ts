import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile } from '../files/store-file.ts';
import { documentFilename } from './send-sales-document.ts';

const csvCell = (v: string) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * `mutua export-invoices --out DIR` (issue 5 §11): writes the PDF of every issued invoice, deposit invoice
 * and credit note into DIR, byte for byte as stored when it was issued (never regenerated: the file's
 * SHA-256 is checked against the one recorded at issue), plus `index.csv` listing them in number order
 * (number, type, issue date, client, total incl. VAT, SHA-256) for archives and audits. Reads the
 * documents a page at a time, so memory stays flat however many there are.
 */
export async function exportInvoices(db: Db, outDir: string) {
  mkdirSync(outDir, { recursive: true });
  const index = ['number;type;issue_date;client;total_incl_cents;sha256'];
  let after = { date: '0001-01-01', counterKey: '', counter: 0 };
  let count = 0;
  for (;;) {
    const page = await queryRows<{
      number: string;
      type: string;
      issue_date: string;
      counter_key: string;
      counter: number;
      client: string;
      total_incl_cents: string;
      pdf_sha256: string;
    }>(
      db,
      sql`SELECT i.number, i.type, i.issue_date::text AS issue_date, i.counter_key, i.counter, c.name AS client,
                 i.total_incl_cents, i.pdf_sha256
          FROM invoices i JOIN clients c ON c.id = i.client_id
          WHERE i.status = 'issued'
            AND (i.issue_date, i.counter_key, i.counter) > (${after.date}::date, ${after.counterKey}, ${after.counter})
          ORDER BY i.issue_date, i.counter_key, i.counter
          LIMIT 200`,
    );
    if (page.length === 0) break;
    for (const row of page) {
      const file = await readFile(db, row.pdf_sha256);
      if (!file) throw new Error(`${row.number}: its PDF ${row.pdf_sha256} is missing from the file store`);
      const bytes = Buffer.from(file.bytes);
      if (createHash('sha256').update(bytes).digest('hex') !== row.pdf_sha256) {
        throw new Error(`${row.number}: the stored PDF does not match the hash recorded at issue`);
      }
      writeFileSync(join(outDir, documentFilename(row.number)), bytes);
      index.push(
        [row.number, row.type, row.issue_date, row.client, String(row.total_incl_cents), row.pdf_sha256]
          .map(csvCell)
          .join(';'),
      );
      count++;
    }
    const last = page[page.length - 1]!;
    after = { date: last.issue_date, counterKey: last.counter_key, counter: Number(last.counter) };
  }
  const indexPath = join(outDir, 'index.csv');
  writeFileSync(indexPath, `${index.join('\n')}\n`, 'utf8');
  return { count, indexPath };
}
