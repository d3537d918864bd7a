import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows.ts';
import { readFile } from '../files/store-file.ts';
import { emailAttachments, emails } from '../mail/mail-tables.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { invoices, quoteSendings, quotes } from './sales-tables.ts';
import { companyClientInput, rateLine, setUpSales } from './sales-test-fixture.ts';

/**
 * Quotes (issue 5 §3) through the HTTP API: drafts and their refusals, sending (number of the quote
 * series, PDF), the client's answer, and conversion into a deposit, an intermediate and a balance invoice
 * whose stored Factur-X files pass the official EN 16931 rules.
 */
let s: Awaited<ReturnType<typeof setUpSales>>;
let clientId: string;
const dir = mkdtempSync(join(tmpdir(), 'mutua-quotes-'));
const validator = resolve(import.meta.dirname, '../../../../shared/validators/en16931/validate.mjs');
const files: string[] = [];

beforeAll(async () => {
  s = await setUpSales();
  const member = await s.loggedIn('member@test.coop');
  clientId = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body.id;
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await s.ctx.close();
});

const quoteBody = {
  sections: [
    {
      title: 'Conception',
      lines: [
        { ...rateLine('Relevés et plans', 48_000, '2,5'), unit: 'DAY' },
        { ...rateLine('Rendu 3D', 35_000), unit: 'LS', discount: { kind: 'percent', bp: 1000 } },
      ],
    },
    {
      title: 'Fabrication',
      lines: [
        { ...rateLine('Plateau chêne massif', 180_000), kind: 'goods' },
        {
          description: 'Pose (logement de plus de deux ans)',
          quantity: '6',
          unit: 'HUR',
          unitPriceCents: 5_500,
          vat: { kind: 'rate', rateBp: 1000 },
        },
      ],
    },
  ],
  discount: { kind: 'percent', bp: 500 },
};
const quoteDraft = (over: Record<string, unknown> = {}) => ({
  activityId: s.bois,
  clientId,
  body: quoteBody,
  notes: 'Délai de fabrication : six semaines.',
  ...over,
});

async function storedPdf(sha256: string, name: string) {
  const file = join(dir, name);
  writeFileSync(file, (await readFile(s.ctx.db, sha256))!.bytes);
  return file;
}

describe('quotes', () => {
  let quoteId: string;
  let reference: string;

  it('refuses bad drafts: no lines, bad numbers, unknown rate, exemption without reason, another activity', async () => {
    const member = await s.loggedIn('member@test.coop');
    const line = (over: Record<string, unknown>) =>
      quoteDraft({ body: { sections: [{ lines: [{ ...rateLine('x', 100), ...over }] }] } });
    for (const bad of [
      quoteDraft({ body: { sections: [{ lines: [] }] } }),
      quoteDraft({ body: { sections: [] } }),
      line({ quantity: 'deux' }),
      line({ quantity: '-1' }),
      line({ quantity: '1234567890123' }),
      line({ unitPriceCents: 'cent' }),
      line({ unitPriceCents: -100 }),
      line({ unitPriceCents: 1e15 }),
      line({ vat: { kind: 'rate', rateBp: 1960 } }),
      line({ vat: { kind: 'exempt', exemption: 'other' } }),
      quoteDraft({ validityDate: '2026-02-30' }),
      quoteDraft({ discount: 'beaucoup' }),
    ]) {
      const res = await member.post('/sales/quotes', bad);
      expect(res.status, JSON.stringify(bad).slice(0, 200)).toBe(422);
    }
    expect((await member.post('/sales/quotes', quoteDraft({ validityDate: '2026-03-01' }))).body.code).toBe(
      'QUOTE_VALIDITY_PAST',
    );
    const tooMuchDiscount = await member.post(
      '/sales/quotes',
      quoteDraft({ body: { ...quoteBody, discount: { kind: 'amount', cents: 99_999_999 } } }),
    );
    expect(tooMuchDiscount.body.code).toBe('DOCUMENT_DISCOUNT_TOO_LARGE');
    const other = await s.loggedIn('other@test.coop');
    expect((await other.post('/sales/quotes', quoteDraft())).status).toBe(404);
    expect((await other.post('/sales/quotes', quoteDraft({ activityId: s.textile }))).status).toBe(404);
    const [{ n }] = (await queryRows<{ n: number }>(
      s.ctx.db,
      sql`SELECT count(*)::int AS n FROM quotes`,
    )) as [{ n: number }];
    expect(Number(n)).toBe(0);
  });

  it('drafts, edits and sends a quote: number of the quote series, validity date, stored PDF', async () => {
    const member = await s.loggedIn('member@test.coop');
    const created = await member.post('/sales/quotes', quoteDraft({ notes: 'brouillon' }));
    expect(created.status).toBe(201);
    quoteId = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', reference: null, pdfUrl: null });
    const edited = await member.put(`/sales/quotes/${quoteId}`, quoteDraft());
    expect(edited.body.notes).toBe('Délai de fabrication : six semaines.');
    // 2.5 × 480 + 350 − 10 % + 1800 = 3315 € at 20 %, 330 € at 10 %; − 5 %.
    expect(edited.body.totalExclCents).toBe(((1200_00 + 315_00 + 1800_00) * 95) / 100 + (330_00 * 95) / 100);

    const sent = await member.post(`/sales/quotes/${quoteId}/send`, {});
    expect(sent.status).toBe(200);
    reference = sent.body.reference;
    expect(sent.body).toMatchObject({
      status: 'sent',
      reference: 'D2026-00001',
      issueDate: '2026-03-02',
      validityDate: '2026-04-01',
      pdfUrl: `/api/sales/quotes/${quoteId}/pdf`,
    });
    const pdf = await member.get(`/sales/quotes/${quoteId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const [row] = await s.ctx.db.select().from(quotes).where(eq(quotes.id, quoteId));
    const file = await storedPdf(row!.pdfSha256!, 'quote.pdf');
    if (!lacksSystemTool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      expect(text).toContain('Devis n° D2026-00001');
      expect(text).toContain('Devis valable jusqu’au 01/04/2026');
      expect(text).toContain('Bon pour accord');
      expect(text).not.toContain('Net à payer');
    }
    // The invoice series is untouched: the quote has its own.
    const counters = await queryRows<{ counter_key: string; last_value: number }>(
      s.ctx.db,
      sql`SELECT counter_key, last_value FROM numbering_counters`,
    );
    expect(counters.map((c) => [c.counter_key, Number(c.last_value)])).toEqual([['quote:2026', 1]]);
  });

  it('e-mails a sent quote’s stored PDF with a trace; a draft, a bad address or another member is refused', async () => {
    const member = await s.loggedIn('member@test.coop');
    const draft = await member.post('/sales/quotes', quoteDraft());
    expect((await member.post(`/sales/quotes/${draft.body.id}/email`, {})).body.code).toBe('QUOTE_NOT_SENT');
    expect((await member.delete(`/sales/quotes/${draft.body.id}`)).status).toBe(204);
    expect((await member.post(`/sales/quotes/${quoteId}/email`, { to: 'pas-une-adresse' })).status).toBe(422);
    expect((await member.post(`/sales/quotes/${quoteId}/email`, { to: null, extra: 1 })).status).toBe(422);
    const other = await s.loggedIn('other@test.coop');
    expect((await other.post(`/sales/quotes/${quoteId}/email`, {})).status).toBe(404);
    expect(await s.ctx.db.select().from(quoteSendings)).toEqual([]);

    const mailed = await member.post(`/sales/quotes/${quoteId}/email`, { message: 'Au plaisir !' });
    expect(mailed.status).toBe(200);
    expect(mailed.body.emails).toEqual([
      { toAddress: 'compta@menuiseries.example', sentAt: expect.any(String), emailStatus: 'queued' },
    ]);
    const [row] = await s.ctx.db.select().from(quotes).where(eq(quotes.id, quoteId));
    const [attachment] = await s.ctx.db.select().from(emailAttachments);
    expect(attachment).toMatchObject({ filename: 'D2026-00001.pdf', fileSha256: row!.pdfSha256 });
    const [mail] = await s.ctx.db.select().from(emails).where(eq(emails.id, attachment!.emailId));
    expect(mail!.subject).toBe('Devis n° D2026-00001 — Atelier Copeaux');
    expect(mail!.textBody).toContain('valable jusqu’au 01/04/2026');
    expect(mail!.textBody).toContain('Au plaisir !');
    expect(mail!.textBody).not.toContain('Factur-X');
  });

  it('never changes a sent quote; decisions follow the transition table and the validity date', async () => {
    const member = await s.loggedIn('member@test.coop');
    const edit = await member.put(`/sales/quotes/${quoteId}`, quoteDraft());
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('STATUS_TRANSITION_REFUSED');
    expect((await member.post(`/sales/quotes/${quoteId}/send`, {})).status).toBe(409);
    expect((await member.delete(`/sales/quotes/${quoteId}`)).status).toBe(409);
    await expect(
      s.ctx.db.execute(sql`UPDATE quotes SET notes = 'x' WHERE id = ${quoteId}`),
    ).rejects.toThrow();
    await expect(s.ctx.db.execute(sql`DELETE FROM quotes WHERE id = ${quoteId}`)).rejects.toThrow();
    const early = await member.post(`/sales/quotes/${quoteId}/decision`, { status: 'expired' });
    expect(early.body.code).toBe('QUOTE_STILL_VALID');
    expect((await member.post(`/sales/quotes/${quoteId}/decision`, { status: 'maybe' })).status).toBe(422);
    const other = await s.loggedIn('other@test.coop');
    expect((await other.get(`/sales/quotes/${quoteId}`)).status).toBe(404);
    expect((await other.get(`/sales/quotes/${quoteId}/pdf`)).status).toBe(404);
    expect((await other.post(`/sales/quotes/${quoteId}/decision`, { status: 'accepted' })).status).toBe(404);
    expect(
      (
        await other.post(`/sales/quotes/${quoteId}/invoices`, {
          part: 'deposit',
          share: { kind: 'percent', bp: 3000 },
        })
      ).status,
    ).toBe(404);
    expect((await other.get('/sales/quotes')).body).toEqual([]);
    const accepted = await member.post(`/sales/quotes/${quoteId}/decision`, { status: 'accepted' });
    expect(accepted.body.status).toBe('accepted');
    expect((await member.post(`/sales/quotes/${quoteId}/decision`, { status: 'refused' })).body.code).toBe(
      'STATUS_TRANSITION_REFUSED',
    );
  });

  let depositId: string;
  let intermediateId: string;

  it('invoices a deposit of 30 %, never beyond what remains, and issues it as a prepayment invoice', async () => {
    const member = await s.loggedIn('member@test.coop');
    for (const bad of [
      { part: 'deposit' },
      { part: 'deposit', share: { kind: 'percent', bp: 0 } },
      { part: 'deposit', share: { kind: 'percent', bp: 10_001 } },
      { part: 'deposit', share: { kind: 'amount', cents: -5 } },
      { part: 'advance', share: { kind: 'percent', bp: 3000 } },
    ]) {
      expect((await member.post(`/sales/quotes/${quoteId}/invoices`, bad)).status, JSON.stringify(bad)).toBe(
        422,
      );
    }
    const quote = (await member.get(`/sales/quotes/${quoteId}`)).body;
    const tooMuch = await member.post(`/sales/quotes/${quoteId}/invoices`, {
      part: 'deposit',
      share: { kind: 'amount', cents: quote.totalExclCents + 1 },
    });
    expect(tooMuch.body.code).toBe('QUOTE_OVERINVOICED');

    const deposit = await member.post(`/sales/quotes/${quoteId}/invoices`, {
      part: 'deposit',
      share: { kind: 'percent', bp: 3000 },
    });
    expect(deposit.status).toBe(201);
    depositId = deposit.body.id;
    expect(deposit.body.type).toBe('deposit');
    // 30 % of each VAT group's base.
    expect(deposit.body.totalExclCents).toBe(
      quote.vatBreakdown.reduce(
        (t: number, g: { baseCents: number }) => t + Math.round(g.baseCents * 0.3),
        0,
      ),
    );
    // The draft counts: 80 % more would exceed the quote.
    const over = await member.post(`/sales/quotes/${quoteId}/invoices`, {
      part: 'intermediate',
      share: { kind: 'percent', bp: 8000 },
    });
    expect(over.body.code).toBe('QUOTE_OVERINVOICED');
    // The balance needs the deposit issued first.
    expect((await member.post(`/sales/quotes/${quoteId}/invoices`, { part: 'balance' })).body.code).toBe(
      'QUOTE_PART_NOT_ISSUED',
    );

    const issued = await member.post(`/sales/invoices/${depositId}/issue`, {});
    expect(issued.status).toBe(200);
    const [row] = await s.ctx.db.select().from(invoices).where(eq(invoices.id, depositId));
    const xml = Buffer.from((await readFile(s.ctx.db, row!.xmlSha256!))!.bytes).toString('utf8');
    expect(xml).toContain('<ram:TypeCode>386</ram:TypeCode>');
    expect(row!.issuedView!.quoteReference).toBe(reference);
    files.push(await storedPdf(row!.pdfSha256!, 'deposit.pdf'));
  }, 60_000);

  it('invoices an intermediate 40 %, then the balance that deducts both, summing to the quote', async () => {
    const member = await s.loggedIn('member@test.coop');
    const intermediate = await member.post(`/sales/quotes/${quoteId}/invoices`, {
      part: 'intermediate',
      share: { kind: 'percent', bp: 4000 },
    });
    expect(intermediate.status).toBe(201);
    intermediateId = intermediate.body.id;
    expect((await member.post(`/sales/invoices/${intermediateId}/issue`, {})).status).toBe(200);

    const balance = await member.post(`/sales/quotes/${quoteId}/invoices`, { part: 'balance' });
    expect(balance.status).toBe(201);
    const issued = await member.post(`/sales/invoices/${balance.body.id}/issue`, {});
    expect(issued.status).toBe(200);
    const quote = (await member.get(`/sales/quotes/${quoteId}`)).body;
    expect(quote.invoices.map((i: { part: string }) => i.part).sort()).toEqual([
      'balance',
      'deposit',
      'intermediate',
    ]);
    expect(quote.remainingExclCents).toBe(0);
    const parts = await s.ctx.db.select().from(invoices).where(eq(invoices.quoteId, quoteId));
    // Group by group, the three invoices bill exactly the quote's bases.
    for (const g of quote.vatBreakdown as { key: string; baseCents: number }[]) {
      const billed = parts.reduce(
        (t, p) => t + (p.vatBreakdown.find((x) => x.key === g.key)?.baseCents ?? 0),
        0,
      );
      expect(billed).toBe(g.baseCents);
    }
    const [row] = parts.filter((p) => p.quotePart === 'balance');
    const deposit = parts.find((p) => p.quotePart === 'deposit')!;
    const lines = row!.issuedView!.body.sections.flatMap((x) => x.lines.map((l) => l.description));
    expect(lines.some((d) => d.includes(`Déjà facturé : facture n° ${deposit.number}`))).toBe(true);
    files.push(await storedPdf(row!.pdfSha256!, 'balance.pdf'));
    files.push(
      await storedPdf(parts.find((p) => p.quotePart === 'intermediate')!.pdfSha256!, 'intermediate.pdf'),
    );

    const again = await member.post(`/sales/quotes/${quoteId}/invoices`, { part: 'balance' });
    expect(again.body.code).toBe('QUOTE_FULLY_INVOICED');
  }, 60_000);

  it('passes the official EN 16931 rules for the deposit, intermediate and balance invoices', () => {
    expect(files).toHaveLength(3);
    const run = spawnSync(process.execPath, [validator, ...files], { encoding: 'utf8', timeout: 300_000 });
    expect(run.stdout.trim().split('\n')).toEqual(files.map((f) => `ok ${f}`));
    expect(run.status).toBe(0);
  }, 300_000);

  it('converts a sent quote as accepted; refused and expired quotes are not invoiced', async () => {
    const member = await s.loggedIn('member@test.coop');
    const a = (await member.post('/sales/quotes', quoteDraft())).body.id;
    await member.post(`/sales/quotes/${a}/send`, {});
    const whole = await member.post(`/sales/quotes/${a}/invoices`, { part: 'balance' });
    expect(whole.status).toBe(201);
    expect((await member.get(`/sales/quotes/${a}`)).body.status).toBe('accepted');
    expect(whole.body.totalInclCents).toBe((await member.get(`/sales/quotes/${a}`)).body.totalInclCents);

    const b = (await member.post('/sales/quotes', quoteDraft())).body.id;
    expect((await member.post(`/sales/quotes/${b}/invoices`, { part: 'balance' })).body.code).toBe(
      'STATUS_TRANSITION_REFUSED',
    );
    await member.post(`/sales/quotes/${b}/send`, {});
    await member.post(`/sales/quotes/${b}/decision`, { status: 'refused' });
    expect((await member.post(`/sales/quotes/${b}/invoices`, { part: 'balance' })).body.code).toBe(
      'STATUS_TRANSITION_REFUSED',
    );

    const c = (await member.post('/sales/quotes', quoteDraft({ validityDate: '2026-03-10' }))).body.id;
    expect((await member.post(`/sales/quotes/${c}/send`, {})).body.validityDate).toBe('2026-03-10');
    s.ctx.setNow('2026-03-11T09:00:00.000Z');
    const late = await s.loggedIn('member@test.coop');
    expect((await late.post(`/sales/quotes/${c}/decision`, { status: 'accepted' })).body.code).toBe(
      'QUOTE_EXPIRED',
    );
    expect((await late.post(`/sales/quotes/${c}/invoices`, { part: 'balance' })).body.code).toBe(
      'QUOTE_EXPIRED',
    );
    expect((await late.post(`/sales/quotes/${c}/decision`, { status: 'expired' })).body.status).toBe(
      'expired',
    );
    s.ctx.setNow('2026-03-02T09:00:00.000Z');

    const d = (await member.post('/sales/quotes', quoteDraft())).body.id;
    expect((await member.delete(`/sales/quotes/${d}`)).status).toBe(204);
    expect((await member.get(`/sales/quotes/${d}`)).status).toBe(404);
    const list = await member.get(`/sales/quotes?clientId=${clientId}&status=accepted`);
    expect(list.body.map((q: { id: string }) => q.id).sort()).toEqual([quoteId, a].sort());
    const page = await member.get(`/sales/clients/${clientId}`);
    expect(page.body.quotes).toHaveLength(4);
    expect(page.body.deletable).toBe(false);
  }, 60_000);
});
