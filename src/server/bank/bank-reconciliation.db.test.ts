import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  frenchCsvMapping,
  type StatementToWrite,
  writeCamt053,
  writeFrenchCsv,
  writeOfx1,
} from '../../core/bank/write-statement-files.ts';
import { activities } from '../activities/activities-tables.ts';
import { queryRows } from '../db/query-rows.ts';
import { getAvailableTreasury } from '../ledger/get-available-treasury.ts';
import {
  companyClientInput,
  individualClientInput,
  invoiceDraft,
  rateLine,
  setUpSales,
} from '../sales/sales-test-fixture.ts';
import type { TestClient } from '../testing/test-client.ts';

/**
 * Bank statements and reconciliation (issue 9) through the HTTP API on a real database (PGlite, or PostgreSQL
 * with DATABASE_URL): accounts, imports with their balances checked, re-import idempotency, automatic and
 * manual matches posted through the sales payment path, suspense and its release, the bad inputs of the issue,
 * and the book's bank balance equal to the statement's closing balance once reconciled.
 */
let s: Awaited<ReturnType<typeof setUpSales>>;
let accountant: TestClient;
let member: TestClient;
let accountId: string;
const iban = 'FR7630004000031234567890143';
const invoiceIds: Record<string, string> = {};
let companyName = '';

async function issued(client: TestClient, clientId: string, lines?: unknown[]) {
  const id = (await client.post('/sales/invoices', invoiceDraft(s.bois, clientId, lines))).body.id;
  const res = await client.post(`/sales/invoices/${id}/issue`, {});
  expect(res.status, res.text).toBe(200);
  return { id, number: res.body.number as string };
}

/** Uploads a file in parts of at most `size` characters, then imports it. */
async function importFile(
  content: string,
  fileName = 'releve.xml',
  size = 4_000,
  extra: Record<string, unknown> = {},
) {
  const start = await accountant.post(`/bank/accounts/${accountId}/uploads`, { fileName });
  expect(start.status, start.text).toBe(201);
  const uploadId = start.body.uploadId as string;
  for (let part = 0; part * size < content.length; part++) {
    const res = await accountant.put(`/bank/uploads/${uploadId}/parts`, {
      part,
      content: content.slice(part * size, (part + 1) * size),
    });
    expect(res.status, res.text).toBe(200);
  }
  return accountant.post(`/bank/accounts/${accountId}/imports`, { uploadId, ...extra });
}

const openLines = async () =>
  (await accountant.get(`/bank/accounts/${accountId}/lines?status=open`)).body.items as {
    id: string;
    amountCents: number;
    label: string;
    status: string;
    suggestions: {
      kind: string;
      reason: string;
      confidence: number;
      allocations: { invoiceId: string; amountCents: number }[];
    }[];
  }[];

const book512 = async (date = '2026-12-31') =>
  Number(
    (
      await queryRows<{ b: string }>(
        s.ctx.db,
        sql`SELECT coalesce(sum(l.debit_cents - l.credit_cents), 0)::text AS b FROM ledger_entry_lines l
            JOIN ledger_entries e ON e.id = l.entry_id WHERE l.account_number = '512000' AND e.entry_date <= ${date}::date`,
      )
    )[0]!.b,
  );

const statement = (
  lines: StatementToWrite['lines'],
  over: Partial<StatementToWrite> = {},
): StatementToWrite => ({
  iban,
  statementId: 'STMT-1',
  openingCents: 0,
  openingDate: '2026-03-01',
  closingDate: '2026-03-31',
  lines,
  ...over,
});

beforeAll(async () => {
  s = await setUpSales();
  s.ctx.setNow('2026-04-02T09:00:00Z');
  await s.ctx.db.insert(activities).values({ code: 'COOP', name: 'La coopérative', kind: 'structure' });
  accountant = await s.loggedIn('accountant@test.coop');
  member = await s.loggedIn('member@test.coop');
  const company = (await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput)).body;
  const individual = (await member.post(`/sales/activities/${s.bois}/clients`, individualClientInput)).body;
  companyName = company.name;
  for (const key of ['a', 'b', 'c']) {
    const inv = await issued(member, company.id);
    invoiceIds[key] = inv.id;
    invoiceIds[`${key}#`] = inv.number;
  }
  const lea = await issued(member, individual.id, [rateLine('Cours', 25_000)]);
  invoiceIds.lea = lea.id;
  // 41.67 € + 20 % = 50.00 €: paid by an unknown transfer that first goes to suspense.
  const small = await issued(member, individual.id, [rateLine('Atelier', 4_167)]);
  invoiceIds.small = small.id;
  invoiceIds['small#'] = small.number;
}, 120_000);

afterAll(async () => {
  await s.ctx.close();
});

describe('bank accounts', () => {
  it('are refused with an invalid IBAN, an unknown journal or a non-bank account, and once per IBAN', async () => {
    const bad = await accountant.post('/bank/accounts', { name: 'X', iban: 'FR7630004000031234567890144' });
    expect(bad.body.code).toBe('BANK_IBAN_INVALID');
    const journal = await accountant.post('/bank/accounts', { name: 'X', iban, journalCode: 'ZZ9' });
    expect(journal.body.code).toBe('BANK_LEDGER_ACCOUNT_INVALID');
    const notBank = await accountant.post('/bank/accounts', {
      name: 'X',
      iban,
      ledgerAccountNumber: '411000',
    });
    expect(notBank.status).toBe(422);
    const created = await accountant.post('/bank/accounts', {
      name: 'Compte courant',
      iban: 'FR76 3000 4000 0312 3456 7890 143',
      bic: 'BNPAFRPP',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ iban, journalCode: 'BQ', ledgerAccountNumber: '512000' });
    accountId = created.body.id;
    expect((await accountant.post('/bank/accounts', { name: 'Bis', iban })).body.code).toBe(
      'BANK_ACCOUNT_EXISTS',
    );
  });

  it('are not seen by members, who never see bank lines', async () => {
    expect((await member.get('/bank/accounts')).status).toBe(403);
    expect((await member.get(`/bank/accounts/${accountId}/lines`)).status).toBe(403);
    expect((await member.get(`/bank/accounts/${accountId}/reconciliation`)).status).toBe(403);
    expect((await member.post(`/bank/accounts/${accountId}/uploads`, { fileName: 'x' })).status).toBe(403);
  });
});

describe('importing and matching a statement', () => {
  const march = () =>
    statement([
      {
        date: '2026-03-05',
        amountCents: 144_000,
        reference: 'R1',
        counterparty: 'MENUISERIES DU RHONE',
        remittance: `FACTURE ${invoiceIds['a#']}`,
      },
      {
        date: '2026-03-06',
        amountCents: 288_000,
        reference: 'R2',
        counterparty: 'MENUISERIES DU RHONE',
        remittance: `${invoiceIds['b#']} ${invoiceIds['c#']}`,
      },
      {
        date: '2026-03-09',
        amountCents: 30_000,
        reference: 'R3',
        counterparty: 'DUPONT LEA',
        remittance: 'Cours de mars',
      },
      {
        date: '2026-03-10',
        amountCents: -1_500,
        reference: 'R4',
        counterparty: 'BANQUE',
        remittance: 'FRAIS TENUE DE COMPTE',
      },
      {
        date: '2026-03-12',
        amountCents: 5_000,
        reference: 'R5',
        counterparty: 'L DUPONT',
        remittance: 'VIREMENT',
      },
    ]);

  it('keeps every line, checks the balances, confirms the sure matches through the payment path', async () => {
    const treasuryBefore = await getAvailableTreasury(s.ctx.db, s.bois);
    const res = await importFile(writeCamt053([march()]));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      format: 'camt053',
      lineCount: 5,
      newLineCount: 5,
      duplicateCount: 0,
      openingCents: 0,
      closingCents: 465_500,
      statementDifferenceCents: 0,
      bookBalanceCents: 0,
      autoConfirmed: 2,
    });
    const payments = await queryRows<{
      invoice_id: string;
      amount: string;
      vat: string;
      journal: string;
      reference: string;
    }>(
      s.ctx.db,
      sql`SELECT p.invoice_id, p.amount_cents::text AS amount, p.vat_collected_cents::text AS vat, e.journal_code AS journal, p.reference
          FROM payments p JOIN ledger_entries e ON e.id = p.ledger_entry_id ORDER BY p.created_at`,
    );
    expect(payments.map((p) => [p.invoice_id, Number(p.amount)])).toEqual([
      [invoiceIds.a, 144_000],
      [invoiceIds.b, 144_000],
      [invoiceIds.c, 144_000],
    ]);
    // The VAT on receipts moves with the payment, as when a payment is typed by hand.
    for (const p of payments) expect(Number(p.vat)).toBe(24_000);
    expect(payments[0]!.reference).toBe('R1');
    const after = await getAvailableTreasury(s.ctx.db, s.bois);
    expect(after.availableTreasuryCents - treasuryBefore.availableTreasuryCents).toBe(432_000n);
    const invoice = await member.get(`/sales/invoices/${invoiceIds.a}`);
    expect(invoice.body.dueCents ?? invoice.body.balance?.dueCents ?? 0).toBe(0);
  });

  it('re-importing the same or an overlapping statement adds no line twice', async () => {
    const again = await importFile(writeCamt053([march()]), 'releve-bis.xml', 50_000);
    expect(again.body).toMatchObject({ lineCount: 5, newLineCount: 0, duplicateCount: 5, autoConfirmed: 0 });
    const overlap = statement(
      [
        ...march().lines.slice(3),
        { date: '2026-04-01', amountCents: 10_000, reference: 'R6', counterparty: 'X', remittance: 'Y' },
      ],
      { openingCents: 462_000, openingDate: '2026-03-10', closingDate: '2026-04-01' },
    );
    const res = await importFile(writeOfx1(overlap), 'avril.ofx');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ format: 'ofx', lineCount: 3, newLineCount: 1 });
    const [{ n }] = (await queryRows<{ n: string }>(
      s.ctx.db,
      sql`SELECT count(*)::text AS n FROM bank_lines`,
    )) as [{ n: string }];
    expect(Number(n)).toBe(6);
  });

  it('suggests the amount and client match with its reason, below the threshold, and confirms it in one call', async () => {
    const lines = await openLines();
    const lea = lines.find((l) => l.amountCents === 30_000)!;
    expect(lea.suggestions[0]).toMatchObject({
      kind: 'invoices',
      reason: 'amountAndClient',
      allocations: [{ invoiceId: invoiceIds.lea }],
    });
    expect(lea.suggestions[0]!.confidence).toBeLessThan(95);
    const res = await accountant.post(`/bank/lines/${lea.id}/match`, {
      target: {
        kind: 'invoices',
        allocations: lea.suggestions[0]!.allocations.map(({ invoiceId, amountCents }) => ({
          invoiceId,
          amountCents,
        })),
      },
      reason: 'amountAndClient',
      confidence: lea.suggestions[0]!.confidence,
    });
    expect(res.status, res.text).toBe(200);
    const rules = await queryRows<{ counterparty_key: string }>(
      s.ctx.db,
      sql`SELECT counterparty_key FROM bank_match_rules`,
    );
    expect(rules.map((r) => r.counterparty_key)).toEqual(['DUPONT LEA']);
    // Matching the same line twice is refused.
    const twice = await accountant.post(`/bank/lines/${lea.id}/match`, {
      target: { kind: 'invoices', allocations: [{ invoiceId: invoiceIds.lea, amountCents: 30_000 }] },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('BANK_LINE_ALREADY_MATCHED');
  });

  it('refuses a split that does not add up, over-allocating an invoice, and the wrong direction', async () => {
    const unknown = (await openLines()).find((l) => l.amountCents === 5_000)!;
    const unbalanced = await accountant.post(`/bank/lines/${unknown.id}/match`, {
      target: { kind: 'invoices', allocations: [{ invoiceId: invoiceIds.small, amountCents: 4_000 }] },
    });
    expect(unbalanced.body).toMatchObject({ code: 'BANK_ALLOCATION_UNBALANCED' });
    const over = await accountant.post(`/bank/lines/${unknown.id}/match`, {
      target: { kind: 'invoices', allocations: [{ invoiceId: invoiceIds.a, amountCents: 5_000 }] },
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('PAYMENT_EXCEEDS_DUE');
    const twiceSame = await accountant.post(`/bank/lines/${unknown.id}/match`, {
      target: {
        kind: 'invoices',
        allocations: [
          { invoiceId: invoiceIds.small, amountCents: 2_500 },
          { invoiceId: invoiceIds.small, amountCents: 2_500 },
        ],
      },
    });
    expect(twiceSame.status).toBe(422);
    const fee = (await openLines()).find((l) => l.amountCents === -1_500)!;
    const wrongWay = await accountant.post(`/bank/lines/${fee.id}/match`, {
      target: { kind: 'invoices', allocations: [{ invoiceId: invoiceIds.small, amountCents: 1_500 }] },
    });
    expect(wrongWay.body.code).toBe('BANK_ALLOCATION_DIRECTION');
    // Nothing of the refused attempts reached the books.
    const [{ n }] = (await queryRows<{ n: string }>(
      s.ctx.db,
      sql`SELECT count(*)::text AS n FROM payments`,
    )) as [{ n: string }];
    expect(Number(n)).toBe(4);
  });

  it('posts lines not understood to suspense on the structure, and releases them when understood later', async () => {
    const lines = await openLines();
    for (const l of lines) {
      const res = await accountant.post(`/bank/lines/${l.id}/match`, { target: { kind: 'suspense' } });
      expect(res.status, res.text).toBe(200);
    }
    const state = (await accountant.get(`/bank/accounts/${accountId}/reconciliation`)).body;
    expect(state).toMatchObject({
      unmatchedCount: 0,
      suspenseCount: 3,
      suspenseCents: 13_500,
      oldestSuspenseDays: 23,
    });
    // The books equal the bank: the statement's closing balance is the book's 512 on that date.
    expect(state.bankBalanceDate).toBe('2026-04-01');
    expect(state.bankBalanceCents).toBe(475_500);
    expect(state.bookBalanceAtBankDateCents).toBe(475_500);
    expect(state.differenceCents).toBe(0);
    expect(await book512('2026-03-31')).toBe(465_500);
    // Understood later: the 50 € paid the small invoice. The suspense entry stays; a release entry reverses it.
    const unknown = lines.find((l) => l.amountCents === 5_000)!;
    const res = await accountant.post(`/bank/lines/${unknown.id}/match`, {
      target: { kind: 'invoices', allocations: [{ invoiceId: invoiceIds.small, amountCents: 5_000 }] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.entryIds).toHaveLength(1);
    const suspense = await queryRows<{ b: string }>(
      s.ctx.db,
      sql`SELECT coalesce(sum(credit_cents - debit_cents), 0)::text AS b FROM ledger_entry_lines WHERE account_number = '471000'`,
    );
    expect(Number(suspense[0]!.b)).toBe(10_000 - 1_500);
    expect(await book512()).toBe(475_500);
    // Every entry posted balances, and the stored balances equal the lines.
    const [totals] = await queryRows<{ d: string; c: string }>(
      s.ctx.db,
      sql`SELECT sum(debit_cents)::text AS d, sum(credit_cents)::text AS c FROM ledger_entry_lines`,
    );
    expect(totals!.d).toBe(totals!.c);
    const verify = await accountant.get('/integrity/ledger').catch(() => null);
    if (verify && verify.status === 200) expect(JSON.stringify(verify.body)).not.toMatch(/mismatch/i);
  });

  it('refuses to delete a line matched or in suspense, in the use case and in the database; deletes one unmatched', async () => {
    const all = (await accountant.get(`/bank/accounts/${accountId}/lines?status=all`)).body.items as {
      id: string;
      status: string;
    }[];
    const matched = all.find((l) => l.status === 'matched')!;
    const suspense = all.find((l) => l.status === 'suspense')!;
    for (const l of [matched, suspense]) {
      const res = await accountant.delete(`/bank/lines/${l.id}`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('BANK_LINE_MATCHED_NOT_DELETABLE');
    }
    const refused = await s.ctx.db
      .execute(sql`DELETE FROM bank_lines WHERE id = ${matched.id}`)
      .catch((e: unknown) => e);
    expect(String((refused as { cause?: unknown }).cause ?? refused)).toMatch(/cannot be deleted/);
    const extra = await importFile(
      writeCamt053([
        statement(
          [
            {
              date: '2026-04-02',
              amountCents: 777,
              reference: 'R9',
              counterparty: 'X',
              remittance: 'erreur',
            },
          ],
          { openingCents: 475_500, openingDate: '2026-04-02', closingDate: '2026-04-02' },
        ),
      ]),
    );
    expect(extra.status, extra.text).toBe(201);
    const line = (await openLines()).find((l) => l.amountCents === 777)!;
    expect((await accountant.delete(`/bank/lines/${line.id}`)).status).toBe(204);
  });
});

describe('bad input', () => {
  it('refuses a file that is not a statement, a truncated XML, a statement of another account', async () => {
    const notStatement = await importFile('%PDF-1.7\n1 0 obj', 'facture.pdf');
    expect(notStatement.body.code).toBe('BANK_FILE_NOT_STATEMENT');
    const xml = writeCamt053([
      statement([
        { date: '2026-03-05', amountCents: 100, reference: 'T1', counterparty: 'X', remittance: 'Y' },
      ]),
    ]);
    const truncated = await importFile(xml.slice(0, xml.length - 60));
    expect(truncated.status).toBe(422);
    expect(truncated.body.code).toBe('BANK_FILE_TRUNCATED');
    const other = await importFile(
      writeCamt053([
        statement(
          [{ date: '2026-03-05', amountCents: 100, reference: 'T1', counterparty: 'X', remittance: 'Y' }],
          { iban: 'FR7610107001011234567890129' },
        ),
      ]),
    );
    expect(other.body).toMatchObject({ code: 'BANK_STATEMENT_OTHER_ACCOUNT' });
    expect(other.body.detail ?? other.body.title ?? '').toContain('FR76 1010');
  });

  it('reads a CSV only with the saved mapping; refuses a wrong mapping, a date that does not exist, a bad amount', async () => {
    const csv = writeFrenchCsv(
      statement([
        {
          date: '2026-04-03',
          amountCents: 123_456,
          reference: 'C1',
          counterparty: 'ACME',
          remittance: 'acompte',
        },
      ]),
    );
    expect((await importFile(csv, 'releve.csv')).body.code).toBe('BANK_CSV_MAPPING_INVALID');
    const wrong = await accountant.put(`/bank/accounts/${accountId}/csv-mapping`, {
      ...frenchCsvMapping,
      debitColumn: 'Débits',
    });
    expect(wrong.status).toBe(200);
    expect((await importFile(csv, 'releve.csv')).body.code).toBe('BANK_CSV_MAPPING_INVALID');
    expect((await accountant.put(`/bank/accounts/${accountId}/csv-mapping`, frenchCsvMapping)).status).toBe(
      200,
    );
    const badDate = csv.replace('03/04/2026', '31/04/2026');
    const refused = await importFile(`${badDate}04/04/2026;"X";;1 000,00;C2\n`, 'releve.csv');
    expect(refused.body.code).toBe('BANK_CSV_MAPPING_INVALID');
    const laterBadDate = await importFile(`${csv}31/04/2026;"X";;1 000,00;C2\n`, 'releve.csv');
    expect(laterBadDate.body).toMatchObject({ code: 'BANK_DATE_INVALID' });
    const badAmount = await importFile(`${csv}04/04/2026;"X";;1,000.00;C2\n`, 'releve.csv');
    expect(badAmount.body).toMatchObject({ code: 'BANK_AMOUNT_INVALID' });
    const ok = await importFile(csv, 'releve.csv', 4_000, {
      balances: {
        openingCents: 475_500,
        openingDate: '2026-04-03',
        closingCents: 598_956,
        closingDate: '2026-04-03',
      },
    });
    expect(ok.status, ok.text).toBe(201);
    // Thousands separators read exactly; the typed balances checked against the line.
    expect(ok.body).toMatchObject({ format: 'csv', newLineCount: 1, statementDifferenceCents: 0 });
  });

  it('shows a statement whose balances do not add up, instead of hiding it', async () => {
    const xml = writeCamt053([
      statement(
        [{ date: '2026-04-05', amountCents: 100, reference: 'D1', counterparty: 'X', remittance: 'Y' }],
        { openingCents: 598_956, closingDate: '2026-04-05' },
      ),
    ]).replace(/(<Cd>CLBD<\/Cd><\/CdOrPrtry><\/Tp><Amt Ccy="EUR">)[\d.]+/, '$15990.00');
    const res = await importFile(xml);
    expect(res.status, res.text).toBe(201);
    expect(res.body.statementDifferenceCents).toBe(599_000 - 599_056);
    const state = (await accountant.get(`/bank/accounts/${accountId}/reconciliation`)).body;
    expect(state.imports[0].statementDifferenceCents).toBe(-56);
    expect(state.unmatchedCount).toBeGreaterThan(0);
    expect(companyName).toBeTruthy();
  });
});

describe('transfer batches', () => {
  it('settles a salary batch confirmed by hand (linked, nothing posted twice) and confirms a prepared expense batch', async () => {
    await s.ctx.db.execute(sql`INSERT INTO payroll_payments (month, message_id, execution_date, total_cents, transfer_count, status, confirmed_at)
      VALUES ('2026-03-01', 'MUTUA-SAL-202603-1', '2026-03-31', 88000, 2, 'confirmed', now())`);
    await s.ctx.db.execute(sql`INSERT INTO files (sha256, media_type, size_bytes, bytes)
      VALUES (repeat('a', 64), 'application/xml', 0, ''::bytea) ON CONFLICT DO NOTHING`);
    await s.ctx.db.execute(sql`INSERT INTO expense_payment_batches (message_id, execution_date, total_cents, file_sha256)
      VALUES ('MUTUA-EXP-202604-1', '2026-04-02', 5000, repeat('a', 64))`);
    const entriesBefore = await queryRows<{ n: string }>(
      s.ctx.db,
      sql`SELECT count(*)::text AS n FROM ledger_entries`,
    );
    const res = await importFile(
      writeCamt053([
        statement(
          [
            {
              date: '2026-04-02',
              amountCents: -88_000,
              reference: 'B1',
              counterparty: 'SALAIRES',
              remittance: 'Salaire mars',
              messageId: 'MUTUA-SAL-202603-1',
              endToEndId: 'MUTUA-SAL-202603-1-1',
            },
            {
              date: '2026-04-02',
              amountCents: -5_000,
              reference: 'B2',
              counterparty: 'NOTES DE FRAIS',
              remittance: 'Remboursements',
              messageId: 'MUTUA-EXP-202604-1',
              endToEndId: 'MUTUA-EXP-202604-1-1',
            },
          ],
          { openingCents: 599_000, openingDate: '2026-04-02', closingDate: '2026-04-02' },
        ),
      ]),
    );
    expect(res.status, res.text).toBe(201);
    expect(res.body.autoConfirmed).toBe(2);
    // The line is stored with the SEPA identifiers it carried, and its raw data.
    const [stored] = await queryRows<{ e2e: string[]; message_id: string; raw: { NtryRef?: string } }>(
      s.ctx.db,
      sql`SELECT end_to_end_ids AS e2e, message_id, raw FROM bank_lines WHERE bank_reference = 'B1'`,
    );
    expect(stored).toMatchObject({
      e2e: ['MUTUA-SAL-202603-1-1'],
      message_id: 'MUTUA-SAL-202603-1',
      raw: { NtryRef: 'B1' },
    });
    const matches = await queryRows<{ kind: string; reason: string; auto: boolean }>(
      s.ctx.db,
      sql`SELECT kind, reason, auto FROM bank_matches WHERE kind <> 'invoice' ORDER BY kind`,
    );
    expect(matches).toEqual([
      { kind: 'expense_batch', reason: 'batchMessageId', auto: true },
      { kind: 'salary_batch', reason: 'batchMessageId', auto: true },
    ]);
    const [batch] = await queryRows<{ status: string; paid_on: string }>(
      s.ctx.db,
      sql`SELECT status, paid_on::text FROM expense_payment_batches WHERE message_id = 'MUTUA-EXP-202604-1'`,
    );
    expect(batch).toEqual({ status: 'confirmed', paid_on: '2026-04-02' });
    // The salary batch's entries were posted when it was confirmed by hand: the statement line posts nothing.
    const entriesAfter = await queryRows<{ n: string }>(
      s.ctx.db,
      sql`SELECT count(*)::text AS n FROM ledger_entries`,
    );
    expect(entriesAfter[0]!.n).toBe(entriesBefore[0]!.n);
  });
});
