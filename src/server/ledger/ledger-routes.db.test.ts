import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFecFile } from '../../core/ledger/check-fec-file.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { postEntries } from './post-entries.ts';
import { paymentEntry, saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
let accountant: TestClient;
let member: TestClient;
let yearId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-15T10:00:00Z');
  people = await seedTestPeople(ctx);
  act = await seedLedgerActivities(ctx);
  await postEntries(ctx, systemActor, [
    saleEntry(act.alice, 100_000n, { date: '2026-02-01' }),
    paymentEntry(act.alice, 50_000n, '2026-02-15'),
    saleEntry(act.bob, 20_000n, { date: '2026-02-20' }),
  ]);
  const [y] = await queryRows<{ id: number }>(ctx.db, sql`SELECT id FROM fiscal_years`);
  yearId = Number(y!.id);
  // The member test person holds a share of Alice's activity, not of Bob's.
  const [m] = await queryRows<{ id: string }>(
    ctx.db,
    sql`INSERT INTO members (user_id, first_name, last_name) VALUES (${people.member.id}, 'Alice', 'Martin') RETURNING id`,
  );
  await ctx.db.execute(
    sql`INSERT INTO activity_members (activity_id, member_id, share_bp, valid_from) VALUES (${act.alice}, ${m!.id}, 10000, '2026-01-01')`,
  );
  accountant = createTestClient(ctx, { ip: '10.4.0.1' });
  await accountant.logIn('accountant@test.coop', testPassword);
  member = createTestClient(ctx, { ip: '10.4.0.2' });
  await member.logIn('member@test.coop', testPassword);
});
afterAll(() => ctx.close());

describe('ledger routes for accounting staff', () => {
  it('shows the chart and journals, and edits the chart', async () => {
    const accounts = await accountant.get('/ledger/accounts');
    expect(accounts.status).toBe(200);
    expect(accounts.body.find((a: any) => a.number === '706000')).toMatchObject({ class: 7, hasLines: true });
    expect(
      (await accountant.post('/ledger/accounts', { number: '706100', label: 'Formations' })).status,
    ).toBe(201);
    expect(
      (await accountant.patch('/ledger/accounts/706100', { label: 'Formations professionnelles' })).body
        .label,
    ).toBe('Formations professionnelles');
    expect((await accountant.delete('/ledger/accounts/706100')).status).toBe(204);
    const refused = await accountant.delete('/ledger/accounts/706000');
    expect([refused.status, refused.body.code]).toEqual([409, 'LEDGER_ACCOUNT_HAS_LINES']);
    const journals = await accountant.get('/ledger/journals');
    expect(journals.body.find((j: any) => j.code === 'VT').entryCount).toBe(2);
  });

  it('types a manual entry as a draft, posts it, then reverses it once', async () => {
    const draft = await accountant.post('/ledger/drafts', {
      entryDate: '2026-03-01',
      pieceRef: 'OD-1',
      label: 'Reclassement',
      lines: [
        { accountNumber: '625000', activityId: act.alice, debitCents: 3_000 },
        { accountNumber: '512000', activityId: act.alice, creditCents: 2_000 },
      ],
    });
    expect(draft.status).toBe(201);
    const unbalanced = await accountant.post(`/ledger/drafts/${draft.body.id}/post`);
    expect([unbalanced.status, unbalanced.body.code]).toEqual([422, 'LEDGER_ENTRY_UNBALANCED']);
    expect(unbalanced.body.detail).toMatch(/n'est pas équilibrée/);
    await accountant.put(`/ledger/drafts/${draft.body.id}`, {
      entryDate: '2026-03-01',
      pieceRef: 'OD-1',
      label: 'Reclassement',
      lines: [
        { accountNumber: '625000', activityId: act.alice, debitCents: 3_000 },
        { accountNumber: '512000', activityId: act.alice, creditCents: 3_000 },
      ],
    });
    const posted = await accountant.post(`/ledger/drafts/${draft.body.id}/post`);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ journalCode: 'OD', number: 1, totalCents: 3_000 });
    const reversal = await accountant.post(`/ledger/entries/${posted.body.id}/reverse`, {});
    expect(reversal.status).toBe(201);
    expect(reversal.body.reversesEntryId).toBe(posted.body.id);
    const again = await accountant.post(`/ledger/entries/${posted.body.id}/reverse`, {});
    expect([again.status, again.body.code]).toEqual([409, 'LEDGER_ENTRY_ALREADY_REVERSED']);
    expect((await accountant.get(`/ledger/entries/${posted.body.id}`)).body.reversedByEntryId).toBe(
      reversal.body.id,
    );
  });

  it('lists entries with filters and gives the reports', async () => {
    const sales = await accountant.get(`/ledger/entries?journalCode=VT&activityId=${act.bob}`);
    expect(sales.body.total).toBe(1);
    const tb = await accountant.get('/ledger/reports/trial-balance');
    expect(tb.status).toBe(200);
    expect(tb.body.totalDebitCents).toBe(tb.body.totalCreditCents);
    const figures = await accountant.get('/ledger/reports/activities');
    const alice = figures.body.activities.find((a: any) => a.activityId === act.alice);
    expect(alice.figures.toCollectCents).toBe(120_000 - 50_000);
    const sheet = await accountant.get(`/ledger/reports/balance-sheet?activityId=${act.alice}`);
    expect(sheet.body.totalAssetsCents).toBe(sheet.body.totalLiabilitiesCents);
    const gl = await accountant.get('/ledger/reports/general-ledger?account=411');
    expect(gl.body.accounts[0].closingCents).toBe(70_000 + 24_000);
  });

  it('exports reports as French CSV and as XLSX', async () => {
    const csv = await accountant.get('/ledger/exports/trial-balance?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/trial-balance-2026-03-15\.csv/);
    expect(csv.text).toContain('706000;Prestations de services;0,00;1200,00;-1200,00');
    const app = accountant.app;
    const res = await app.request('http://localhost:3000/api/ledger/exports/activities?format=xlsx', {
      headers: { cookie: accountant.cookie! },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip (OOXML) file
  });

  it('streams the FEC and its description', async () => {
    await ctx.db.execute(sql`UPDATE cooperative SET siren = '912345675' WHERE id = 1`);
    const fec = await accountant.get(`/ledger/fec/${yearId}`);
    expect(fec.status).toBe(200);
    expect(fec.headers.get('content-disposition')).toBe('attachment; filename="912345675FEC20261231.txt"');
    expect(checkFecFile(fec.text).problems).toEqual([]);
    const description = await accountant.get(`/ledger/fec/${yearId}/description`);
    expect(description.text).toMatch(/912345675FEC20261231\.txt/);
  });

  it('moves the lock date forward and opens the next year', async () => {
    expect((await accountant.put('/ledger/lock-date', { lockDate: '2026-01-31' })).status).toBe(200);
    const back = await accountant.put('/ledger/lock-date', { lockDate: '2026-01-01' });
    expect(back.body.code).toBe('LEDGER_LOCK_DATE_BACKWARDS');
    expect((await accountant.post('/ledger/fiscal-years', {})).body).toMatchObject({
      startDate: '2027-01-01',
      status: 'open',
    });
    const years = await accountant.get('/ledger/fiscal-years');
    expect([years.body.years.length, years.body.lockDate]).toEqual([2, '2026-01-31']);
    const early = await accountant.post(`/ledger/fiscal-years/${yearId}/close`);
    expect([early.status, early.body.code]).toEqual([409, 'LEDGER_FISCAL_YEAR_NOT_CLOSABLE']);
  });
});

describe('ledger routes for a member', () => {
  it('refuses the books, manual entries and reversals to a member', async () => {
    for (const res of [
      await member.get('/ledger/accounts'),
      await member.get('/ledger/entries'),
      await member.get('/ledger/reports/trial-balance'),
      await member.get(`/ledger/fec/${yearId}`),
      await member.post('/ledger/drafts', { entryDate: '2026-03-01', pieceRef: 'X', label: 'X', lines: [] }),
      await member.post(`/ledger/entries/00000000-0000-4000-8000-000000000000/reverse`, {}),
    ])
      expect(res.status).toBe(403);
  });

  it("shows a member their own activity's figures and lines, and nothing of another's", async () => {
    const mine = await member.get('/ledger/my/activities');
    expect(mine.status).toBe(200);
    expect(mine.body.activities.map((a: any) => a.activityId)).toEqual([act.alice]);
    expect(mine.body.activities[0].figures.resultCents).toBe(100_000);
    const lines = await member.get(`/ledger/my/activities/${act.alice}/lines?account=411`);
    expect(lines.status).toBe(200);
    expect(lines.body.accounts[0].lines.every((l: any) => l.activityCode === 'T-ALICE')).toBe(true);
    expect((await member.get(`/ledger/my/activities/${act.bob}/lines`)).status).toBe(404);
    expect((await member.get(`/ledger/my/activities/${act.bob}/balance-sheet`)).status).toBe(404);
    expect((await member.get(`/ledger/my/activities/${act.alice}/balance-sheet`)).status).toBe(200);
    // Someone with no member file sees an empty list.
    const staff = await accountant.get('/ledger/my/activities');
    expect(staff.body.activities).toEqual([]);
  });
});
