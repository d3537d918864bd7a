import { sql } from 'drizzle-orm';
import { generateBankScenario } from '../../src/core/bank/generate-bank-scenario.ts';
import { lineIdentities } from '../../src/core/bank/line-identity.ts';
import { parseStatementFile } from '../../src/core/bank/parse-statement-file.ts';
import { writeCamt053 } from '../../src/core/bank/write-statement-files.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import { createBankAccount } from '../../src/server/bank/create-bank-account.ts';
import { importStatementContent } from '../../src/server/bank/import-bank-statement.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { fillLedgerLines, openLedgerBenchBooks } from './ledger-bench-books.ts';

const iban = 'FR7630004000031234567890143';
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Runs `work` while sampling the process's peak RSS (PGlite's memory is in the process too). */
async function measured<T>(work: () => Promise<T> | T) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - t, peakMb: mb(peak), beforeMb: mb(before) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Importing and matching a bank statement (issue 9): a CAMT.053 file of N lines (payments quoting invoice
 * numbers, by name and amount, two invoices at once, part payments, salary batches, fees) against 2N open
 * invoices of N/2 clients in the database. value = the import use case (parse, stable identities, duplicate
 * check, open invoices read, every line matched with its suggestions, lines stored with their raw data and
 * suggestions; automatic confirmation left out: it is the payment path's cost, one entry per invoice);
 * baseline = parsing the same file alone (read, identities), same run. Then the same file imported again
 * (every line already there), and the peak memory of each.
 */
export const bankImport: Scenario = {
  name: 'bank-import',
  issue: 9,
  description:
    'value = statement lines imported and matched per second (CAMT.053 of N lines vs 2N open invoices: parse, identities, duplicates, match, store) and peak RSS; baseline = parsing the same file alone, same run.',
  async run(env) {
    const lineCount = env.quick ? 5_000 : 100_000;
    const invoiceCount = lineCount * 2;
    const { ctx, activityIds, yearId } = await openLedgerBenchBooks(await env.freshStorage(), 50);
    try {
      const scenario = generateBankScenario({ lines: lineCount, invoices: invoiceCount, seed: 9 });
      env.progress(`${invoiceCount.toLocaleString('en')} open invoices`);
      // One sale entry for the invoices to refer to (an issued invoice has its entry; its content is not read here).
      await fillLedgerLines(ctx, { yearId, activityIds, entries: 1 });
      const [entry] = await queryRows<{ id: string }>(ctx.db, sql`SELECT id FROM ledger_entries LIMIT 1`);
      // And one stored file for their PDF and XML to name.
      await ctx.db.execute(sql`INSERT INTO files (sha256, media_type, size_bytes, bytes)
        VALUES (repeat('0', 64), 'application/pdf', 0, ''::bytea)`);
      const clientIds = new Map<string, string>();
      for (const inv of scenario.invoices)
        if (!clientIds.has(inv.clientId)) clientIds.set(inv.clientId, crypto.randomUUID());
      const clients = [...new Map(scenario.invoices.map((i) => [i.clientId, i])).values()];
      for (let i = 0; i < clients.length; i += 5_000) {
        const chunk = clients.slice(i, i + 5_000);
        await ctx.db.execute(sql`INSERT INTO clients (id, activity_id, kind, name, billing_address)
          SELECT x.id, ${activityIds[0]}::uuid, 'company', x.name, '{"line1":"1 rue","postalCode":"75001","city":"Paris"}'::jsonb
          FROM unnest(${sql.param(chunk.map((c) => clientIds.get(c.clientId)!))}::uuid[], ${sql.param(chunk.map((c) => c.clientName))}::text[]) AS x(id, name)`);
      }
      for (let i = 0; i < scenario.invoices.length; i += 5_000) {
        const chunk = scenario.invoices.slice(i, i + 5_000);
        await ctx.db.execute(sql`INSERT INTO invoices (activity_id, client_id, type, status, payment_terms,
            total_lines_cents, total_excl_cents, total_incl_cents, number, counter_key, counter, issue_date, due_date,
            delivery_date, issued_view, pdf_sha256, xml_sha256, ledger_entry_id)
          SELECT ${activityIds[0]}::uuid, x.client, 'invoice', 'issued', '{"kind":"days","days":30}'::jsonb,
            x.due, x.due, x.due, x.number, 'bench', x.n, x.issued, x.issued + 30, x.issued, '{}'::jsonb,
            repeat('0', 64), repeat('0', 64), ${entry!.id}::uuid
          FROM unnest(${sql.param(chunk.map((c) => clientIds.get(c.clientId)!))}::uuid[], ${sql.param(chunk.map((c) => c.dueCents))}::bigint[],
                      ${sql.param(chunk.map((c) => c.number))}::text[], ${sql.param(chunk.map((_, j) => i + j + 1))}::int[],
                      ${sql.param(chunk.map((c) => c.issueDate))}::date[]) AS x(client, due, number, n, issued)`);
      }
      const account = await createBankAccount(ctx, systemActor, { name: 'Bench', iban });
      const xml = writeCamt053([
        {
          iban,
          statementId: 'BENCH-1',
          openingCents: 0,
          openingDate: '2026-10-01',
          closingDate: '2026-10-31',
          lines: scenario.lines.map((l, i) => ({
            date: l.bookingDate,
            amountCents: l.amountCents,
            reference: `BENCH${i}`,
            counterparty: l.counterpartyName || 'BANQUE',
            remittance: l.remittance || l.label,
            ...(l.messageId ? { messageId: l.messageId, endToEndId: l.endToEndIds[0] } : {}),
          })),
        },
      ]);
      env.progress(`statement: ${lineCount.toLocaleString('en')} lines, ${mb(xml.length)} MB of CAMT.053`);

      const parse = await measured(() => {
        const statements = parseStatementFile(xml);
        return lineIdentities(statements.flatMap((s) => s.lines)).length;
      });
      env.progress(`parse alone: ${parse.ms.toFixed(0)} ms`);
      const first = await measured(() =>
        importStatementContent(
          ctx,
          systemActor,
          account.id,
          { fileName: 'bench.xml', content: xml },
          {
            autoConfirm: false,
            onProgress: (done, total) => {
              if (done % 20_000 === 0 || done === total)
                env.progress(`  ${done.toLocaleString('en')} lines stored`);
            },
          },
        ),
      );
      if (first.result.newLineCount !== lineCount)
        throw new Error(`imported ${first.result.newLineCount} of ${lineCount}`);
      const [s] = await queryRows<{ with: string; sure: string }>(
        ctx.db,
        sql`SELECT count(*) FILTER (WHERE jsonb_array_length(suggestions) > 0)::text AS with,
                   count(*) FILTER (WHERE (suggestions -> 0 ->> 'confidence')::int >= 95)::text AS sure
            FROM bank_lines`,
      );
      env.progress(`import: ${first.ms.toFixed(0)} ms; ${s!.with} lines with a suggestion, ${s!.sure} sure`);
      const again = await measured(() =>
        importStatementContent(
          ctx,
          systemActor,
          account.id,
          { fileName: 'again.xml', content: xml },
          { autoConfirm: false },
        ),
      );
      if (again.result.newLineCount !== 0)
        throw new Error(`re-import added ${again.result.newLineCount} lines`);
      const label = lineCount >= 1_000 ? `${lineCount / 1_000}k` : String(lineCount);
      const rows: BenchRow[] = [
        {
          metric: `import + match ${label} lines vs ${invoiceCount / 1_000}k open invoices: lines/s (vs parse alone)`,
          unit: 'req/s',
          value: (lineCount / first.ms) * 1_000,
          baseline: (lineCount / parse.ms) * 1_000,
        },
        {
          metric: 'import + match: peak RSS, MB (vs parse alone)',
          unit: 'count',
          value: first.peakMb,
          baseline: parse.peakMb,
        },
        {
          metric: `the same file again, every line already imported: lines/s (vs parse alone)`,
          unit: 'req/s',
          value: (lineCount / again.ms) * 1_000,
          baseline: (lineCount / parse.ms) * 1_000,
        },
        {
          metric: 'lines with a suggestion / sure enough to confirm (≥ 95)',
          unit: 'count',
          value: Number(s!.with),
          baseline: Number(s!.sure),
        },
      ];
      return rows;
    } catch (error) {
      // Drizzle's message carries the whole query and its parameters: show the database's own reason.
      throw new Error(String((error as { cause?: unknown }).cause ?? error).slice(0, 500));
    } finally {
      await ctx.database.close();
    }
  },
};
