import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { closeFiscalYear } from '../ledger/close-fiscal-year.ts';
import { getAvailableTreasury } from '../ledger/get-available-treasury.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
const clients: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const roles = ['admin', 'manager', 'accountant', 'support', 'member'] as const;

// Smallest files whose first bytes say what they are.
const jpeg = (seed: number) =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, seed, 1, 2, 3, 4]);
const pdf = (seed: string) => new TextEncoder().encode(`%PDF-1.7\n% facture ${seed}\n%%EOF\n`);
const goodIban = 'FR76 3000 4000 0312 3456 7890 143';

async function fund(activityId: string, cents: bigint, key: string, date = '2026-01-15') {
  await postEntries(ctx, systemActor, [
    {
      journalCode: 'BQ',
      entryDate: date,
      pieceRef: key,
      pieceDate: date,
      label: `Encaissement ${key}`,
      source: { type: 'bank_line', id: key },
      idempotencyKey: `test:${key}`,
      lines: [
        { accountNumber: '512000', activityId, debitCents: cents },
        { accountNumber: '706000', activityId, creditCents: cents },
      ],
    },
  ]);
}

const fileCount = async () =>
  Number((await queryRows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM files`))[0]!.n);
const treasury = async (activityId: string) =>
  Number((await getAvailableTreasury(ctx.db, activityId)).availableTreasuryCents);

async function upload(client: TestClient, bytes: Uint8Array, type = 'image/jpeg') {
  return client.post('/expenses/receipts', bytes, { headers: { 'content-type': type } });
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-20T09:00:00Z');
  people = await seedTestPeople(ctx);
  for (const [i, role] of roles.entries()) {
    clients[role] = createTestClient(ctx, { ip: `10.17.0.${i + 1}` });
    await clients[role]!.logIn(`${role}@test.coop`, testPassword);
  }
  const support = clients.support!;
  const member = async (first: string, last: string, userId?: string) => {
    const res = await support.post('/members', {
      firstName: first,
      lastName: last,
      referentId: people.support.id,
      ...(userId ? { userId } : {}),
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  const activity = async (code: string, memberId: string) => {
    const res = await support.post('/activities', {
      code,
      name: `Activité ${code}`,
      kind: 'member',
      referentId: people.support.id,
      members: { from: '2025-01-01', shares: [{ memberId, shareBp: 10_000 }] },
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  ids.alice = await member('Alice', 'Abeille', people.member.id);
  expect((await support.patch(`/members/${ids.alice}`, { iban: goodIban, bic: 'AGRIFRPP' })).status).toBe(
    200,
  );
  ids.sam = await member('Sam', 'Soutien', people.support.id);
  ids.bruno = await member('Bruno', 'Bourdon');
  ids.actA = await activity('ABEILLE', ids.alice);
  ids.actS = await activity('SOUTIEN', ids.sam);
  ids.actB = await activity('BOURDON', ids.bruno);
  await fund(ids.actA, 10_000n, 'A2025', '2025-06-15');
  await fund(ids.actA, 500_000n, 'A1');
  await fund(ids.actB, 1_000n, 'B1');
  const cats = await clients.member!.get('/expenses/categories');
  expect(cats.status).toBe(200);
  for (const c of cats.body) ids[`cat${c.code}`] = c.id;
}, 300_000);
afterAll(async () => {
  await ctx?.close();
});

describe('receipts', () => {
  it('stores a photo or a PDF once by hash; refuses other types and oversize files, storing nothing', async () => {
    const before = await fileCount();
    const a = await upload(clients.member!, jpeg(1));
    expect(a.status, a.text).toBe(201);
    expect(a.body.mediaType).toBe('image/jpeg');
    const again = await upload(clients.member!, jpeg(1));
    expect(again.body.sha256).toBe(a.body.sha256);
    expect(await fileCount()).toBe(before + 1);
    // Declared a JPEG, but a GIF; an SVG; a text file: refused by their first bytes.
    for (const bytes of [
      new TextEncoder().encode('GIF89a.............'),
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      new TextEncoder().encode('just some text, not a receipt'),
    ]) {
      const res = await upload(clients.member!, bytes);
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('EXPENSE_RECEIPT_TYPE');
    }
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(jpeg(2));
    const tooBig = await upload(clients.member!, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('EXPENSE_RECEIPT_TOO_LARGE');
    expect(await fileCount()).toBe(before + 1);
    expect((await createTestClient(ctx).post('/expenses/receipts', jpeg(3))).status).toBe(401);
    ids.receipt1 = a.body.sha256;
  });
});

describe('expense claims', () => {
  const line = (over: Record<string, unknown> = {}) => ({
    kind: 'expense',
    date: '2026-03-10',
    categoryId: ids.catTRANSPORT,
    description: 'Train Paris-Lyon',
    totalCents: 12_000,
    vatCents: 1_091,
    receiptSha256: ids.receipt1,
    ...over,
  });
  const claim = (lines: unknown[], activityId = ids.actA) => ({ activityId, title: 'Salon de Lyon', lines });

  it('refuses bad input: amounts that do not add up, future or closed-year dates, unknown category, other activity', async () => {
    const m = clients.member!;
    for (const [over, path] of [
      [{ vatCents: 12_500 }, 'vatCents'],
      [{ vatCents: 2_100 }, 'vatCents'],
      [{ totalCents: -500, vatCents: 0 }, 'totalCents'],
      [{ vatCents: -1 }, 'vatCents'],
      [{ totalCents: 10.5 }, 'totalCents'],
    ] as const) {
      const res = await m.post('/expenses/claims', claim([line(over)]));
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(JSON.stringify(res.body.errors)).toContain(path);
    }
    const future = await m.post('/expenses/claims', claim([line({ date: '2026-03-21' })]));
    expect(future.body.code).toBe('EXPENSE_DATE_IN_FUTURE');
    const unknown = await m.post(
      '/expenses/claims',
      claim([line({ categoryId: '00000000-0000-4000-8000-000000000000' })]),
    );
    expect(unknown.body.code).toBe('EXPENSE_CATEGORY_UNKNOWN');
    const mileageAsExpense = await m.post('/expenses/claims', claim([line({ categoryId: ids.catMILEAGE })]));
    expect(mileageAsExpense.body.code).toBe('EXPENSE_CATEGORY_UNKNOWN');
    // Another member's activity: as if it did not exist.
    expect((await m.post('/expenses/claims', claim([line()], ids.actB))).status).toBe(404);
    // A receipt hash that was never uploaded.
    const ghost = await m.post('/expenses/claims', claim([line({ receiptSha256: 'a'.repeat(64) })]));
    expect(ghost.body.code).toBe('EXPENSE_RECEIPT_TYPE');
  });

  it('drafts a claim with a receipt line and a mileage line priced by the scale; submits it once complete', async () => {
    const m = clients.member!;
    const created = await m.post(
      '/expenses/claims',
      claim([
        line({ receiptSha256: null }),
        {
          kind: 'mileage',
          date: '2026-03-11',
          description: 'Lyon - Villeurbanne',
          vehicle: 'car',
          fiscalHp: 5,
          distanceKm: 100,
        },
      ]),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body.status).toBe('draft');
    expect(created.body.number).toBeNull();
    // 100 km at 0.636 €/km (5 CV, first 5,000 km of the year).
    expect(created.body.lines[1].totalCents).toBe(6_360);
    expect(created.body.totalCents).toBe(12_000 + 6_360);
    const id = created.body.id;
    const missing = await m.post(`/expenses/claims/${id}/submit`);
    expect(missing.body.code).toBe('EXPENSE_RECEIPT_MISSING');
    const full = await m.put(
      `/expenses/claims/${id}`,
      claim([
        line(),
        {
          kind: 'mileage',
          date: '2026-03-11',
          description: 'Lyon - Villeurbanne',
          vehicle: 'car',
          fiscalHp: 5,
          distanceKm: 100,
        },
      ]),
    );
    expect(full.body.totalCents).toBe(18_360);
    // Support sees neither the draft in lists nor by id.
    expect((await clients.support!.get(`/expenses/claims/${id}`)).status).toBe(404);
    const submitted = await m.post(`/expenses/claims/${id}/submit`);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.number).toMatch(/^NDF-2026-\d{5}$/);
    expect((await m.post(`/expenses/claims/${id}/submit`)).body.code).toBe('EXPENSE_STATUS_REFUSED');
    expect((await m.put(`/expenses/claims/${id}`, claim([line()]))).body.code).toBe('EXPENSE_STATUS_REFUSED');
    // The receipt is shown to the member and to staff, not to strangers.
    const receipt = await clients.support!.get(`/expenses/files/${ids.receipt1}`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('image/jpeg');
    ids.claim1 = id;
  });

  it('prices a moped trip (cyclomoteur ≤ 50 cm³) on its own scale line', async () => {
    const m = clients.member!;
    const trip = {
      kind: 'mileage',
      date: '2026-03-12',
      description: 'Villeurbanne - Bron',
      vehicle: 'moped',
      fiscalHp: 1,
      distanceKm: 40,
    };
    const created = await m.post('/expenses/claims', claim([trip]));
    expect(created.status, created.text).toBe(201);
    // 40 km at 0.315 €/km (first 3,000 km of the year).
    expect(created.body.lines[0].totalCents).toBe(1_260);
    expect(created.body.lines[0].vehicle).toBe('moped');
    expect((await m.post('/expenses/claims', claim([{ ...trip, vehicle: 'bicycle' }]))).status).toBe(422);
  });

  it('nobody approves their own; approval posts the entry on the right activity and the treasury falls by the cost', async () => {
    // A member has no right to approve at all; support approves; support's own claim needs someone else.
    expect(
      (await clients.member!.post(`/expenses/claims/${ids.claim1}/decision`, { action: 'approve' })).status,
    ).toBe(403);
    const own = await clients.support!.post(
      '/expenses/claims',
      claim([line({ description: 'Taxi' })], ids.actS),
    );
    expect(own.status, own.text).toBe(201);
    await clients.support!.post(`/expenses/claims/${own.body.id}/submit`);
    const self = await clients.support!.post(`/expenses/claims/${own.body.id}/decision`, {
      action: 'approve',
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('EXPENSE_SELF_APPROVAL');
    ids.supportClaim = own.body.id;

    const queue = await clients.support!.get('/expenses/approvals');
    expect(queue.status).toBe(200);
    const mine = queue.body.find((q: { item: { id: string } }) => q.item.id === ids.supportClaim);
    expect(mine.ownItem).toBe(true);
    const alice = queue.body.find((q: { item: { id: string } }) => q.item.id === ids.claim1);
    expect(alice.availableTreasuryCents).toBe(510_000);
    expect(alice.treasuryCovers).toBe(true);

    const before = await treasury(ids.actA!);
    const ok = await clients.support!.post(`/expenses/claims/${ids.claim1}/decision`, { action: 'approve' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('approved');
    const lines = await queryRows<{ account_number: string; activity_id: string; d: string; c: string }>(
      ctx.db,
      sql`SELECT l.account_number, l.activity_id, l.debit_cents::text AS d, l.credit_cents::text AS c
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.source_type = 'expense_claim' AND e.source_id = ${ids.claim1} ORDER BY l.account_number`,
    );
    expect(lines.map((l) => [l.account_number, Number(l.d), Number(l.c)])).toEqual([
      ['445660', 1_091, 0],
      ['467000', 0, 18_360],
      ['625000', 10_909 + 6_360, 0],
    ]);
    expect(lines.every((l) => l.activity_id === ids.actA)).toBe(true);
    // The cost excluding the VAT recovered.
    expect(await treasury(ids.actA!)).toBe(before - (18_360 - 1_091));
    const twice = await clients.accountant!.post(`/expenses/claims/${ids.claim1}/decision`, {
      action: 'approve',
    });
    expect(twice.body.code).toBe('EXPENSE_STATUS_REFUSED');
  });

  it('above the threshold two different approvers; a rejection has a reason and stays rejected', async () => {
    expect(
      (await clients.support!.put('/expenses/settings', { doubleApprovalAboveCents: 10_000 })).status,
    ).toBe(403);
    const set = await clients.manager!.put('/expenses/settings', { doubleApprovalAboveCents: 10_000 });
    expect(set.status, set.text).toBe(200);
    const receipt = (await upload(clients.member!, jpeg(9))).body.sha256;
    const big = await clients.member!.post(
      '/expenses/claims',
      claim([
        line({
          description: 'Hôtel',
          categoryId: ids.catLODGING,
          totalCents: 33_000,
          vatCents: 3_000,
          receiptSha256: receipt,
        }),
      ]),
    );
    await clients.member!.post(`/expenses/claims/${big.body.id}/submit`);
    const first = await clients.support!.post(`/expenses/claims/${big.body.id}/decision`, {
      action: 'approve',
    });
    expect(first.body.status).toBe('submitted');
    expect(first.body.approversNeeded).toBe(2);
    const again = await clients.support!.post(`/expenses/claims/${big.body.id}/decision`, {
      action: 'approve',
    });
    expect(again.body.code).toBe('EXPENSE_ALREADY_APPROVED_BY_YOU');
    const second = await clients.accountant!.post(`/expenses/claims/${big.body.id}/decision`, {
      action: 'approve',
    });
    expect(second.body.status).toBe('approved');
    expect(second.body.approvals).toHaveLength(2);
    // Lodging: its VAT is not recovered, the whole amount is the cost.
    const [vat] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.source_id = ${big.body.id} AND l.account_number = '445660'`,
    );
    expect(vat!.n).toBe(0);
    ids.claim2 = big.body.id;

    const noReason = await clients.accountant!.post(`/expenses/claims/${ids.supportClaim}/decision`, {
      action: 'reject',
      reason: '  ',
    });
    expect(noReason.status).toBe(422);
    const rejected = await clients.accountant!.post(`/expenses/claims/${ids.supportClaim}/decision`, {
      action: 'reject',
      reason: 'Justificatif illisible',
    });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.rejectedReason).toBe('Justificatif illisible');
    for (const decision of [{ action: 'approve' }, { action: 'reject', reason: 'x' }]) {
      const res = await clients.admin!.post(`/expenses/claims/${ids.supportClaim}/decision`, decision);
      expect(res.body.code).toBe('EXPENSE_STATUS_REFUSED');
    }
    await clients.manager!.put('/expenses/settings', { doubleApprovalAboveCents: 100_000 });
  });

  it('refuses a date in a closed fiscal year', async () => {
    const [y] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM fiscal_years WHERE start_date = '2025-01-01'`,
    );
    await closeFiscalYear(ctx, systemActor, Number(y!.id));
    const res = await clients.member!.post('/expenses/claims', claim([line({ date: '2025-12-30' })]));
    expect(res.body.code).toBe('EXPENSE_DATE_CLOSED_YEAR');
  });
});

describe('supplier invoices', () => {
  const invoice = (over: Record<string, unknown> = {}) => ({
    activityId: ids.actA,
    categoryId: ids.catSUPPLIES,
    supplierName: 'Papeterie Lyonnaise',
    supplierSiren: '732829320',
    supplierIban: goodIban,
    supplierBic: 'AGRIFRPP',
    number: 'FA-2026-118',
    issueDate: '2026-03-02',
    dueDate: '2026-04-01',
    description: 'Cartes de visite',
    vatTotals: [{ rateBp: 2000, baseCents: 50_000, vatCents: 10_000 }],
    pdfSha256: ids.invoicePdf,
    ...over,
  });

  it('refuses a bad IBAN or SIREN, totals that do not add up, a missing PDF; records it; refuses a duplicate', async () => {
    const m = clients.member!;
    ids.invoicePdf = (await upload(m, pdf('118'), 'application/pdf')).body.sha256;
    const badIban = await m.post(
      '/expenses/supplier-invoices',
      invoice({ supplierIban: 'FR76 3000 4000 0312 3456 7890 144' }),
    );
    expect(badIban.status).toBe(422);
    expect(JSON.stringify(badIban.body.errors)).toContain('supplierIban');
    const badSiren = await m.post('/expenses/supplier-invoices', invoice({ supplierSiren: '732829321' }));
    expect(JSON.stringify(badSiren.body.errors)).toContain('supplierSiren');
    const badVat = await m.post(
      '/expenses/supplier-invoices',
      invoice({ vatTotals: [{ rateBp: 2000, baseCents: 50_000, vatCents: 60_000 }] }),
    );
    expect(badVat.status).toBe(422);
    const notPdf = await m.post('/expenses/supplier-invoices', invoice({ pdfSha256: ids.receipt1 }));
    expect(notPdf.body.code).toBe('EXPENSE_PDF_REQUIRED');
    const future = await m.post(
      '/expenses/supplier-invoices',
      invoice({ issueDate: '2026-04-01', dueDate: null }),
    );
    expect(future.body.code).toBe('EXPENSE_DATE_IN_FUTURE');
    const ok = await m.post('/expenses/supplier-invoices', invoice());
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.status).toBe('submitted');
    expect(ok.body.totalCents).toBe(60_000);
    const dup = await clients.accountant!.post(
      '/expenses/supplier-invoices',
      invoice({ number: 'fa-2026-118 ' }),
    );
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SUPPLIER_INVOICE_DUPLICATE');
    ids.invoice1 = ok.body.id;
    // The member recorded it: they cannot approve it (no right); support can.
    const approved = await clients.support!.post(`/expenses/supplier-invoices/${ids.invoice1}/decision`, {
      action: 'approve',
    });
    expect(approved.body.status).toBe('approved');
    const [entry] = await queryRows<{ journal_code: string; n: number }>(
      ctx.db,
      sql`SELECT e.journal_code, count(l.*)::int AS n FROM ledger_entries e JOIN ledger_entry_lines l ON l.entry_id = e.id
          WHERE e.source_type = 'supplier_invoice' AND e.source_id = ${ids.invoice1} GROUP BY e.journal_code`,
    );
    expect(entry).toEqual({ journal_code: 'AC', n: 3 });
  });

  it('an invoice recorded by support cannot be approved by support', async () => {
    const pdf2 = (await upload(clients.support!, pdf('77'), 'application/pdf')).body.sha256;
    const rec = await clients.support!.post(
      '/expenses/supplier-invoices',
      invoice({ number: 'X-77', pdfSha256: pdf2, supplierSiren: null, supplierName: 'Atelier Bois' }),
    );
    expect(rec.status, rec.text).toBe(201);
    const self = await clients.support!.post(`/expenses/supplier-invoices/${rec.body.id}/decision`, {
      action: 'approve',
    });
    expect(self.body.code).toBe('EXPENSE_SELF_APPROVAL');
  });

  it("a draft is its recorder's alone until submitted, as a claim: edit, submit, then no change", async () => {
    const m = clients.member!;
    const pdf3 = (await upload(m, pdf('D-1'), 'application/pdf')).body.sha256;
    const draftOf = (over: Record<string, unknown> = {}) =>
      invoice({
        number: 'D-1',
        pdfSha256: pdf3,
        supplierSiren: null,
        supplierName: 'Brouillons & Cie',
        ...over,
      });
    const created = await m.post('/expenses/supplier-invoices', draftOf({ draft: true }));
    expect(created.status, created.text).toBe(201);
    expect(created.body.status).toBe('draft');
    const id = created.body.id;
    // Nobody else sees it, staff included; approving it is refused, whoever tries.
    expect((await clients.support!.get(`/expenses/supplier-invoices/${id}`)).status).toBe(404);
    const staffList = await clients.accountant!.get('/expenses');
    expect(staffList.body.supplierInvoices.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(
      (await m.get('/expenses?mine=true')).body.supplierInvoices.map((i: { id: string }) => i.id),
    ).toContain(id);
    const early = await clients.support!.post(`/expenses/supplier-invoices/${id}/decision`, {
      action: 'approve',
    });
    expect(early.body.code).toBe('EXPENSE_STATUS_REFUSED');
    // Still a duplicate for anyone else recording the same number.
    expect((await clients.accountant!.post('/expenses/supplier-invoices', draftOf())).status).toBe(409);
    // Its recorder changes it (another rate added); nobody else can.
    const twoRates = {
      draft: true,
      vatTotals: [
        { rateBp: 2000, baseCents: 50_000, vatCents: 10_000 },
        { rateBp: 550, baseCents: 1_000, vatCents: 55 },
      ],
    };
    expect((await clients.support!.put(`/expenses/supplier-invoices/${id}`, draftOf(twoRates))).status).toBe(
      404,
    );
    const edited = await m.put(`/expenses/supplier-invoices/${id}`, draftOf(twoRates));
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', totalCents: 61_055 });
    expect((await clients.support!.post(`/expenses/supplier-invoices/${id}/submit`)).status).toBe(404);
    const submitted = await m.post(`/expenses/supplier-invoices/${id}/submit`);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect((await clients.support!.get(`/expenses/supplier-invoices/${id}`)).status).toBe(200);
    expect((await m.post(`/expenses/supplier-invoices/${id}/submit`)).body.code).toBe(
      'EXPENSE_STATUS_REFUSED',
    );
    expect((await m.put(`/expenses/supplier-invoices/${id}`, draftOf())).body.code).toBe(
      'EXPENSE_STATUS_REFUSED',
    );
    const audit = await queryRows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_log WHERE object_id = ${id} ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'expense.supplier_invoice.record',
      'expense.supplier_invoice.update',
      'expense.supplier_invoice.submit',
    ]);
  });
});

describe('payment batches', () => {
  it('only the accountant pays; the SEPA file validates; partial payment, a rejected line and paying twice', async () => {
    expect((await clients.support!.get('/expenses/payables')).status).toBe(403);
    expect((await clients.member!.post('/expenses/batches', {})).status).toBe(403);
    const payables = await clients.accountant!.get('/expenses/payables');
    expect(payables.status).toBe(200);
    const claim1 = payables.body.find((p: { id: string }) => p.id === ids.claim1);
    expect(claim1).toMatchObject({ type: 'claim', owedCents: 18_360, bankReady: true });
    const prepared = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-23',
      items: [
        { type: 'claim', id: ids.claim1 },
        { type: 'claim', id: ids.claim2 },
        { type: 'supplier_invoice', id: ids.invoice1, amountCents: 20_000 },
      ],
    });
    expect(prepared.status, prepared.text).toBe(201);
    const batch = prepared.body;
    expect(batch.messageId).toBe('MUTUA-EXP-20260320-1');
    expect(batch.lines.map((l: { endToEndId: string }) => l.endToEndId)).toEqual([
      'MUTUA-EXP-20260320-1-1',
      'MUTUA-EXP-20260320-1-2',
      'MUTUA-EXP-20260320-1-3',
    ]);
    expect(batch.totalCents).toBe(18_360 + 33_000 + 20_000);
    // Paying twice: an item already in a batch waiting for the bank.
    const twice = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-23',
      items: [{ type: 'claim', id: ids.claim1 }],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('EXPENSE_ALREADY_PAID');
    const tooMuch = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-23',
      items: [{ type: 'supplier_invoice', id: ids.invoice1, amountCents: 40_001 }],
    });
    expect(tooMuch.body.code).toBe('EXPENSE_AMOUNT_ABOVE_OWED');
    const past = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-19',
      items: [{ type: 'claim', id: ids.claim1 }],
    });
    expect(past.body.code).toBe('EXPENSE_EXECUTION_DATE_PAST');
    const notApproved = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-23',
      items: [{ type: 'claim', id: ids.supportClaim }],
    });
    expect(notApproved.body.code).toBe('EXPENSE_STATUS_REFUSED');

    const file = await clients.accountant!.get(`/expenses/batches/${batch.id}/sepa`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('<MsgId>MUTUA-EXP-20260320-1</MsgId>');
    expect(file.text).toContain('<CtgyPurp><Cd>SUPP</Cd></CtgyPurp>');
    expect(file.text).toContain('<InstdAmt Ccy="EUR">183.60</InstdAmt>');
    expect(file.text).toContain('<CtrlSum>713.60</CtrlSum>');
    if (!lacksSystemTool('xmllint', ['--version'])) {
      const path = join(mkdtempSync(join(tmpdir(), 'sepa-')), 'pain.xml');
      writeFileSync(path, file.text);
      const check = spawnSync('xmllint', [
        '--noout',
        '--schema',
        '/work/shared/validators/iso20022/pain.001.001.03.xsd',
        path,
      ]);
      expect(check.status, String(check.stderr)).toBe(0);
    }

    // The bank paid the claims but rejected the hotel claim's transfer.
    const before = await treasury(ids.actA!);
    const rejectedLine = batch.lines[1].id;
    const future = await clients.accountant!.post(`/expenses/batches/${batch.id}/confirm`, {
      paidOn: '2026-03-21',
    });
    expect(future.body.code).toBe('EXPENSE_DATE_IN_FUTURE');
    const unknownLine = await clients.accountant!.post(`/expenses/batches/${batch.id}/confirm`, {
      paidOn: '2026-03-20',
      rejectedLineIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownLine.body.code).toBe('EXPENSE_BATCH_LINE_UNKNOWN');
    const confirmed = await clients.accountant!.post(`/expenses/batches/${batch.id}/confirm`, {
      paidOn: '2026-03-20',
      rejectedLineIds: [rejectedLine],
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.paidCents).toBe(18_360 + 20_000);
    expect(confirmed.body.lines.map((l: { status: string }) => l.status)).toEqual([
      'paid',
      'rejected',
      'paid',
    ]);
    // Paying what is owed moves money, not the treasury: D 467/401 · C 512 on the activity.
    expect(await treasury(ids.actA!)).toBe(before);
    const again = await clients.accountant!.post(`/expenses/batches/${batch.id}/confirm`, {
      paidOn: '2026-03-20',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EXPENSE_BATCH_CONFIRMED');

    const claim1View = await clients.member!.get(`/expenses/claims/${ids.claim1}`);
    expect(claim1View.body.status).toBe('paid');
    const invoiceView = await clients.accountant!.get(`/expenses/supplier-invoices/${ids.invoice1}`);
    expect(invoiceView.body).toMatchObject({ status: 'approved', paidCents: 20_000 });
    const paidTwice = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-23',
      items: [{ type: 'claim', id: ids.claim1 }],
    });
    expect(paidTwice.body.code).toBe('EXPENSE_ALREADY_PAID');

    // The rejected claim and the rest of the invoice go into a second batch.
    const left = await clients.accountant!.get('/expenses/payables');
    expect(left.body.map((p: { id: string; owedCents: number }) => [p.id, p.owedCents]).sort()).toEqual(
      [
        [ids.claim2, 33_000],
        [ids.invoice1, 40_000],
      ].sort(),
    );
    const second = await clients.accountant!.post('/expenses/batches', {
      executionDate: '2026-03-24',
      items: [
        { type: 'claim', id: ids.claim2 },
        { type: 'supplier_invoice', id: ids.invoice1 },
      ],
    });
    expect(second.body.messageId).toBe('MUTUA-EXP-20260320-2');
    const done = await clients.accountant!.post(`/expenses/batches/${second.body.id}/confirm`, {
      paidOn: '2026-03-20',
    });
    expect(done.body.paidCents).toBe(73_000);
    expect((await clients.accountant!.get(`/expenses/supplier-invoices/${ids.invoice1}`)).body.status).toBe(
      'paid',
    );
    const [bq] = await queryRows<{ d: string; c: string }>(
      ctx.db,
      sql`SELECT sum(l.debit_cents)::text AS d, sum(l.credit_cents)::text AS c
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id WHERE e.source_type = 'expense_payment'`,
    );
    expect(Number(bq!.d)).toBe(18_360 + 20_000 + 73_000);
    expect(bq!.d).toBe(bq!.c);
  });

  it("numbers the batches of the cooperative's day, even in the hour where Paris is a day ahead of UTC", async () => {
    // A batch prepared at 00:05 in Paris (23:05 UTC the day before) already holds the day's first MsgId.
    await ctx.db.execute(sql`INSERT INTO expense_payment_batches (message_id, execution_date, total_cents, file_sha256, created_at)
      VALUES ('MUTUA-EXP-20260321-1', '2026-03-23', 100, ${ids.receipt1}, '2026-03-20T23:05:00Z')`);
    ctx.setNow('2026-03-20T23:30:00Z');
    try {
      const draft = await clients.member!.post('/expenses/claims', {
        activityId: ids.actA,
        title: 'Salon de Nantes',
        lines: [
          {
            kind: 'expense',
            date: '2026-03-12',
            categoryId: ids.catTRANSPORT,
            description: 'Train Paris-Nantes',
            totalCents: 6_000,
            vatCents: 545,
            receiptSha256: ids.receipt1,
          },
        ],
      });
      expect(draft.status, draft.text).toBe(201);
      expect((await clients.member!.post(`/expenses/claims/${draft.body.id}/submit`)).status).toBe(200);
      const approved = await clients.support!.post(`/expenses/claims/${draft.body.id}/decision`, {
        action: 'approve',
      });
      expect(approved.body.status).toBe('approved');
      const batch = await clients.accountant!.post('/expenses/batches', {
        executionDate: '2026-03-23',
        items: [{ type: 'claim', id: draft.body.id }],
      });
      expect(batch.status, batch.text).toBe(201);
      expect(batch.body.messageId).toBe('MUTUA-EXP-20260321-2');
    } finally {
      ctx.setNow('2026-03-20T09:00:00Z');
    }
  });

  it('a member lists only their own activities', async () => {
    const mine = await clients.member!.get('/expenses');
    expect(mine.status).toBe(200);
    expect(mine.body.claims.every((c: { activityId: string }) => c.activityId === ids.actA)).toBe(true);
    expect(mine.body.supplierInvoices.every((c: { activityId: string }) => c.activityId === ids.actA)).toBe(
      true,
    );
    expect((await clients.member!.get(`/expenses/claims/${ids.supportClaim}`)).status).toBe(404);
    expect((await clients.member!.get('/expenses/approvals')).status).toBe(403);
    expect((await createTestClient(ctx).get('/expenses')).status).toBe(401);
  });
});
