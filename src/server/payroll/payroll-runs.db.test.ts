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
import { setLockDate } from '../ledger/set-lock-date.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { closeSharedSalaryCalculator, sharedSalaryCalculator } from './shared-salary-calculator.ts';

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
const clients: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

/** Cash on an activity: a client payment received (D 512 · C 706). */
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

async function logInAll() {
  for (const role of ['admin', 'manager', 'accountant', 'support', 'member'])
    await clients[role]!.logIn(`${role}@test.coop`, testPassword);
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-03-20T09:00:00Z');
  people = await seedTestPeople(ctx);
  for (const [i, role] of ['admin', 'manager', 'accountant', 'support', 'member'].entries())
    clients[role] = createTestClient(ctx, { ip: `10.12.0.${i + 1}` });
  await logInAll();
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
  const journey = async (memberId: string, entry: Record<string, unknown>) => {
    const res = await support.post(`/members/${memberId}/journey`, entry);
    expect(res.status, res.text).toBe(201);
  };
  const activity = async (code: string, memberId: string | null, kind = 'member') => {
    const res = await support.post('/activities', {
      code,
      name: `Activité ${code}`,
      kind,
      referentId: kind === 'member' ? people.support.id : null,
      ...(memberId ? { members: { from: '2025-01-01', shares: [{ memberId, shareBp: 10_000 }] } } : {}),
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };
  ids.alice = await member('Alice', 'Abeille', people.member.id);
  expect(
    (
      await support.patch(`/members/${ids.alice}`, {
        iban: 'FR14 2004 1010 0505 0001 3M02 606',
        bic: 'PSSTFRPPPAR',
      })
    ).status,
  ).toBe(200);
  ids.bruno = await member('Bruno', 'Bourdon');
  ids.chloe = await member('Chloé', 'Cigale');
  ids.denis = await member('Denis', 'Dytique');
  await journey(ids.alice, { kind: 'cesa', start: '2025-10-01', trialEnd: null, fixedMonthlyCents: 15_000 });
  await journey(ids.bruno, { kind: 'cesa', start: '2025-06-01', trialEnd: null, fixedMonthlyCents: 150_000 });
  await journey(ids.chloe, { kind: 'cape', start: '2025-11-01', end: '2026-10-31' });
  await journey(ids.denis, { kind: 'cesa', start: '2026-01-01', trialEnd: null, fixedMonthlyCents: 20_000 });
  ids.actA = await activity('ABEILLE', ids.alice);
  ids.actB = await activity('BOURDON', ids.bruno);
  ids.actC = await activity('CIGALE', ids.chloe);
  ids.fund = await activity('FONDS-SOLIDARITE', null, 'fund');
  await fund(ids.actA, 10_000n, 'A2025', '2025-12-15'); // opens 2025 first, to close it later
  await fund(ids.actA, 990_000n, 'A1');
  await fund(ids.actB, 50_000n, 'B1');
  await fund(ids.fund, 2_000_000n, 'F1');
  await sharedSalaryCalculator().ready();
}, 300_000);
afterAll(async () => {
  await closeSharedSalaryCalculator();
  await ctx?.close();
});

const treasury = async (activityId: string) =>
  Number((await getAvailableTreasury(ctx.db, activityId)).availableTreasuryCents);
const salEntries = async () =>
  queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM ledger_entries WHERE journal_code = 'SAL'`,
  );

describe('monthly payroll run', () => {
  it('refuses a payroll run to anyone but the accountant, and bad months', async () => {
    expect((await clients.member!.post('/payroll/runs', { month: '2026-03' })).status).toBe(403);
    expect((await clients.support!.post('/payroll/runs', { month: '2026-03' })).status).toBe(403);
    expect((await clients.manager!.post('/payroll/runs', { month: '2026-03' })).status).toBe(403);
    expect((await clients.member!.post('/payroll/runs/preview', { month: '2026-03' })).status).toBe(403);
    expect((await createTestClient(ctx).post('/payroll/runs', { month: '2026-03' })).status).toBe(401);
    for (const month of ['2026-13', '2026-3', '', 202603, null]) {
      const res = await clients.accountant!.post('/payroll/runs', { month });
      expect(res.status, String(month)).toBe(422);
    }
    expect((await clients.accountant!.post('/payroll/runs', { month: '2026-03', extra: 1 })).status).toBe(
      422,
    );
    const future = await clients.accountant!.post('/payroll/runs', { month: '2026-04' });
    expect(future.status).toBe(422);
    expect(future.body.code).toBe('PAYROLL_MONTH_FUTURE');
  });

  it('previews the month: plan or fixed part, treasury checked, CAPE at zero, refusals explained; writes nothing', async () => {
    const plan = await clients.member!.post('/payroll/plans', {
      fromMonth: '2026-03',
      monthlyGrossCents: 250_000,
    });
    expect(plan.status, plan.text).toBe(201);
    expect((await clients.support!.post(`/payroll/plans/${plan.body.id}/approve`, {})).status).toBe(200);
    const res = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-03' });
    expect(res.status, res.text).toBe(200);
    const byName = Object.fromEntries(res.body.lines.map((l: { memberName: string }) => [l.memberName, l]));
    expect(byName['Alice Abeille']).toMatchObject({
      status: 'ready',
      basis: 'plan',
      grossCents: 250_000,
      treasuryBeforeCents: 1_000_000,
    });
    expect(byName['Bruno Bourdon']).toMatchObject({
      status: 'refused',
      basis: 'fixed_part',
      grossCents: 150_000,
    });
    expect(byName['Bruno Bourdon'].refusal.code).toBe('PAYROLL_TREASURY_SHORT');
    expect(byName['Bruno Bourdon'].refusal.message).toContain('500,00');
    expect(byName['Bruno Bourdon'].shortfallCents).toBe(byName['Bruno Bourdon'].employerCostCents - 50_000);
    expect(byName['Chloé Cigale']).toMatchObject({
      status: 'zero',
      kind: 'cape_zero',
      grossCents: 0,
      employerCostCents: 0,
    });
    expect(byName['Denis Dytique']).toMatchObject({ status: 'refused' });
    expect(byName['Denis Dytique'].refusal.code).toBe('PAYROLL_NO_ACTIVITY');
    // The figures are the rules engine's.
    const sim = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 250_000,
      month: '2026-03',
    });
    expect(byName['Alice Abeille'].employerCostCents).toBe(sim.body.employerCostCents);
    expect(byName['Alice Abeille'].netBeforeIncomeTaxCents).toBe(sim.body.netBeforeIncomeTaxCents);
    expect(res.body.runnable).toBe(true);
    expect((await salEntries())[0]!.n).toBe(0);
    // The manager sees the preview (to decide on advances).
    expect((await clients.manager!.post('/payroll/runs/preview', { month: '2026-03' })).status).toBe(200);
    // In English on request.
    const en = await createTestClient(ctx, { locale: 'en' });
    await en.logIn('accountant@test.coop', testPassword);
    const enPreview = await en.post('/payroll/runs/preview', { month: '2026-03' });
    expect(JSON.stringify(enPreview.body)).toContain('does not cover the employer cost');
    await logInAll();
  }, 120_000);

  it('runs the month: balanced entries on the right activity, treasury down by the employer cost, a record each', async () => {
    const before = await treasury(ids.actA!);
    const res = await clients.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.totals).toMatchObject({ paidCount: 1, zeroCount: 1, refusedCount: 2, doneCount: 0 });
    const alice = res.body.lines.find((l: { memberId: string }) => l.memberId === ids.alice);
    expect(await treasury(ids.actA!)).toBe(before - alice.employerCostCents);
    expect(await treasury(ids.actB!)).toBe(50_000);
    const lines = await queryRows<{
      account_number: string;
      activity_id: string;
      debit: string;
      credit: string;
      third: string | null;
    }>(
      ctx.db,
      sql`SELECT l.account_number, l.activity_id, l.debit_cents::text AS debit, l.credit_cents::text AS credit,
                 l.third_party_code AS third
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE e.journal_code = 'SAL' AND e.entry_date = '2026-03-31'`,
    );
    expect(lines.every((l) => l.activity_id === ids.actA)).toBe(true);
    const sum = (k: 'debit' | 'credit') => lines.reduce((s, l) => s + Number(l[k]), 0);
    expect(sum('debit')).toBe(sum('credit'));
    const acc = (n: string, k: 'debit' | 'credit') =>
      lines.filter((l) => l.account_number === n).reduce((s, l) => s + Number(l[k]), 0);
    expect(acc('641100', 'debit')).toBe(250_000);
    expect(acc('641100', 'debit') + acc('645000', 'debit')).toBe(alice.employerCostCents);
    expect(acc('421000', 'credit')).toBe(alice.netBeforeIncomeTaxCents);
    expect(acc('437000', 'credit')).toBeGreaterThan(0);
    // The rounding left on the URSSAF line is a few cents at most.
    const employeeAndEmployer = alice.employeeContributionsCents + alice.employerContributionsCents;
    expect(
      Math.abs(acc('431000', 'credit') + acc('437000', 'credit') - employeeAndEmployer),
    ).toBeLessThanOrEqual(5);
    expect(lines.find((l) => l.account_number === '421000')!.third).toMatch(/^SAL-/);
    const slips = await clients.accountant!.get('/payroll/slips?month=2026-03');
    expect(slips.body.map((s: { memberName: string; kind: string }) => `${s.memberName}:${s.kind}`)).toEqual([
      'Alice Abeille:salary',
      'Chloé Cigale:cape_zero',
    ]);
    const audit = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'payroll.run' AND object_id = ${res.body.runId}`,
    );
    expect(audit[0]!.n).toBe(1);
    // The member sees their own record, and nobody else's.
    const mine = await clients.member!.get('/payroll/slips/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ month: '2026-03', grossCents: 250_000, kind: 'salary' });
    expect((await clients.member!.get('/payroll/slips?month=2026-03')).status).toBe(403);
  }, 120_000);

  it('is idempotent per member and month: a run again never pays twice, and a full month is refused', async () => {
    const again = await clients.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PAYROLL_MONTH_ALREADY_RUN');
    expect((await salEntries())[0]!.n).toBe(1);
    // Two runs of February at once: one records, the other finds the month run.
    const [x, y] = await Promise.all([
      clients.accountant!.post('/payroll/runs', { month: '2026-02' }),
      clients.admin!.post('/payroll/runs', { month: '2026-02' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    expect((await salEntries())[0]!.n).toBe(2);
    const feb = await clients.accountant!.get('/payroll/slips?month=2026-02');
    // February: Alice on her fixed part (the plan starts in March).
    expect(feb.body.find((s: { memberId: string }) => s.memberId === ids.alice)).toMatchObject({
      basis: 'fixed_part',
      grossCents: 15_000,
    });
  }, 120_000);

  it('pays a refused salary once a manager approves an advance from a mutual fund', async () => {
    const body = {
      memberId: ids.bruno,
      month: '2026-03',
      fundActivityId: ids.fund,
      note: 'Gros client en retard',
    };
    expect((await clients.accountant!.post('/payroll/advances', body)).status).toBe(403);
    expect((await clients.member!.post('/payroll/advances', body)).status).toBe(403);
    const wrongFund = await clients.manager!.post('/payroll/advances', { ...body, fundActivityId: ids.actA });
    expect(wrongFund.body.code).toBe('PAYROLL_FUND_NOT_FOUND');
    const cape = await clients.manager!.post('/payroll/advances', { ...body, memberId: ids.chloe });
    expect(cape.body.code).toBe('PAYROLL_ADVANCE_NOT_SALARIED');
    const ok = await clients.manager!.post('/payroll/advances', body);
    expect(ok.status, ok.text).toBe(201);
    const twice = await clients.manager!.post('/payroll/advances', body);
    expect(twice.status).toBe(409);
    const fundBefore = await treasury(ids.fund!);
    const res = await clients.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(res.status, res.text).toBe(201);
    const bruno = res.body.lines.find((l: { memberId: string }) => l.memberId === ids.bruno);
    expect(bruno).toMatchObject({ status: 'advance', shortfallCents: bruno.employerCostCents - 50_000 });
    // The fund lent the shortfall: its cash went to the activity, which owes it (467), so neither treasury
    // moved by the loan; the activity's fell by the employer cost.
    expect(await treasury(ids.fund!)).toBe(fundBefore);
    expect(await treasury(ids.actB!)).toBe(50_000 - bruno.employerCostCents);
    const [cash] = await queryRows<{ cash: string }>(
      ctx.db,
      sql`SELECT coalesce(sum(debit_cents - credit_cents), 0)::text AS cash FROM ledger_balances
          WHERE activity_id = ${ids.actB} AND account_number = '512000'`,
    );
    expect(Number(cash!.cash)).toBe(50_000 + bruno.shortfallCents);
    const slip = (await clients.accountant!.get('/payroll/slips?month=2026-03')).body.find(
      (s: { memberId: string }) => s.memberId === ids.bruno,
    );
    expect(slip.advanceCents).toBe(bruno.shortfallCents);
  }, 120_000);

  it('pays the net salaries: a valid SEPA pain.001.001.03 file, then the payment entries once confirmed', async () => {
    // Bruno's IBAN fails its checksum (written past the API, which refuses it): he is left out, with the reason.
    await ctx.db.execute(
      sql`UPDATE members SET iban = 'FR7630006000011234567890188' WHERE id = ${ids.bruno}`,
    );
    const body = { month: '2026-03', executionDate: '2026-03-31' };
    expect((await clients.manager!.post('/payroll/payments', body)).status).toBe(403);
    expect(
      (await clients.accountant!.post('/payroll/payments', { ...body, executionDate: '2026-03-19' })).body
        .code,
    ).toBe('PAYROLL_EXECUTION_DATE_INVALID');
    expect(
      (await clients.accountant!.post('/payroll/payments', { ...body, month: '2026-01' })).body.code,
    ).toBe('PAYROLL_NOTHING_TO_PAY');
    const prepared = await clients.accountant!.post('/payroll/payments', body);
    expect(prepared.status, prepared.text).toBe(201);
    const alice = (await clients.accountant!.get('/payroll/slips?month=2026-03')).body.find(
      (s: { memberId: string }) => s.memberId === ids.alice,
    );
    expect(prepared.body.payment).toMatchObject({
      status: 'prepared',
      transferCount: 1,
      totalCents: alice.netBeforeIncomeTaxCents,
      messageId: 'MUTUA-SAL-202603-1',
    });
    expect(prepared.body.excluded).toEqual([
      { memberId: ids.bruno, memberName: 'Bruno Bourdon', reason: 'IBAN ou BIC invalide' },
    ]);
    const id = prepared.body.payment.id;
    const file = await clients.accountant!.get(`/payroll/payments/${id}/sepa`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/xml');
    expect(file.text).toContain('<IBAN>FR1420041010050500013M02606</IBAN>');
    expect(file.text).toContain('<IBAN>FR7630006000011234567890189</IBAN>'); // the cooperative, debtor
    expect(file.text).toContain(
      `<InstdAmt Ccy="EUR">${(alice.netBeforeIncomeTaxCents / 100).toFixed(2)}</InstdAmt>`,
    );
    expect(file.text).toContain('<Nm>Cooperative Mutua Demo</Nm>');
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
    expect((await clients.member!.get(`/payroll/payments/${id}/sepa`)).status).toBe(403);

    const before = await treasury(ids.actA!);
    const confirmed = await clients.accountant!.post(`/payroll/payments/${id}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    // Paying a salary owed moves money, not the treasury: D 421 · C 512 on the activity.
    expect(await treasury(ids.actA!)).toBe(before);
    const [owed] = await queryRows<{ owed: string }>(
      ctx.db,
      sql`SELECT coalesce(sum(credit_cents - debit_cents), 0)::text AS owed FROM ledger_entry_lines l
          JOIN ledger_entries e ON e.id = l.entry_id
          WHERE l.account_number = '421000' AND l.activity_id = ${ids.actA} AND e.entry_date >= '2026-03-01'`,
    );
    expect(Number(owed!.owed)).toBe(0);
    expect((await clients.accountant!.post(`/payroll/payments/${id}/confirm`)).status).toBe(409);
    const mine = await clients.member!.get('/payroll/slips/mine');
    expect(mine.body.find((s: { month: string }) => s.month === '2026-03').paidOn).toBe('2026-03-31');
    // Nothing left to pay for Alice; a record once paid never changes.
    await expect(
      ctx.db.execute(
        sql`UPDATE payroll_slips SET gross_cents = 1 WHERE member_id = ${ids.alice} AND month = '2026-03-01'`,
      ),
    ).rejects.toThrow();
    await expect(
      ctx.db.execute(sql`DELETE FROM payroll_slips WHERE member_id = ${ids.alice}`),
    ).rejects.toThrow();
  }, 120_000);

  it('exports the month’s payroll variables as CSV for the payroll provider', async () => {
    const res = await clients.accountant!.get('/payroll/exports/variables?month=2026-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = res.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toContain('Salaire brut;Cotisations salariales');
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.includes('Alice Abeille'))).toContain(';2500,00;');
    expect(rows.find((r) => r.includes('Chloé Cigale'))).toContain(';CAPE;');
    expect((await clients.member!.get('/payroll/exports/variables?month=2026-03')).status).toBe(403);
  });

  it('refuses a month in a locked period or a closed fiscal year', async () => {
    const [y] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM fiscal_years WHERE start_date = '2025-01-01'`,
    );
    await closeFiscalYear(ctx, systemActor, Number(y!.id));
    const closed = await clients.accountant!.post('/payroll/runs/preview', { month: '2025-12' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('PAYROLL_MONTH_CLOSED');
    // The year-end true-up of 2025: what is left after every charge, as a variable part, paid by one month
    // after the assembly.
    expect(
      (
        await clients.member!.post('/payroll/true-up', {
          fiscalYearId: Number(y!.id),
          assemblyDate: '2026-06-15',
        })
      ).status,
    ).toBe(403);
    const early = await clients.accountant!.post('/payroll/true-up', {
      fiscalYearId: Number(y!.id),
      assemblyDate: '2025-12-31',
    });
    expect(early.body.code).toBe('PAYROLL_ASSEMBLY_BEFORE_YEAR_END');
    expect(
      (await clients.accountant!.post('/payroll/true-up', { fiscalYearId: 9999, assemblyDate: '2026-06-15' }))
        .status,
    ).toBe(404);
    const trueUp = await clients.accountant!.post('/payroll/true-up', {
      fiscalYearId: Number(y!.id),
      assemblyDate: '2026-06-15',
    });
    expect(trueUp.status, trueUp.text).toBe(200);
    expect(trueUp.body).toMatchObject({ payBy: '2026-07-15', pricingMonth: '2026-07' });
    const abeille = trueUp.body.activities.find(
      (a: { activityCode: string }) => a.activityCode === 'ABEILLE',
    );
    expect(abeille).toMatchObject({ resultCents: 10_000, variablePartCents: 10_000 });
    expect(abeille.members[0].memberId).toBe(ids.alice);
    expect(abeille.members[0].employerCostCents).toBeLessThanOrEqual(10_000);
    const sim = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: abeille.members[0].variableGrossCents + 1,
      month: '2026-07',
    });
    expect(sim.body.employerCostCents).toBeGreaterThan(10_000);
    const bourdon = trueUp.body.activities.find(
      (a: { activityCode: string }) => a.activityCode === 'BOURDON',
    );
    expect(bourdon).toMatchObject({ resultCents: 0, variablePartCents: 0 });

    await setLockDate(ctx, systemActor, '2026-01-31');
    const locked = await clients.accountant!.post('/payroll/runs', { month: '2026-01' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('PAYROLL_MONTH_LOCKED');
  }, 120_000);
});
