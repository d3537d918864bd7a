import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFecFile } from '../../core/ledger/check-fec-file.ts';
import { fecColumns } from '../../core/ledger/fec-format.ts';
import { systemActor } from '../audit/actor.ts';
import { updateCooperative } from '../cooperative/update-cooperative.ts';
import { queryRows } from '../db/query-rows.ts';
import { demoCooperative } from '../demo/seed-demo.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { closeFiscalYear } from './close-fiscal-year.ts';
import { getActivityFigures } from './get-activity-figures.ts';
import { getAvailableTreasury } from './get-available-treasury.ts';
import { getBalanceSheet } from './get-balance-sheet.ts';
import { getGeneralLedger } from './get-general-ledger.ts';
import { getTrialBalance } from './get-trial-balance.ts';
import { letterLines } from './letter-lines.ts';
import { listJournalEntries } from './list-journal-entries.ts';
import { openFiscalYear } from './open-fiscal-year.ts';
import { postEntries } from './post-entries.ts';
import { prepareFec } from './stream-fec.ts';
import { actorWith, paymentEntry, saleEntry, seedLedgerActivities } from './testing/ledger-test-fixture.ts';
import { writeFecFiles } from './write-fec-files.ts';

let ctx: TestContext;
let act: Awaited<ReturnType<typeof seedLedgerActivities>>;
let year2025: number;
let year2026: number;
const today = '2026-03-15';

beforeAll(async () => {
  ctx = await createTestContext();
  await updateCooperative(ctx, systemActor, demoCooperative);
  act = await seedLedgerActivities(ctx);
  ctx.setNow('2025-01-02T10:00:00Z');
  const y = await openFiscalYear(ctx, actorWith('accountant'), {
    startDate: '2025-01-01',
    endDate: '2025-12-31',
  });
  year2025 = y.id;
  await postEntries(ctx, systemActor, [
    saleEntry(act.alice, 100_000n, { date: '2025-02-01' }),
    saleEntry(act.bob, 40_000n, { date: '2025-03-01' }),
    paymentEntry(act.alice, 60_000n, '2025-04-01'),
    {
      journalCode: 'AC',
      entryDate: '2025-05-01',
      pieceRef: 'FA-77',
      pieceDate: '2025-04-28',
      label: 'Achat matériel',
      source: { type: 'supplier_invoice', id: 'fa-77' },
      idempotencyKey: 'supplier:fa-77',
      lines: [
        { accountNumber: '607000', activityId: act.bob, debitCents: 10_000, label: 'Bois de chêne|lot 4' },
        { accountNumber: '445660', activityId: act.bob, debitCents: 2_000 },
        {
          accountNumber: '401000',
          activityId: act.bob,
          thirdParty: { code: 'F-BOIS', name: 'Scierie du Val' },
          creditCents: 12_000,
        },
      ],
    },
  ]);
  ctx.setNow('2026-01-20T10:00:00Z');
  await postEntries(ctx, systemActor, [saleEntry(act.alice, 5_000n, { date: '2026-01-10' })]);
  await closeFiscalYear(ctx, actorWith('accountant'), year2025);
  const [y26] = await queryRows<{ id: number }>(
    ctx.db,
    sql`SELECT id FROM fiscal_years WHERE start_date = '2026-01-01'`,
  );
  year2026 = Number(y26!.id);
  ctx.setNow(`${today}T10:00:00Z`);
});
afterAll(() => ctx.close());

describe('reports', () => {
  it('gives a trial balance whose debits equal its credits, from stored balances or from lines alike', async () => {
    const whole = await getTrialBalance(ctx.db, { fiscalYearId: year2025 }, today);
    expect(whole.totalDebitCents).toBe(whole.totalCreditCents);
    expect(whole.rows.find((r) => r.accountNumber === '706000')).toMatchObject({
      creditCents: 140_000,
      balanceCents: -140_000,
    });
    // A period narrower than the year is summed from the lines; the whole year again equals the stored figures.
    const fromLines = await getTrialBalance(
      ctx.db,
      {
        fiscalYearId: year2025,
        from: '2025-01-01',
        to: '2025-12-31',
        journalCode: undefined,
        thirdPartyCode: undefined,
        account: undefined,
        activityId: undefined,
      },
      today,
    );
    expect(fromLines.rows).toEqual(whole.rows);
    const q1 = await getTrialBalance(ctx.db, { fiscalYearId: year2025, to: '2025-03-31' }, today);
    expect(q1.rows.find((r) => r.accountNumber === '512000')).toBeUndefined();
    const alice = await getTrialBalance(
      ctx.db,
      { fiscalYearId: year2025, activityId: act.alice, account: '4' },
      today,
    );
    expect(alice.rows.map((r) => r.accountNumber)).toEqual(['411000', '445740']);
  });

  it('gives a general ledger with opening balances and running balances per account', async () => {
    const gl = await getGeneralLedger(
      ctx.db,
      { fiscalYearId: year2025, account: '411', from: '2025-03-15' },
      today,
    );
    const clients = gl.accounts[0]!;
    expect(clients.accountNumber).toBe('411000');
    expect(clients.openingCents).toBe(120_000 + 48_000);
    expect(clients.lines.map((l) => l.runningBalanceCents)).toEqual([168_000 - 60_000]);
    expect(clients.closingCents).toBe(108_000);
    const truncated = await getGeneralLedger(ctx.db, { fiscalYearId: year2025 }, today, 3);
    expect(truncated.truncated).toBe(true);
    expect(truncated.accounts.reduce((n, a) => n + a.lines.length, 0)).toBe(3);
  });

  it('lists journal entries filtered by journal, account, activity and third party', async () => {
    const sales = await listJournalEntries(ctx.db, { fiscalYearId: year2025, journalCode: 'VT' }, today, {
      offset: 0,
      limit: 50,
    });
    expect(sales.total).toBe(2);
    expect(sales.entries.map((e) => e.number)).toEqual([1, 2]);
    const bob = await listJournalEntries(ctx.db, { fiscalYearId: year2025, activityId: act.bob }, today, {
      offset: 0,
      limit: 50,
    });
    expect(bob.entries.map((e) => e.journalCode)).toEqual(['VT', 'AC']);
    const supplier = await listJournalEntries(
      ctx.db,
      { fiscalYearId: year2025, thirdPartyCode: 'F-BOIS' },
      today,
      { offset: 0, limit: 50 },
    );
    expect(supplier.entries).toHaveLength(1);
    expect(supplier.entries[0]!.lines[2]).toMatchObject({
      accountLabel: 'Fournisseurs',
      activityCode: 'T-BOB',
      creditCents: 12_000,
    });
    const opening = await listJournalEntries(ctx.db, { fiscalYearId: year2026, journalCode: 'AN' }, today, {
      offset: 0,
      limit: 50,
    });
    expect(opening.total).toBe(2);
  });

  it('gives per-activity figures whose sum is the cooperative, to the cent', async () => {
    const year = await getActivityFigures(ctx.db, { fiscalYearId: year2025 }, today);
    expect(year.cooperativeMatchesActivities).toBe(true);
    const alice = year.activities.find((a) => a.activityId === act.alice)!.figures;
    expect(alice).toEqual({
      resultCents: 100_000,
      revenueCents: 100_000,
      expensesCents: 0,
      // 512: +600,00; VAT awaiting receipt: −200,00
      availableTreasuryCents: 40_000,
      cashCents: 60_000,
      toCollectCents: 60_000,
    });
    const bob = year.activities.find((a) => a.activityId === act.bob)!.figures;
    expect(bob.resultCents).toBe(30_000);
    // −80,00 VAT collected awaiting, +20,00 deductible, −120,00 supplier
    expect(bob.availableTreasuryCents).toBe(-8_000 + 2_000 - 12_000);
    expect(year.cooperative.resultCents).toBe(130_000);

    // Now: the 2026 result, today's positions (carried by the opening entries, plus 2026's lines).
    const now = await getActivityFigures(ctx.db, {}, today);
    expect(now.basis).toBe('now');
    const aliceNow = now.activities.find((a) => a.activityId === act.alice)!.figures;
    expect(aliceNow.resultCents).toBe(5_000);
    expect(aliceNow.toCollectCents).toBe(60_000 + 6_000);
    expect(aliceNow.availableTreasuryCents).toBe(40_000 - 1_000);
    const read = await getAvailableTreasury(ctx.db, act.alice);
    expect(read).toEqual({ availableTreasuryCents: 39_000n, toCollectCents: 66_000n });
    expect(now.cooperativeMatchesActivities).toBe(true);
  });

  it('gives analytic balance sheets whose sides agree, per activity and for the cooperative', async () => {
    for (const activityId of [act.alice, act.bob, undefined]) {
      const sheet = await getBalanceSheet(ctx.db, { fiscalYearId: year2025, activityId }, today);
      expect(sheet.totalAssetsCents).toBe(sheet.totalLiabilitiesCents);
    }
    const bob = await getBalanceSheet(ctx.db, { fiscalYearId: year2025, activityId: act.bob }, today);
    expect(bob.liabilities.map((l) => l.accountNumber)).toEqual(['401000', '445740']);
    expect(bob.resultCents).toBe(30_000);
  });
});

describe('FEC', () => {
  it('exports a file that passes every published check, opening entries first, line by line', async () => {
    const fec = await prepareFec(ctx.db, year2026);
    expect(fec.fileName).toBe('912345675FEC20261231.txt');
    let text = '';
    for await (const chunk of fec.chunks()) text += chunk;
    const check = checkFecFile(text);
    expect(check.problems).toEqual([]);
    expect(check.lineCount).toBe(fec.lineCount);
    const records = text
      .split('\r\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
    expect(records[0]).toEqual([...fecColumns]);
    // AN000001 and AN000002 come before the January sale, although the sale was posted first.
    expect(records.slice(1).map((r) => r[2])).toEqual([
      ...records
        .slice(1)
        .filter((r) => r[0] === 'AN')
        .map((r) => r[2]),
      'VT000001',
      'VT000001',
      'VT000001',
    ]);
    const clientLine = records.find((r) => r[0] === 'AN' && r[4] === '411000')!;
    expect(clientLine).toEqual([
      'AN',
      'À-nouveaux',
      clientLine[2],
      '20260101',
      '411000',
      'Clients',
      'C001',
      'Client Dupont',
      'CLOTURE-20251231',
      '20251231',
      'À-nouveau',
      clientLine[11],
      '0,00',
      '',
      '',
      '20260120',
      '',
      '',
    ]);
  });

  it('exports the closed year with its own numbers and totals, separators removed from labels', async () => {
    const fec = await prepareFec(ctx.db, year2025);
    let text = '';
    for await (const chunk of fec.chunks()) text += chunk;
    const check = checkFecFile(text);
    expect(check.problems).toEqual([]);
    expect(check.totalDebitCents).toBe(120_000n + 48_000n + 60_000n + 12_000n);
    const wood = text
      .split('\r\n')
      .find((l) => l.includes('607000'))!
      .split('\t');
    expect(wood).toEqual([
      'AC',
      'Achats',
      'AC000001',
      '20250501',
      '607000',
      'Achats de marchandises',
      '',
      '',
      'FA-77',
      '20250428',
      'Bois de chêne lot 4',
      '100,00',
      '0,00',
      '',
      '',
      '20250102',
      '',
      '',
    ]);
  });

  it('writes the file and its description for `mutua fec --year`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutua-fec-'));
    try {
      const written = await writeFecFiles(ctx.db, 2025, dir);
      expect(written.path).toBe(join(dir, '912345675FEC20251231.txt'));
      expect(checkFecFile(readFileSync(written.path, 'utf8')).problems).toEqual([]);
      expect(readFileSync(written.descriptionPath, 'utf8')).toMatch(/912345675FEC20251231\.txt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lettering', () => {
  it('letters a client invoice with its payments once, and the FEC prints the code and date', async () => {
    ctx.setNow('2026-01-25T10:00:00Z');
    const clientLines = await queryRows<{ entry_id: string; line_no: number; debit: string; credit: string }>(
      ctx.db,
      sql`SELECT l.entry_id, l.line_no, l.debit_cents::text AS debit, l.credit_cents::text AS credit
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.fiscal_year_id = ${year2026} AND l.account_number = '411000' AND l.activity_id = ${act.alice}
          ORDER BY e.seq`,
    );
    // 2026: the opening balance of Alice's client (1 200 − 600 = 600 €) and the January sale of 60 €.
    const refs = clientLines.map((l) => ({ entryId: l.entry_id, lineNo: Number(l.line_no) }));
    const refusal = await letterLines(ctx, systemActor, { lines: refs }).catch((e) => e.code);
    expect(refusal).toBe('LEDGER_LETTERING_INVALID');
    const payment = await postEntries(ctx, systemActor, [paymentEntry(act.alice, 66_000n, '2026-01-20')]);
    const [pay] = await queryRows<{ line_no: number }>(
      ctx.db,
      sql`SELECT line_no FROM ledger_entry_lines WHERE entry_id = ${payment[0]!.id} AND account_number = '411000'`,
    );
    const all = [...refs, { entryId: payment[0]!.id, lineNo: Number(pay!.line_no) }];
    expect(await letterLines(ctx, systemActor, { lines: all })).toEqual({ code: 'A' });
    expect(await letterLines(ctx, systemActor, { lines: all }).catch((e) => e.code)).toBe(
      'LEDGER_LETTERING_INVALID',
    );
    const fec = await prepareFec(ctx.db, year2026);
    let text = '';
    for await (const chunk of fec.chunks()) text += chunk;
    expect(checkFecFile(text).problems).toEqual([]);
    const lettered = text.split('\r\n').filter((r) => r.split('\t')[13] === 'A');
    expect(lettered).toHaveLength(3);
    for (const r of lettered) expect(r.split('\t')[14]).toBe('20260125');
  });
});
