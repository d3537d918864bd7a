import { sql } from 'drizzle-orm';
import type { AppContext } from '../../src/server/app-context.ts';
import { systemActor } from '../../src/server/audit/actor.ts';
import { queryRows } from '../../src/server/db/query-rows.ts';
import { createClient } from '../../src/server/sales/create-client.ts';
import { drawInvoicePdf } from '../../src/server/sales/draw-invoice-pdf.ts';
import { renderInvoicePdf } from '../../src/server/sales/render-invoice-pdf.ts';
import { sampleSalesDocuments } from '../../src/server/sales/sample-sales-documents.ts';
import { saveInvoiceDraft } from '../../src/server/sales/save-invoice-draft.ts';
import type { BenchRow, Scenario } from '../harness/bench-types.ts';
import { benchDemoPassword, startAppInProcess } from '../harness/start-app-in-process.ts';
import { summarizeLatencies } from '../harness/summarize-latencies.ts';

const concurrency = 32;

/**
 * Issuing invoices through the HTTP API (issue 5): POST /api/sales/invoices/:id/issue, which checks the
 * session and rights, locks the counter of the legal series (the one row every issuer waits for), renders
 * the PDF and embeds the Factur-X XML, stores both, posts the VT entry and freezes the invoice, in one
 * transaction. Measured with 32 clients at once against one client alone, in the same run, on drafts
 * prepared beforehand; the numbering is then checked for gaps and duplicates. Then the time to render one
 * invoice PDF with its Factur-X XML, against drawing the same PDF alone.
 */
export const salesIssue: Scenario = {
  name: 'sales-issue',
  issue: 5,
  description: `value = invoices issued through POST /api/sales/invoices/:id/issue by ${concurrency} clients at once (invoices/s, p50, p99); baseline = the same by one client, same run; then rendering one PDF with its Factur-X XML vs drawing the PDF alone.`,
  async run(env) {
    const single = env.quick ? 12 : 60;
    const many = env.quick ? 96 : 480;
    const app = await startAppInProcess(await env.freshStorage());
    try {
      const ctx = app.ctx;
      env.progress(`preparing ${single + many} draft invoices`);
      const drafts = await prepareDrafts(ctx, single + many);
      const session = await adminSession(app.origin);
      const [{ before }] = (await queryRows<{ before: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS before FROM invoices WHERE status = 'issued'`,
      )) as [{ before: number }];

      env.progress(`${single} invoices issued by one client`);
      const one = await issueAll(app.origin, session, drafts.slice(0, single), 1);
      env.progress(`${many} invoices issued by ${concurrency} clients`);
      const load = await issueAll(app.origin, session, drafts.slice(single), concurrency);
      await checkNumbering(ctx, Number(before) + single + many);

      env.progress('rendering one PDF with its Factur-X XML');
      const render = await timeRendering(env.quick ? 5 : 20);
      const a = summarizeLatencies(one.latenciesMs, one.elapsedMs);
      const b = summarizeLatencies(load.latenciesMs, load.elapsedMs);
      const rows: BenchRow[] = [
        {
          metric: `issue, ${concurrency} clients: invoices/s`,
          unit: 'req/s',
          value: b.requestsPerSecond,
          baseline: a.requestsPerSecond,
        },
        { metric: `issue, ${concurrency} clients: p50`, unit: 'ms', value: b.p50, baseline: a.p50 },
        { metric: `issue, ${concurrency} clients: p99`, unit: 'ms', value: b.p99, baseline: a.p99 },
        {
          metric: 'one PDF with Factur-X XML (render)',
          unit: 'ms',
          value: render.facturX,
          baseline: render.drawOnly,
        },
      ];
      return rows;
    } finally {
      await app.stop();
    }
  },
};

/** Draft invoices of one demo activity's client (three lines, two VAT rates, a discount), through the use case. */
async function prepareDrafts(ctx: AppContext, count: number) {
  const [activity] = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM activities WHERE kind = 'member' ORDER BY code LIMIT 1`,
  );
  const client = await createClient(ctx, systemActor, activity!.id, {
    kind: 'company',
    name: 'Client du banc d’essai SARL',
    siren: '842166100',
    billingAddress: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' },
    email: 'compta@banc.example',
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await saveInvoiceDraft(ctx, systemActor, {
      activityId: activity!.id,
      clientId: client.id,
      body: {
        sections: [
          {
            title: 'Prestations',
            lines: [
              {
                description: `Conseil ${i}`,
                quantity: '2.5',
                unit: 'HUR',
                unitPriceCents: 8_000 + i,
                vat: { kind: 'rate', rateBp: 2000 },
              },
              {
                description: 'Support imprimé',
                quantity: '3',
                unitPriceCents: 1_250,
                vat: { kind: 'rate', rateBp: 550 },
                kind: 'goods',
              },
              {
                description: 'Déplacement',
                quantity: '1',
                unit: 'LS',
                unitPriceCents: 4_500,
                vat: { kind: 'rate', rateBp: 2000 },
              },
            ],
          },
        ],
        discount: { kind: 'percent', bp: 500 },
      },
    });
    ids.push(id);
  }
  return ids;
}

async function adminSession(origin: string) {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.mutua.coop', password: benchDemoPassword }),
  });
  if (res.status !== 200) throw new Error(`log-in as the demo admin failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('mutua_session='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Issues every draft, `clients` requests in flight at a time; any answer but 200 stops the run. */
async function issueAll(
  origin: string,
  session: { cookie: string; csrfToken: string },
  ids: string[],
  clients: number,
) {
  const latenciesMs: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      const t = performance.now();
      const res = await fetch(`${origin}/api/sales/invoices/${id}/issue`, {
        method: 'POST',
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
          'content-type': 'application/json',
        },
        body: '{}',
      });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`issue answered ${res.status}: ${body.slice(0, 300)}`);
      latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return { latenciesMs, elapsedMs: performance.now() - start };
}

/** The legal series after the run: every counter from 1 to its last value, once; dates in number order. */
async function checkNumbering(ctx: AppContext, expected: number) {
  const [r] = await queryRows<{ n: number; distinct_numbers: number; gaps: number; backwards: number }>(
    ctx.db,
    sql`WITH s AS (
          SELECT counter_key, counter, number, issue_date,
                 lag(issue_date) OVER (PARTITION BY counter_key ORDER BY counter) AS previous_date,
                 row_number() OVER (PARTITION BY counter_key ORDER BY counter) AS rank
          FROM invoices WHERE status = 'issued')
        SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_numbers,
               count(*) FILTER (WHERE counter <> rank)::int AS gaps,
               count(*) FILTER (WHERE issue_date < previous_date)::int AS backwards
        FROM s`,
  );
  if (
    Number(r!.n) !== expected ||
    Number(r!.distinct_numbers) !== expected ||
    Number(r!.gaps) ||
    Number(r!.backwards)
  )
    throw new Error(`numbering broken: ${JSON.stringify(r)} (expected ${expected} documents)`);
}

/** Mean time to render one invoice (PDF + Factur-X XML, twice the CII) vs drawing its PDF alone. */
async function timeRendering(runs: number) {
  const doc = sampleSalesDocuments().severalRates!;
  await renderInvoicePdf(doc);
  await drawInvoicePdf(doc);
  let t = performance.now();
  for (let i = 0; i < runs; i++) await renderInvoicePdf(doc);
  const facturX = (performance.now() - t) / runs;
  t = performance.now();
  for (let i = 0; i < runs; i++) await drawInvoicePdf(doc);
  return { facturX, drawOnly: (performance.now() - t) / runs };
}
