import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCamt053 } from '../../core/bank/write-statement-files.ts';
import { type Actor, systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { closeSharedSalaryCalculator, sharedSalaryCalculator } from '../payroll/shared-salary-calculator.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { readBankUpload } from './bank-uploads.ts';
import { importBankStatement } from './import-bank-statement.ts';

/**
 * A month's net salaries prepared as a SEPA batch by the payroll (issue 10), then seen leaving the bank on a
 * statement (issue 9 §3): the accountant confirms the suggested batch, which confirms it through the payroll's
 * own path (D 421 · C 512 per salary, on the member's activity), once, on the day the bank booked it, and links
 * the line; a second confirmation changes nothing.
 */
let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
const c: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const iban = 'FR7630004000031234567890143';
const funded = 3_000_000;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-20T09:00:00Z');
  people = await seedTestPeople(ctx);
  for (const [i, role] of ['accountant', 'support'].entries()) {
    c[role] = createTestClient(ctx, { ip: `10.31.0.${i + 1}` });
    await c[role]!.logIn(`${role}@test.coop`, testPassword);
  }
  const support = c.support!;
  const member = async (first: string, last: string, memberIban: string, fixedMonthlyCents: number) => {
    const res = await support.post('/members', {
      firstName: first,
      lastName: last,
      referentId: people.support.id,
    });
    expect(res.status, res.text).toBe(201);
    const id = res.body.id as string;
    expect((await support.patch(`/members/${id}`, { iban: memberIban })).status).toBe(200);
    const journey = await support.post(`/members/${id}/journey`, {
      kind: 'cesa',
      start: '2025-06-01',
      trialEnd: null,
      fixedMonthlyCents,
    });
    expect(journey.status, journey.text).toBe(201);
    return id;
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
  ids.alice = await member('Alice', 'Abeille', 'FR14 2004 1010 0505 0001 3M02 606', 150_000);
  ids.bruno = await member('Bruno', 'Bourdon', 'FR76 3000 6000 0112 3456 7890 189', 180_000);
  ids.actA = await activity('ABEILLE', ids.alice);
  ids.actB = await activity('BOURDON', ids.bruno);
  // Cash on each activity, received on the bank account the statements are of (D 512 · C 706).
  for (const [key, activityId] of [
    ['A', ids.actA],
    ['B', ids.actB],
  ] as const)
    await postEntries(ctx, systemActor, [
      {
        journalCode: 'BQ',
        entryDate: '2026-01-15',
        pieceRef: key,
        pieceDate: '2026-01-15',
        label: `Encaissement ${key}`,
        source: { type: 'bank_line', id: key },
        idempotencyKey: `test:salary-batch:${key}`,
        lines: [
          { accountNumber: '512000', activityId, debitCents: BigInt(funded / 2) },
          { accountNumber: '706000', activityId, creditCents: BigInt(funded / 2) },
        ],
      },
    ]);
  await sharedSalaryCalculator().ready();
}, 300_000);

afterAll(async () => {
  await closeSharedSalaryCalculator();
  await ctx?.close();
});

const accountantActor = (): Actor => ({
  userId: people.accountant.id,
  label: 'accountant@test.coop',
  roles: ['accountant'],
  locale: 'fr',
  ipAddress: null,
});

/** Uploads a CAMT.053 through the API and imports it without auto-confirming: the accountant decides. */
async function importForReview(accountId: string, content: string) {
  const start = await c.accountant!.post(`/bank/accounts/${accountId}/uploads`, { fileName: 'releve.xml' });
  expect(start.status, start.text).toBe(201);
  const part = await c.accountant!.put(`/bank/uploads/${start.body.uploadId}/parts`, { part: 0, content });
  expect(part.status, part.text).toBe(200);
  expect((await readBankUpload(ctx.db, start.body.uploadId)).content).toBe(content);
  return importBankStatement(
    ctx,
    accountantActor(),
    accountId,
    { uploadId: start.body.uploadId },
    { autoConfirm: false },
  );
}

const bookBalance = async (date: string) =>
  Number(
    (
      await queryRows<{ b: string }>(
        ctx.db,
        sql`SELECT coalesce(sum(l.debit_cents - l.credit_cents), 0)::text AS b FROM ledger_entry_lines l
            JOIN ledger_entries e ON e.id = l.entry_id WHERE l.account_number = '512000' AND e.entry_date <= ${date}::date`,
      )
    )[0]!.b,
  );

/** Everything a confirmation may change, to compare before and after a second one. */
const snapshot = async (batchId: string) => ({
  batch: await queryRows(
    ctx.db,
    sql`SELECT status, total_cents::text, transfer_count, confirmed_at FROM payroll_payments WHERE id = ${batchId}`,
  ),
  entries: await queryRows(ctx.db, sql`SELECT id FROM ledger_entries ORDER BY id`),
  slips: await queryRows(ctx.db, sql`SELECT id, paid_on::text FROM payroll_slips ORDER BY id`),
  matches: await queryRows(ctx.db, sql`SELECT id FROM bank_matches ORDER BY id`),
  lines: await queryRows(ctx.db, sql`SELECT id, status FROM bank_lines ORDER BY id`),
});

describe('a prepared salary batch seen on a statement', () => {
  it('is confirmed from the debit line: posted once (D 421 · C 512) on the day the bank booked it, linked, and only once', async () => {
    const run = await c.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(run.status, run.text).toBe(201);
    expect(run.body.totals).toMatchObject({ paidCount: 2 });
    // Prepared twice (a first file not sent): the salaries move to the second batch, the first settles nothing.
    const superseded = await c.accountant!.post('/payroll/payments', {
      month: '2026-03',
      executionDate: '2026-03-30',
    });
    expect(superseded.status, superseded.text).toBe(201);
    const prepared = await c.accountant!.post('/payroll/payments', {
      month: '2026-03',
      executionDate: '2026-03-31',
    });
    expect(prepared.status, prepared.text).toBe(201);
    const batch = prepared.body.payment as { id: string; messageId: string; totalCents: number };
    expect(prepared.body.payment).toMatchObject({ status: 'prepared', transferCount: 2 });
    const nets = await queryRows<{ member_id: string; activity_id: string; net: string }>(
      ctx.db,
      sql`SELECT member_id, activity_id, net_before_income_tax_cents::text AS net FROM payroll_slips
          WHERE payment_id = ${batch.id} ORDER BY net_before_income_tax_cents`,
    );
    expect(nets.map((n) => n.member_id)).toEqual([ids.alice, ids.bruno]);
    expect(nets.reduce((s, n) => s + Number(n.net), 0)).toBe(batch.totalCents);

    const account = await c.accountant!.post('/bank/accounts', { name: 'Compte courant', iban });
    expect(account.status, account.text).toBe(201);
    const accountId = account.body.id as string;
    // The batch was asked for March 31st; the bank booked it on April 1st (its statement opens on the balance
    // of March 31st, untouched by the salaries).
    ctx.setNow('2026-04-02T09:00:00Z');
    const april = await importForReview(
      accountId,
      writeCamt053([
        {
          iban,
          statementId: 'A',
          openingCents: funded,
          openingDate: '2026-04-01',
          closingDate: '2026-04-01',
          lines: [
            {
              date: '2026-04-01',
              amountCents: -batch.totalCents,
              reference: 'SAL-0401',
              counterparty: 'VIREMENTS SALAIRES',
              remittance: 'Salaires mars 2026',
              messageId: batch.messageId,
              endToEndId: `${batch.messageId}-1`,
            },
          ],
        },
      ]),
    );
    expect(april).toMatchObject({ newLineCount: 1, autoConfirmed: 0 });

    const lines = (await c.accountant!.get(`/bank/accounts/${accountId}/lines?status=open`)).body.items;
    expect(lines).toHaveLength(1);
    const line = lines[0];
    // Only the batch the salaries are in is offered, not the superseded one of the same total.
    expect(line.suggestions.map((x: { batchId: string }) => x.batchId)).toEqual([batch.id]);
    const [best] = line.suggestions;
    expect(best).toMatchObject({
      kind: 'batch',
      batchKind: 'salary',
      batchId: batch.id,
      reason: 'batchMessageId',
      confidence: 99,
    });
    const salEntries = async () =>
      queryRows<{ id: string; journal_code: string; entry_date: string }>(
        ctx.db,
        sql`SELECT id, journal_code, entry_date::text FROM ledger_entries
            WHERE source_type = 'salary_payment' AND source_id = ${batch.id} ORDER BY id`,
      );
    expect(await salEntries()).toEqual([]);

    const decision = {
      target: { kind: 'batch', batchKind: 'salary', batchId: batch.id },
      reason: best.reason,
      confidence: best.confidence,
    };
    const confirmed = await c.accountant!.post(`/bank/lines/${line.id}/match`, decision);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.status).toBe('matched');

    // The batch is confirmed, through the payroll's own path.
    const payments = (await c.accountant!.get('/payroll/payments?month=2026-03')).body as {
      id: string;
      status: string;
    }[];
    expect(payments.find((p) => p.id === batch.id)).toMatchObject({ status: 'confirmed' });
    // One entry per salary, D 421 · C 512 on the member's activity, on the bank account's journal, dated the
    // day the bank booked the transfer: the book's bank balance is the bank's on every statement's date.
    const entries = await salEntries();
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(e).toMatchObject({ journal_code: 'BQ', entry_date: '2026-04-01' });
    const posted = await queryRows<{
      account_number: string;
      activity_id: string;
      debit: string;
      credit: string;
    }>(
      ctx.db,
      sql`SELECT l.account_number, l.activity_id, sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.source_type = 'salary_payment' AND e.source_id = ${batch.id}
          GROUP BY l.account_number, l.activity_id ORDER BY l.account_number, sum(l.debit_cents + l.credit_cents)`,
    );
    expect(posted).toEqual([
      { account_number: '421000', activity_id: nets[0]!.activity_id, debit: nets[0]!.net, credit: '0' },
      { account_number: '421000', activity_id: nets[1]!.activity_id, debit: nets[1]!.net, credit: '0' },
      { account_number: '512000', activity_id: nets[0]!.activity_id, debit: '0', credit: nets[0]!.net },
      { account_number: '512000', activity_id: nets[1]!.activity_id, debit: '0', credit: nets[1]!.net },
    ]);
    const slips = await queryRows<{ paid_on: string }>(
      ctx.db,
      sql`SELECT paid_on::text FROM payroll_slips WHERE payment_id = ${batch.id}`,
    );
    expect(slips).toEqual([{ paid_on: '2026-04-01' }, { paid_on: '2026-04-01' }]);
    // The line is linked to the batch, and the books equal the bank on March 31st and on April 1st.
    const links = await queryRows<{ kind: string; target_id: string; amount: string; auto: boolean }>(
      ctx.db,
      sql`SELECT kind, target_id, amount_cents::text AS amount, auto FROM bank_matches WHERE line_id = ${line.id}`,
    );
    expect(links).toEqual([
      { kind: 'salary_batch', target_id: batch.id, amount: String(batch.totalCents), auto: false },
    ]);
    expect(await bookBalance('2026-03-31')).toBe(funded);
    expect(await bookBalance('2026-04-01')).toBe(funded - batch.totalCents);
    const state = (await c.accountant!.get(`/bank/accounts/${accountId}/reconciliation`)).body;
    expect(state).toMatchObject({ differenceCents: 0, unmatchedCount: 0, matchedCount: 1 });

    // Confirming again, from the statement or from the payroll, changes nothing.
    const before = await snapshot(batch.id);
    const again = await c.accountant!.post(`/bank/lines/${line.id}/match`, decision);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BANK_LINE_ALREADY_MATCHED');
    expect((await c.accountant!.post(`/payroll/payments/${batch.id}/confirm`)).status).toBe(409);
    expect(await snapshot(batch.id)).toEqual(before);
    // Nor is the confirmed batch offered to another line of the same amount.
    const [other] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM bank_matches WHERE kind = 'salary_batch' AND target_id = ${batch.id}`,
    );
    expect(other!.n).toBe(1);
  }, 300_000);
});
