import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteView } from '../../core/sales/quote-schemas.ts';
import type { TestClient } from '../testing/test-client.ts';
import { listQuotes } from './get-quote.ts';
import { companyClientInput, rateLine, setUpSales } from './sales-test-fixture.ts';

/**
 * The quote list (issue 5 §10) reads the invoices made from the quotes, their credit notes and the quotes'
 * e-mails for the whole page at once: the same answer as each quote read on its own, in a number of queries
 * that does not grow with the number of quotes.
 */
let s: Awaited<ReturnType<typeof setUpSales>>;
let member: TestClient;
let clientId: string;
const ids: Record<string, string> = {};

const body = (cents: number) => ({
  sections: [
    {
      title: 'Conception',
      lines: [rateLine('Plans', cents), { ...rateLine('Pose', 5_500, '6'), unit: 'HUR' }],
    },
  ],
  discount: null,
});

async function quote(cents: number, send = true) {
  const created = await member.post('/sales/quotes', { activityId: s.bois, clientId, body: body(cents) });
  expect(created.status, created.text).toBe(201);
  if (send) expect((await member.post(`/sales/quotes/${created.body.id}/send`, {})).status).toBe(200);
  return created.body.id as string;
}

async function convert(quoteId: string, part: string, bp?: number, issue = true) {
  const res = await member.post(`/sales/quotes/${quoteId}/invoices`, {
    part,
    ...(bp ? { share: { kind: 'percent', bp } } : {}),
  });
  expect(res.status, res.text).toBe(201);
  if (issue) expect((await member.post(`/sales/invoices/${res.body.id}/issue`, {})).status).toBe(200);
  return res.body.id as string;
}

beforeAll(async () => {
  s = await setUpSales();
  member = await s.loggedIn('member@test.coop');
  clientId = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body.id;
  ids.draft = await quote(100_000, false);
  ids.mailed = await quote(120_000);
  expect((await member.post(`/sales/quotes/${ids.mailed}/email`, {})).status).toBe(200);
  s.ctx.advance(60_000);
  expect((await member.post(`/sales/quotes/${ids.mailed}/email`, { to: 'achats@example.org' })).status).toBe(
    200,
  );
  // A deposit issued and an intermediate invoice still a draft.
  ids.progress = await quote(200_000);
  ids.progressDeposit = await convert(ids.progress, 'deposit', 3000);
  ids.progressIntermediate = await convert(ids.progress, 'intermediate', 4000, false);
  // A deposit credited in full: it no longer counts in what was billed.
  ids.credited = await quote(80_000);
  ids.creditedDeposit = await convert(ids.credited, 'deposit', 5000);
  const cn = await member.post(`/sales/invoices/${ids.creditedDeposit}/credit-notes`, {});
  expect(cn.status, cn.text).toBe(201);
  expect((await member.post(`/sales/invoices/${cn.body.id}/issue`, {})).status).toBe(200);
  // Fully invoiced: deposit then balance.
  ids.balanced = await quote(50_000);
  ids.balancedDeposit = await convert(ids.balanced, 'deposit', 2000);
  ids.balancedBalance = await convert(ids.balanced, 'balance');
}, 180_000);

afterAll(async () => {
  await s.ctx.close();
});

describe('the quote list', () => {
  it('answers for each quote what reading it alone answers: its invoices, what remains, its e-mails', async () => {
    const res = await member.get('/sales/quotes');
    expect(res.status, res.text).toBe(200);
    const list = res.body as QuoteView[];
    if (process.env.MUTUA_QUOTE_LIST_DUMP)
      writeFileSync(process.env.MUTUA_QUOTE_LIST_DUMP, JSON.stringify(list));
    // Newest first.
    expect(list.map((q) => q.id)).toEqual(
      [ids.draft, ids.mailed, ids.progress, ids.credited, ids.balanced].reverse(),
    );
    for (const q of list) expect(q, q.id).toEqual((await member.get(`/sales/quotes/${q.id}`)).body);

    const byId = new Map(list.map((q) => [q.id, q]));
    const view = (id: string | undefined) => byId.get(id!)!;
    expect(view(ids.draft)).toMatchObject({ status: 'draft', invoices: [], emails: [] });
    expect(view(ids.draft).remainingExclCents).toBe(view(ids.draft).totalExclCents);
    expect(view(ids.mailed).emails.map((e) => e.toAddress)).toEqual([
      'compta@menuiseries.example',
      'achats@example.org',
    ]);
    const progress = view(ids.progress);
    expect(progress.invoices.map((i) => [i.id, i.part, i.status])).toEqual([
      [ids.progressDeposit, 'deposit', 'issued'],
      [ids.progressIntermediate, 'intermediate', 'draft'],
    ]);
    expect(progress.remainingExclCents).toBe(
      progress.totalExclCents - progress.invoices.reduce((t, i) => t + i.totalExclCents, 0),
    );
    const credited = view(ids.credited);
    expect(credited.invoices.map((i) => i.id)).toEqual([ids.creditedDeposit]);
    expect(credited.remainingExclCents).toBe(credited.totalExclCents);
    const balanced = view(ids.balanced);
    expect(balanced.invoices.map((i) => i.part)).toEqual(['deposit', 'balance']);
    expect(balanced.remainingExclCents).toBe(0);
  });

  it('reads the same number of times for five quotes as for twenty', async () => {
    const actor = s.actorOf(s.people.member);
    const client = (s.ctx.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } })
      .$client;
    const count = async () => {
      const original = client.query;
      let n = 0;
      client.query = (...args: unknown[]) => {
        n++;
        return original.apply(client, args);
      };
      try {
        const list = await listQuotes(s.ctx, actor, {});
        return { n, quotes: list.length };
      } finally {
        client.query = original;
      }
    };
    const few = await count();
    expect(few.quotes).toBe(5);
    for (let i = 0; i < 15; i++) {
      const id = await quote(10_000 + i);
      if (i % 3 === 0) await convert(id, 'deposit', 1000);
    }
    const many = await count();
    expect(many.quotes).toBe(20);
    expect(few.n).toBeGreaterThan(0);
    expect(many.n).toBe(few.n);
  }, 180_000);
});
