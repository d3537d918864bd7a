import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEuros } from '../../core/sales/format-fr.ts';
import { activities, activityMembers } from '../activities/activities-tables.ts';
import type { Actor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile } from '../files/store-file.ts';
import { emails } from '../mail/mail-tables.ts';
import { memberStagePeriods, members } from '../members/members-tables.ts';
import { createAccount } from '../people/create-account.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { createTestClient } from '../testing/test-client.ts';
import { centsToDecimal } from './build-factur-x-invoice.ts';
import { issueInvoice } from './issue-invoice.ts';
import { invoices, numberingCounters } from './sales-tables.ts';
import { saveInvoiceDraft } from './save-invoice-draft.ts';

/**
 * Sales through the HTTP API and the use cases, on a real database (PGlite, or PostgreSQL with
 * DATABASE_URL): rights per activity, issuing with a gapless number under concurrency, the stored
 * Factur-X file checked by the official EN 16931 rules, the ledger entries, credit notes and payments.
 */
let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let bois: string;
let textile: string;
let otherMember: Awaited<ReturnType<typeof createAccount>>;
const dir = mkdtempSync(join(tmpdir(), 'mutua-sales-'));
const validator = resolve(import.meta.dirname, '../../../../shared/validators/en16931/validate.mjs');

const actorOf = (p: { id: string; roles: string[] }): Actor => ({
  userId: p.id,
  label: 'test',
  roles: p.roles as Actor['roles'],
  locale: 'fr',
  ipAddress: null,
});

async function addMember(userId: string, activityId: string, name: string) {
  const [m] = await ctx.db.insert(members).values({ userId, firstName: name, lastName: 'Test' }).returning();
  await ctx.db
    .insert(activityMembers)
    .values({ activityId, memberId: m!.id, shareBp: 10_000, validFrom: '2025-01-01' });
  return m!.id;
}

async function loggedIn(email: string) {
  const client = createTestClient(ctx);
  const res = await client.post('/auth/login', { email, password: testPassword });
  expect(res.status).toBe(200);
  return client;
}

const companyClient = {
  kind: 'company',
  name: 'Menuiseries du Rhône SARL',
  siren: '842166100',
  vatNumber: 'FR34842166100',
  billingAddress: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' },
  email: 'compta@menuiseries.example',
};

const draft = (activityId: string, clientId: string, lines?: unknown[]) => ({
  activityId,
  clientId,
  deliveryDate: '2026-02-27',
  body: {
    sections: [
      {
        title: null,
        lines: lines ?? [
          {
            description: 'Conception',
            quantity: '2,5',
            unit: 'DAY',
            unitPriceCents: 48_000,
            vat: { kind: 'rate', rateBp: 2000 },
          },
          {
            description: 'Plateau chêne',
            quantity: '1',
            unitPriceCents: 18_050,
            vat: { kind: 'rate', rateBp: 2000 },
            kind: 'goods',
          },
          {
            description: 'Formation',
            quantity: '1',
            unitPriceCents: 30_000,
            vat: { kind: 'exempt', exemption: 'training' },
          },
        ],
      },
    ],
    discount: { kind: 'percent', bp: 500 },
  },
});

beforeAll(async () => {
  ctx = await createTestContext();
  people = await seedTestPeople(ctx);
  const rows = await ctx.db
    .insert(activities)
    .values([
      { code: 'BOIS', name: 'Atelier bois', brand: 'Atelier Copeaux', kind: 'member' },
      { code: 'TEXT', name: 'Textile', brand: 'Fil à fil', kind: 'member' },
    ])
    .returning();
  bois = rows[0]!.id;
  textile = rows[1]!.id;
  await addMember(people.member.id, bois, 'Camille');
  otherMember = await createAccount(ctx, {
    email: 'other@test.coop',
    name: 'Other',
    password: testPassword,
    roles: ['member'],
  });
  await addMember(otherMember.id, textile, 'Dominique');
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await ctx.close();
});

describe('sales', () => {
  let clientId: string;
  let invoiceId: string;

  it('lets a member add a client to their own activity only', async () => {
    const member = await loggedIn('member@test.coop');
    const created = await member.post(`/sales/activities/${bois}/clients`, companyClient);
    expect(created.status).toBe(201);
    clientId = created.body.id;
    expect((await member.post(`/sales/activities/${textile}/clients`, companyClient)).status).toBe(404);
    expect((await member.get(`/sales/activities/${textile}/clients`)).status).toBe(404);
    const bad = await member.post(`/sales/activities/${bois}/clients`, {
      ...companyClient,
      siren: '842166101',
    });
    expect(bad.status).toBe(422);
  });

  it('refuses bad lines, and another activity’s client', async () => {
    const member = await loggedIn('member@test.coop');
    const noLines = await member.post('/sales/invoices', draft(bois, clientId, []));
    expect(noLines.status).toBe(422);
    const negative = await member.post(
      '/sales/invoices',
      draft(bois, clientId, [
        { description: 'x', quantity: '-1', unitPriceCents: 100, vat: { kind: 'rate', rateBp: 2000 } },
      ]),
    );
    expect(negative.status).toBe(422);
    const rate = await member.post(
      '/sales/invoices',
      draft(bois, clientId, [
        { description: 'x', quantity: '1', unitPriceCents: 100, vat: { kind: 'rate', rateBp: 1960 } },
      ]),
    );
    expect(rate.status).toBe(422);
    const noReason = await member.post(
      '/sales/invoices',
      draft(bois, clientId, [
        { description: 'x', quantity: '1', unitPriceCents: 100, vat: { kind: 'exempt' } },
      ]),
    );
    expect(noReason.status).toBe(422);
    const big = await member.post(
      '/sales/invoices',
      draft(bois, clientId, [
        { description: 'x', quantity: '1', unitPriceCents: 1e15, vat: { kind: 'rate', rateBp: 2000 } },
      ]),
    );
    expect(big.status).toBe(422);
    const other = await loggedIn('other@test.coop');
    const [theirClient] = await queryRows<{ id: string }>(
      ctx.db,
      sql`INSERT INTO clients (activity_id, kind, name, billing_address) VALUES (${textile}, 'individual', 'Léa',
        ${JSON.stringify({ line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' })}::jsonb) RETURNING id`,
    );
    expect((await other.post('/sales/invoices', draft(bois, clientId))).status).toBe(404);
    expect(
      (await (await loggedIn('member@test.coop')).post('/sales/invoices', draft(bois, theirClient!.id)))
        .status,
    ).toBe(404);
  });

  it('gives a draft back with its notes and purchase order, so the editor saves them again unchanged', async () => {
    const member = await loggedIn('member@test.coop');
    const extra = { purchaseOrderReference: 'BC-2026-17', notes: 'Livraison en atelier.' };
    const created = await member.post('/sales/invoices', { ...draft(bois, clientId), ...extra });
    expect(created.status).toBe(201);
    const read = await member.get(`/sales/invoices/${created.body.id}`);
    expect(read.body).toMatchObject(extra);
    const saved = await member.put(`/sales/invoices/${created.body.id}`, {
      ...draft(bois, clientId),
      body: read.body.body,
      ...extra,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(extra);
  });

  it('issues an invoice: number, Factur-X PDF stored by hash, the same totals everywhere, the entry', async () => {
    const member = await loggedIn('member@test.coop');
    const created = await member.post('/sales/invoices', draft(bois, clientId));
    expect(created.status).toBe(201);
    invoiceId = created.body.id;
    const issued = await member.post(`/sales/invoices/${invoiceId}/issue`, {});
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      status: 'issued',
      number: 'F2026-00001',
      issueDate: '2026-03-02',
      dueDate: '2026-04-01',
    });

    const [row] = await ctx.db.select().from(invoices).where(eq(invoices.id, invoiceId));
    const pdf = await readFile(ctx.db, row!.pdfSha256!);
    const xml = Buffer.from((await readFile(ctx.db, row!.xmlSha256!))!.bytes).toString('utf8');
    const download = await member.get(`/sales/invoices/${invoiceId}/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, 'F2026-00001.pdf');
    writeFileSync(file, pdf!.bytes);

    // Database = XML = PDF.
    const lines = await queryRows<{ net_cents: string }>(
      ctx.db,
      sql`SELECT net_cents FROM invoice_lines WHERE invoice_id = ${invoiceId} ORDER BY position`,
    );
    const lineSum = lines.reduce((s, l) => s + Number(l.net_cents), 0);
    expect(lineSum).toBe(row!.totalLinesCents);
    expect(xml).toContain(
      `<ram:LineTotalAmount>${centsToDecimal(row!.totalLinesCents)}</ram:LineTotalAmount>`,
    );
    expect(xml).toContain(
      `<ram:TaxBasisTotalAmount>${centsToDecimal(row!.totalExclCents)}</ram:TaxBasisTotalAmount>`,
    );
    expect(xml).toContain(
      `<ram:TaxTotalAmount currencyID="EUR">${centsToDecimal(row!.totalVatCents)}</ram:TaxTotalAmount>`,
    );
    expect(xml).toContain(
      `<ram:GrandTotalAmount>${centsToDecimal(row!.totalInclCents)}</ram:GrandTotalAmount>`,
    );
    // Reading the PDF's text needs poppler-utils (always there in CI, see system-tool.ts).
    if (!lacksSystemTool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      expect(text).toContain(`Total TTC ${formatEuros(row!.totalInclCents)}`.replace(/\s+/g, ' '));
      expect(text).toContain('Facture n° F2026-00001');
      expect(text).toContain('Activité : Atelier Copeaux');
    }

    // The entry: D 411 incl. VAT; C 706 and 707; C 44574 for the services' VAT, 44571 for the goods'.
    const entry = await queryRows<{ account_number: string; debit: string; credit: string }>(
      ctx.db,
      sql`SELECT account_number, sum(debit_cents) AS debit, sum(credit_cents) AS credit FROM ledger_entry_lines
          WHERE entry_id = ${row!.ledgerEntryId} GROUP BY account_number ORDER BY account_number`,
    );
    const by = Object.fromEntries(entry.map((e) => [e.account_number, Number(e.debit) - Number(e.credit)]));
    expect(by['411000']).toBe(row!.totalInclCents);
    expect(by['706000']! + by['707000']!).toBe(-row!.totalExclCents);
    expect(by['445740']! + by['445710']!).toBe(-row!.totalVatCents);
    expect(by['445710']).toBeLessThan(0);
    expect(Object.values(by).reduce((s, v) => s + v, 0)).toBe(0);
  }, 60_000);

  it('passes the official EN 16931 rules for the stored file', () => {
    const run = spawnSync(process.execPath, [validator, join(dir, 'F2026-00001.pdf')], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(run.stdout.trim()).toBe(`ok ${join(dir, 'F2026-00001.pdf')}`);
    expect(run.status).toBe(0);
  }, 300_000);

  it('answers that an issued invoice is already issued, changes nothing, and never edits it', async () => {
    const member = await loggedIn('member@test.coop');
    const before = await ctx.db.select().from(numberingCounters);
    const again = await member.post(`/sales/invoices/${invoiceId}/issue`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVOICE_ALREADY_ISSUED');
    expect(await ctx.db.select().from(numberingCounters)).toEqual(before);
    const edit = await member.put(`/sales/invoices/${invoiceId}`, draft(bois, clientId));
    expect(edit.status).toBe(409);
    await expect(
      ctx.db.execute(sql`UPDATE invoices SET notes = 'x' WHERE id = ${invoiceId}`),
    ).rejects.toThrow();
    await expect(
      ctx.db.execute(sql`DELETE FROM invoice_lines WHERE invoice_id = ${invoiceId}`),
    ).rejects.toThrow();
  });

  it('hides another activity’s invoices from a member', async () => {
    const other = await loggedIn('other@test.coop');
    expect((await other.get(`/sales/invoices/${invoiceId}`)).status).toBe(404);
    expect((await other.get(`/sales/invoices/${invoiceId}/pdf`)).status).toBe(404);
    expect(
      (await other.post(`/sales/invoices/${invoiceId}/payments`, { amountCents: 100, paidOn: '2026-03-05' }))
        .status,
    ).toBe(404);
    expect((await other.get('/sales/invoices')).body).toEqual([]);
  });

  it('credits at most what remains, with its own number and a reference to the invoice', async () => {
    const member = await loggedIn('member@test.coop');
    const partial = await member.post(`/sales/invoices/${invoiceId}/credit-notes`, {
      body: {
        sections: [
          {
            lines: [
              {
                description: 'Remise commerciale',
                quantity: '1',
                unitPriceCents: 10_000,
                vat: { kind: 'rate', rateBp: 2000 },
              },
            ],
          },
        ],
      },
    });
    expect(partial.status).toBe(201);
    const issued = await member.post(`/sales/invoices/${partial.body.id}/issue`, {});
    expect(issued.status).toBe(200);
    expect(issued.body.number).toBe('F2026-00002');
    const [cn] = await ctx.db.select().from(invoices).where(eq(invoices.id, partial.body.id));
    const xml = Buffer.from((await readFile(ctx.db, cn!.xmlSha256!))!.bytes).toString('utf8');
    expect(xml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(xml).toMatch(/<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>F2026-00001</);
    const tooMuch = await member.post(`/sales/invoices/${invoiceId}/credit-notes`, {
      body: {
        sections: [
          {
            lines: [
              {
                description: 'Trop',
                quantity: '1',
                unitPriceCents: 200_000,
                vat: { kind: 'rate', rateBp: 2000 },
              },
            ],
          },
        ],
      },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('CREDIT_NOTE_EXCEEDS_REMAINING');
  }, 60_000);

  it('records payments up to what is due, then shows the invoice paid and the VAT collected', async () => {
    const member = await loggedIn('member@test.coop');
    const view = (await member.get(`/sales/invoices/${invoiceId}`)).body;
    expect(view.paymentStatus).toBe('unpaid');
    const due = view.dueCents;
    expect(due).toBe(view.totalInclCents - view.creditedCents);
    expect(
      (
        await member.post(`/sales/invoices/${invoiceId}/payments`, {
          amountCents: due + 1,
          paidOn: '2026-03-10',
        })
      ).body.code,
    ).toBe('PAYMENT_EXCEEDS_DUE');
    const first = await member.post(`/sales/invoices/${invoiceId}/payments`, {
      amountCents: 33_333,
      paidOn: '2026-03-10',
    });
    expect(first.status).toBe(201);
    expect(first.body.paymentStatus).toBe('partlyPaid');
    const last = await member.post(`/sales/invoices/${invoiceId}/payments`, {
      amountCents: due - 33_333,
      paidOn: '2026-03-20',
    });
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({ paymentStatus: 'paid', dueCents: 0 });
    expect(last.body.payments.map(({ id, ...p }: { id: string }) => p)).toEqual([
      { paidOn: '2026-03-10', amountCents: 33_333, method: 'transfer', reference: '' },
      { paidOn: '2026-03-20', amountCents: due - 33_333, method: 'transfer', reference: '' },
    ]);
    // Nothing left awaiting receipt for this activity; 411 settled.
    const [balances] = await queryRows<{ pending: string; clients: string }>(
      ctx.db,
      sql`SELECT coalesce(sum(debit_cents - credit_cents) FILTER (WHERE account_number = '445740'), 0) AS pending,
                 coalesce(sum(debit_cents - credit_cents) FILTER (WHERE account_number = '411000'), 0) AS clients
          FROM ledger_entry_lines WHERE activity_id = ${bois}`,
    );
    expect(Number(balances!.pending)).toBe(0);
    expect(Number(balances!.clients)).toBe(0);
  }, 60_000);

  it('filters the invoice list in the database: payment status, type, client name, issue dates', async () => {
    const member = await loggedIn('member@test.coop');
    const ids = async (query: string) => {
      const res = await member.get(`/sales/invoices?${query}`);
      expect(res.status, query).toBe(200);
      return res.body.map((i: { id: string }) => i.id) as string[];
    };
    expect(await ids('payment=paid')).toContain(invoiceId);
    expect(await ids('payment=unpaid')).not.toContain(invoiceId);
    expect(await ids('payment=overdue')).not.toContain(invoiceId);
    const credits = (await member.get('/sales/invoices?type=creditNote')).body;
    expect(credits.length).toBeGreaterThan(0);
    expect(credits.every((i: { type: string }) => i.type === 'creditNote')).toBe(true);
    expect(await ids('client=MENUISERIES%20du')).toContain(invoiceId);
    expect(await ids('client=%25')).toEqual([]);
    expect(await ids('from=2026-03-02&to=2026-03-02')).toContain(invoiceId);
    expect(await ids('from=2026-03-03')).not.toContain(invoiceId);
    expect(await ids('status=draft&payment=paid')).toEqual([]);
    for (const bad of [
      'payment=late',
      'from=2026-02-30',
      'type=quote',
      'unknown=1',
      `client=${'x'.repeat(101)}`,
    ]) {
      expect((await member.get(`/sales/invoices?${bad}`)).status, bad).toBe(422);
    }
  });

  it('makes a member under CAPE submit the invoice; support validates; the member issues it', async () => {
    const [m] = await ctx.db.select().from(members).where(eq(members.userId, people.member.id));
    await ctx.db
      .insert(memberStagePeriods)
      .values({ memberId: m!.id, stage: 'cape', fromOn: '2026-01-01', toOn: '2026-12-31' });
    const member = await loggedIn('member@test.coop');
    const created = await member.post('/sales/invoices', draft(bois, clientId));
    const id = created.body.id;
    const refused = await member.post(`/sales/invoices/${id}/issue`, {});
    expect(refused.body.code).toBe('INVOICE_NEEDS_VALIDATION');
    expect((await member.post(`/sales/invoices/${id}/submit`, {})).body.status).toBe('submitted');
    expect((await member.post(`/sales/invoices/${id}/issue`, {})).body.code).toBe(
      'INVOICE_AWAITING_VALIDATION',
    );
    expect((await member.post(`/sales/invoices/${id}/approve`, {})).status).toBe(403);
    const support = await loggedIn('support@test.coop');
    expect(
      (await support.get('/sales/invoices?status=submitted')).body.map((i: { id: string }) => i.id),
    ).toContain(id);
    // Sent back: only with a reason, which the author reads on the draft until they submit again.
    for (const bad of [{}, { reason: '   ' }, { reason: 'x'.repeat(1001) }, { reason: 'ok', extra: 1 }]) {
      expect((await support.post(`/sales/invoices/${id}/return`, bad)).body.code).toBe('VALIDATION_FAILED');
    }
    expect((await member.get(`/sales/invoices/${id}`)).body.status).toBe('submitted');
    expect((await member.post(`/sales/invoices/${id}/return`, { reason: 'no' })).status).toBe(403);
    const returned = await support.post(`/sales/invoices/${id}/return`, {
      reason: 'Le taux de TVA de la formation est à revoir.',
    });
    expect(returned.body).toMatchObject({
      status: 'draft',
      returnReason: 'Le taux de TVA de la formation est à revoir.',
    });
    // The author is told by e-mail, with the reason and a link to the draft.
    const mails = await ctx.db.select().from(emails).where(eq(emails.template, 'salesInvoiceReturned'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.toAddress).toBe('member@test.coop');
    expect(mails[0]!.textBody).toContain('Motif : Le taux de TVA de la formation est à revoir.');
    expect(mails[0]!.textBody).toContain(`/sales/invoices/${id}/edit`);
    const again = await member.post(`/sales/invoices/${id}/submit`, {});
    expect(again.body).toMatchObject({ status: 'submitted', returnReason: null });
    expect((await support.post(`/sales/invoices/${id}/approve`, {})).status).toBe(200);
    const issued = await member.post(`/sales/invoices/${id}/issue`, {});
    expect(issued.status).toBe(200);
    expect(issued.body.number).toBe('F2026-00003');
    await ctx.db.delete(memberStagePeriods).where(eq(memberStagePeriods.memberId, m!.id));
  }, 60_000);

  it('refuses an issue date earlier than the last issued invoice of the series', async () => {
    const admin = actorOf(people.admin);
    const { id } = await saveInvoiceDraft(ctx, admin, draft(bois, clientId));
    ctx.setNow('2026-03-01T09:00:00.000Z');
    await expect(issueInvoice(ctx, admin, id)).rejects.toMatchObject({ code: 'ISSUE_DATE_BEFORE_LAST' });
    ctx.setNow('2026-03-02T09:00:00.000Z');
    expect((await issueInvoice(ctx, admin, id)).number).toBe('F2026-00004');
  }, 60_000);

  it('numbers 32 concurrent issues without gap or duplicate, dates in number order', async () => {
    const admin = actorOf(people.admin);
    const ids: string[] = [];
    for (let i = 0; i < 32; i++) {
      const lines = [
        {
          description: `Prestation ${i}`,
          quantity: '1',
          unitPriceCents: 1_000 + i,
          vat: { kind: 'rate', rateBp: 2000 },
        },
      ];
      ids.push((await saveInvoiceDraft(ctx, admin, draft(bois, clientId, lines))).id);
    }
    ctx.setNow('2026-03-03T09:00:00.000Z');
    const results = await Promise.allSettled(ids.map((id) => issueInvoice(ctx, admin, id)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await queryRows<{ counter: number; issue_date: string; number: string }>(
      ctx.db,
      sql`SELECT counter, issue_date::text AS issue_date, number FROM invoices WHERE status = 'issued' ORDER BY counter`,
    );
    expect(rows.map((r) => Number(r.counter))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    const dates = rows.map((r) => r.issue_date);
    expect([...dates].sort()).toEqual(dates);
    const [counter] = await ctx.db
      .select()
      .from(numberingCounters)
      .where(eq(numberingCounters.counterKey, '2026'));
    expect(counter!.lastValue).toBe(rows.length);
  }, 180_000);

  it('numbers invoices issued by two server processes on one PostgreSQL without gap or duplicate', async () => {
    // PGlite is one process by nature: only PostgreSQL can be shared by two servers.
    if (ctx.database.kind !== 'postgres') return;
    const admin = actorOf(people.admin);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const lines = [
        {
          description: `Lot ${i}`,
          quantity: '1',
          unitPriceCents: 500 + i,
          vat: { kind: 'rate', rateBp: 2000 },
        },
      ];
      ids.push((await saveInvoiceDraft(ctx, admin, draft(bois, clientId, lines))).id);
    }
    const [{ db }] = (await queryRows<{ db: string }>(ctx.db, sql`SELECT current_database() AS db`)) as [
      { db: string },
    ];
    const url = new URL(ctx.config.databaseUrl!);
    url.pathname = `/${db}`;
    ctx.setNow('2026-03-04T09:00:00.000Z');
    const before = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM invoices WHERE status = 'issued'`,
    );
    // Half the drafts go to a second process, the other half to this one, at the same moment.
    const child = new Promise<string[]>((done, fail) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', resolve(import.meta.dirname, 'testing/issue-invoices.child.ts')],
        {
          env: {
            ...process.env,
            ISSUE_DATABASE_URL: url.toString(),
            ISSUE_NOW: ctx.now().toISOString(),
            ISSUE_ACTOR: JSON.stringify(admin),
            ISSUE_IDS: JSON.stringify(ids.filter((_, i) => i % 2 === 0)),
          },
        },
        (error, stdout, stderr) =>
          error ? fail(new Error(stderr || String(error))) : done(JSON.parse(stdout)),
      );
    });
    const here = await Promise.allSettled(
      ids.filter((_, i) => i % 2 === 1).map((id) => issueInvoice(ctx, admin, id)),
    );
    const there = await child;
    expect(here.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(there.every((n) => /^F2026-\d{5}$/.test(n))).toBe(true);
    const rows = await queryRows<{ counter: number; number: string }>(
      ctx.db,
      sql`SELECT counter, number FROM invoices WHERE status = 'issued' ORDER BY counter`,
    );
    expect(rows.length).toBe(Number(before[0]!.n) + ids.length);
    expect(rows.map((r) => Number(r.counter))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
    expect(rows.map((r) => r.number)).toEqual(expect.arrayContaining(there));
  }, 180_000);
});
