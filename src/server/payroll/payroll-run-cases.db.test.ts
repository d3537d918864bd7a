import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEuros } from '../../core/sales/format-fr.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { getAvailableTreasury } from '../ledger/get-available-treasury.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { lacksSystemTool } from '../testing/system-tool.ts';
import { createTestClient, type TestClient } from '../testing/test-client.ts';
import { renderPayslip } from './render-payslip.ts';
import { closeSharedSalaryCalculator, sharedSalaryCalculator } from './shared-salary-calculator.ts';

// The cases of a payroll run the main journey does not cover (payroll-runs.db.test.ts): incomplete months,
// the treasury of the month's end, advances checked against their fund and repaid.

let ctx: TestContext;
let people: Awaited<ReturnType<typeof seedTestPeople>>;
const clients: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

/** Cash on an activity: a client payment received (D 512 · C 706). */
async function cash(activityId: string, cents: bigint, key: string, date: string) {
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

const treasury = async (activityId: string) =>
  Number((await getAvailableTreasury(ctx.db, activityId)).availableTreasuryCents);

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.setNow('2026-04-05T09:00:00Z');
  people = await seedTestPeople(ctx);
  for (const [i, role] of ['manager', 'accountant', 'support', 'member'].entries()) {
    clients[role] = createTestClient(ctx, { ip: `10.15.0.${i + 1}` });
    await clients[role].logIn(`${role}@test.coop`, testPassword);
  }
  const support = clients.support!;
  const member = async (
    first: string,
    last: string,
    cesa: { start: string; fixed: number },
    userId?: string,
  ) => {
    const res = await support.post('/members', {
      firstName: first,
      lastName: last,
      referentId: people.support.id,
      ...(userId ? { userId } : {}),
    });
    expect(res.status, res.text).toBe(201);
    const j = await support.post(`/members/${res.body.id}/journey`, {
      kind: 'cesa',
      start: cesa.start,
      trialEnd: null,
      fixedMonthlyCents: cesa.fixed,
    });
    expect(j.status, j.text).toBe(201);
    return res.body.id as string;
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
  // Emma starts her CESA on 16 March at €6,000 a month: March is an incomplete month, its pay above the
  // month's prorated social-security ceiling.
  ids.emma = await member('Emma', 'Escargot', { start: '2026-03-16', fixed: 600_000 }, people.member.id);
  // The employer's identity the payslips print.
  const settings = await clients.manager!.post('/payroll/settings', {
    validFrom: '2026-01-01',
    headcountClass: '50-149',
    workAccidentRateBp: null,
    transportLevyRateBp: 0,
    healthPlan: { monthlyPremiumCents: 4_000, employerShareBp: 5_000 },
    providentPlan: { employerRateBp: 0, employeeRateBp: 0 },
    safetyBufferCents: 100_000,
    establishmentSiret: '12345678900012',
    apeCode: '70.22Z',
    collectiveAgreement: 'Syntec (IDCC 1486)',
  });
  expect(settings.status, settings.text).toBe(201);
  ids.actE = await activity('ESCARGOT', ids.emma);
  // Henri's activity made 5 000 € in 2025 that no salary took: the year's true-up.
  ids.henri = await member('Henri', 'Hibou', { start: '2025-01-01', fixed: 50_000 });
  ids.actH = await activity('HIBOU', ids.henri);
  await cash(ids.actH, 500_000n, 'H2025', '2025-11-15');
  await cash(ids.actE, 1_000_000n, 'E1', '2026-01-15');
  // Félix's activity has nothing in March; two mutual funds, a small one and a large one.
  ids.felix = await member('Félix', 'Fourmi', { start: '2025-06-01', fixed: 150_000 });
  ids.actF = await activity('FOURMI', ids.felix);
  ids.smallFund = await activity('PETIT-FONDS', null, 'fund');
  ids.bigFund = await activity('GRAND-FONDS', null, 'fund');
  await cash(ids.smallFund, 10_000n, 'P1', '2026-01-15');
  await cash(ids.bigFund, 3_000_000n, 'G1', '2026-01-15');
  // Gaston's activity gets its first revenue in May.
  ids.gaston = await member('Gaston', 'Guêpe', { start: '2026-01-01', fixed: 120_000 });
  ids.actG = await activity('GUEPE', ids.gaston);
  await sharedSalaryCalculator().ready();
}, 300_000);
afterAll(async () => {
  await closeSharedSalaryCalculator();
  await ctx?.close();
});

describe('payroll run: incomplete months', () => {
  it('pays a contract starting during the month for its calendar days (16 of 31 in March)', async () => {
    const preview = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-03' });
    expect(preview.status, preview.text).toBe(200);
    const emma = preview.body.lines.find((l: { memberId: string }) => l.memberId === ids.emma);
    // 6 000,00 € × 16 / 31 = 3 096,77 €.
    expect(emma).toMatchObject({
      status: 'ready',
      basis: 'fixed_part',
      grossCents: 309_677,
      period: {
        from: '2026-03-16',
        to: '2026-03-31',
        daysPaid: 16,
        monthDays: 31,
        fullMonthGrossCents: 600_000,
      },
    });
    // Priced by the rules engine as an incomplete month (prorated ceiling and SMIC): what the simulator gives
    // for the monthly gross paid 16 days of March, line by line.
    const sim = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 600_000,
      month: '2026-03',
      daysPaid: 16,
    });
    expect(sim.status, sim.text).toBe(200);
    expect(sim.body).toMatchObject({
      grossCents: 309_677,
      employerCostCents: emma.employerCostCents,
      netBeforeIncomeTaxCents: emma.netBeforeIncomeTaxCents,
      period: { daysPaid: 16, monthDays: 31, fullMonthGrossCents: 600_000 },
    });
    const tooMany = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 100_000,
      month: '2026-02',
      daysPaid: 29,
    });
    expect(tooMany.status).toBe(422);

    const before = await treasury(ids.actE!);
    const run = await clients.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(run.status, run.text).toBe(201);
    expect(await treasury(ids.actE!)).toBe(before - emma.employerCostCents);
    const [slip] = (await clients.accountant!.get('/payroll/slips?month=2026-03')).body;
    expect(slip).toMatchObject({ grossCents: 309_677, period: { from: '2026-03-16', to: '2026-03-31' } });
    // The capped old-age contribution on the ceiling of 16 days: 6,90 % × 4 005 € × 16 / 31 = 142,63 €, not on
    // the whole pay (213,68 €); the record's lines are the simulator's.
    const oldAge = (lines: { rule: string; amountCents: number }[]) =>
      lines.find((l) => l.rule.endsWith('vieillesse . plafonnée . salarié'))?.amountCents;
    expect(oldAge(slip.lines)).toBe(14_263);
    expect(slip.lines).toEqual(sim.body.lines);
    const csv = await clients.accountant!.get('/payroll/exports/variables?month=2026-03');
    expect(csv.text).toContain('2026-03-16');
    // April is a whole month: the fixed part itself.
    const april = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-04' });
    const whole = april.body.lines.find((l: { memberId: string }) => l.memberId === ids.emma);
    expect(whole).toMatchObject({ grossCents: 600_000, period: null });
    const [row] = await queryRows<{ from: string; to: string }>(
      ctx.db,
      sql`SELECT period_from::text AS from, period_to::text AS to FROM payroll_slips WHERE member_id = ${ids.emma}`,
    );
    expect(row).toEqual({ from: '2026-03-16', to: '2026-03-31' });
  }, 180_000);
});

describe('payslips', () => {
  it('draws the payslip with the mentions of R3243-1, for the member and for the accountant only', async () => {
    const [slip] = (await clients.accountant!.get('/payroll/slips?month=2026-03')).body;
    const res = await clients.accountant!.get(`/payroll/slips/${slip.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('bulletin-2026-03-Escargot-Emma.pdf');
    // Emma's own account sees it; support staff (who do not read the payroll) are told it does not exist.
    expect((await clients.member!.get(`/payroll/slips/${slip.id}/pdf`)).status).toBe(200);
    expect((await clients.support!.get(`/payroll/slips/${slip.id}/pdf`)).status).toBe(404);
    expect((await createTestClient(ctx).get(`/payroll/slips/${slip.id}/pdf`)).status).toBe(401);
    const accountant = { ...systemActor, userId: people.accountant.id, roles: ['accountant' as const] };
    const { pdf } = await renderPayslip(ctx.db, accountant, slip.id);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    // The same record gives the same bytes.
    const again = await renderPayslip(ctx.db, accountant, slip.id);
    expect(Buffer.from(again.pdf).equals(Buffer.from(pdf))).toBe(true);
    if (!lacksSystemTool('pdftotext')) {
      const file = join(mkdtempSync(join(tmpdir(), 'payslip-')), 'slip.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
        .toString('utf8')
        .replace(/\s+/g, ' ');
      const euros = (cents: number) => formatEuros(cents).replace(/\s+/g, ' ');
      for (const expected of [
        'Bulletin de paie — mars 2026',
        'SIRET 12345678900012',
        'Code APE : 70.22Z',
        'Convention collective : Syntec (IDCC 1486)',
        'Emma Escargot',
        'Période du 16/03/2026 au 31/03/2026',
        '16 jours calendaires sur 31',
        `Salaire brut ${euros(309_677)}`,
        euros(14_263), // the capped old-age contribution on the prorated ceiling
        'Part salarié·e',
        'Part employeur',
        `Montant net social ${euros(slip.netSocialCents)}`,
        `Net à payer avant impôt sur le revenu ${euros(slip.netBeforeIncomeTaxCents)}`,
        `Net payé ${euros(slip.netBeforeIncomeTaxCents)}`,
        `Coût total pour l’employeur ${euros(slip.employerCostCents)}`,
        'conservez ce bulletin de paie sans limitation de durée',
      ])
        expect(text, expected).toContain(expected);
      // Every contribution of the record is on the slip.
      for (const line of slip.lines)
        expect(text, line.label).toContain(line.label.replace(/\s+/g, ' ').slice(0, 18));
    }
  }, 120_000);
});

describe('advances from a mutual fund', () => {
  const lineOf = (body: { lines: { memberId: string }[] }, id: string) =>
    body.lines.find((l) => l.memberId === id) as Record<string, any>;
  const advance = async (id: string) =>
    (
      await queryRows<{ advanced: string; repaid: string }>(
        ctx.db,
        sql`SELECT advanced_cents::text AS advanced, repaid_cents::text AS repaid FROM payroll_advances WHERE id = ${id}`,
      )
    )[0]!;

  it('refuses an advance its fund cannot cover, with the reason; pays on one it can', async () => {
    const march = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-03' });
    const felix = lineOf(march.body, ids.felix!);
    expect(felix).toMatchObject({ status: 'refused', treasuryBeforeCents: 0 });
    expect(felix.shortfallCents).toBe(felix.employerCostCents);
    const body = { memberId: ids.felix, month: '2026-03', fundActivityId: ids.smallFund, note: '' };
    const short = await clients.manager!.post('/payroll/advances', body);
    expect(short.status, short.text).toBe(422);
    expect(short.body.code).toBe('PAYROLL_FUND_SHORT');
    expect(short.body.detail).toContain('PETIT-FONDS');
    expect(short.body.detail).toContain('100,00');
    const ok = await clients.manager!.post('/payroll/advances', { ...body, fundActivityId: ids.bigFund });
    expect(ok.status, ok.text).toBe(201);
    ids.advance = ok.body.id;
    const fundBefore = await treasury(ids.bigFund!);
    const run = await clients.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(run.status, run.text).toBe(201);
    const paid = lineOf(run.body, ids.felix!);
    expect(paid).toMatchObject({ status: 'advance', shortfallCents: felix.employerCostCents });
    expect(await advance(ids.advance!)).toEqual({ advanced: String(paid.shortfallCents), repaid: '0' });
    // The loan moves cash, not the fund's available treasury (it is owed the amount, 467).
    expect(await treasury(ids.bigFund!)).toBe(fundBefore);
    ids.marchCost = String(paid.employerCostCents);
  }, 180_000);

  it("repays the advance from the activity's next revenue, in the next run, through the ledger", async () => {
    await cash(ids.actF!, 600_000n, 'F1', '2026-04-02');
    ctx.setNow('2026-05-05T09:00:00Z');
    await clients.accountant!.logIn('accountant@test.coop', testPassword); // a month later: a new session
    const preview = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-04' });
    expect(preview.status, preview.text).toBe(200);
    const marchCost = Number(ids.marchCost);
    expect(preview.body.repayments).toEqual([
      {
        advanceId: ids.advance,
        month: '2026-03',
        activityId: ids.actF,
        activityCode: 'FOURMI',
        fundActivityId: ids.bigFund,
        fundCode: 'GRAND-FONDS',
        outstandingCents: marchCost,
        amountCents: marchCost,
      },
    ]);
    const fundCash = async () =>
      Number(
        (
          await queryRows<{ cash: string }>(
            ctx.db,
            sql`SELECT coalesce(sum(debit_cents - credit_cents), 0)::text AS cash FROM ledger_balances
                WHERE activity_id = ${ids.bigFund} AND account_number = '512000'`,
          )
        )[0]!.cash,
      );
    const cashBefore = await fundCash();
    const before = await treasury(ids.actF!);
    const run = await clients.accountant!.post('/payroll/runs', { month: '2026-04' });
    expect(run.status, run.text).toBe(201);
    const april = lineOf(run.body, ids.felix!);
    expect(april.status).toBe('ready');
    // The fund has its cash back; the activity's available treasury fell by April's salary only.
    expect(await fundCash()).toBe(cashBefore + marchCost);
    expect(await treasury(ids.actF!)).toBe(before - april.employerCostCents);
    expect(await advance(ids.advance!)).toEqual({ advanced: String(marchCost), repaid: String(marchCost) });
    const entries = await queryRows<{ journal_code: string; debit: string; credit: string }>(
      ctx.db,
      sql`SELECT e.journal_code, sum(l.debit_cents)::text AS debit, sum(l.credit_cents)::text AS credit
          FROM ledger_entries e JOIN ledger_entry_lines l ON l.entry_id = e.id
          WHERE e.source_type = 'payroll_advance_repayment' AND e.source_id = ${ids.advance}
          GROUP BY e.id, e.journal_code`,
    );
    expect(entries).toEqual([
      { journal_code: 'CTB', debit: String(marchCost * 2), credit: String(marchCost * 2) },
    ]);
    const [row] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM payroll_advance_repayments WHERE advance_id = ${ids.advance}`,
    );
    expect(row!.n).toBe(1);
    // Nothing is left to repay.
    ctx.setNow('2026-06-05T09:00:00Z');
    await clients.accountant!.logIn('accountant@test.coop', testPassword);
    const may = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-05' });
    expect(may.body.repayments).toEqual([]);
  }, 180_000);
});

describe("the treasury of the month's end", () => {
  it('checks each salary against the treasury at the end of the month run, not today', async () => {
    // Now 5 June: 9 000 € reached GUEPE on 10 May. April's salary cannot count on it; May's can.
    await cash(ids.actG!, 900_000n, 'G-MAI', '2026-05-10');
    expect(await treasury(ids.actG!)).toBe(900_000);
    const april = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-04' });
    expect(april.status, april.text).toBe(200);
    const a = april.body.lines.find((l: { memberId: string }) => l.memberId === ids.gaston);
    expect(a).toMatchObject({ status: 'refused', treasuryBeforeCents: 0 });
    expect(a.refusal.code).toBe('PAYROLL_TREASURY_SHORT');
    const may = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-05' });
    const m = may.body.lines.find((l: { memberId: string }) => l.memberId === ids.gaston);
    expect(m).toMatchObject({ status: 'ready', treasuryBeforeCents: 900_000 });
    // A payment made after the month's end does not lower it either.
    await postEntries(ctx, systemActor, [
      {
        journalCode: 'BQ',
        entryDate: '2026-06-02',
        pieceRef: 'ACHAT-JUIN',
        pieceDate: '2026-06-02',
        label: 'Achat de juin',
        source: { type: 'bank_line', id: 'ACHAT-JUIN' },
        idempotencyKey: 'test:ACHAT-JUIN',
        lines: [
          { accountNumber: '604000', activityId: ids.actG!, debitCents: 800_000n },
          { accountNumber: '512000', activityId: ids.actG!, creditCents: 800_000n },
        ],
      },
    ]);
    const again = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-05' });
    const g = again.body.lines.find((l: { memberId: string }) => l.memberId === ids.gaston);
    expect(g).toMatchObject({ status: 'ready', treasuryBeforeCents: 900_000 });
  }, 180_000);
});

describe('year-end true-up posted', () => {
  it("accrues the variable part at the year's end (4286), then pays it", async () => {
    const [year] = await queryRows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM fiscal_years WHERE start_date = '2025-01-01'`,
    );
    const fiscalYearId = Number(year!.id);
    const request = { fiscalYearId, assemblyDate: '2026-06-01' };
    for (const role of ['manager', 'member']) await clients[role]!.logIn(`${role}@test.coop`, testPassword);
    expect((await clients.member!.post('/payroll/true-up/accrue', request)).status).toBe(403);
    expect((await clients.manager!.post('/payroll/true-up/accrue', request)).status).toBe(403);
    const early = await clients.accountant!.post('/payroll/true-up/pay', {
      fiscalYearId,
      paidOn: '2026-06-05',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYROLL_TRUE_UP_NOT_ACCRUED');
    const proposal = await clients.accountant!.post('/payroll/true-up', request);
    const henriProposal = proposal.body.activities
      .find((a: { activityCode: string }) => a.activityCode === 'HIBOU')
      .members.find((m: { memberId: string }) => m.memberId === ids.henri);
    expect(henriProposal.variableGrossCents).toBeGreaterThan(0);
    const treasuryBefore = await treasury(ids.actH!);
    const accrued = await clients.accountant!.post('/payroll/true-up/accrue', request);
    expect(accrued.status, accrued.text).toBe(201);
    expect(accrued.body).toEqual([
      expect.objectContaining({
        memberId: ids.henri,
        activityCode: 'HIBOU',
        grossCents: henriProposal.variableGrossCents,
        employerCostCents: henriProposal.employerCostCents,
        payBy: '2026-07-01',
        paidOn: null,
        late: false,
      }),
    ]);
    expect(henriProposal.employerCostCents).toBeLessThanOrEqual(500_000);
    // The activity bears the employer cost in the year that earned it.
    expect(await treasury(ids.actH!)).toBe(treasuryBefore - henriProposal.employerCostCents);
    const balance = async (account: string) =>
      Number(
        (
          await queryRows<{ b: string }>(
            ctx.db,
            sql`SELECT coalesce(sum(credit_cents - debit_cents), 0)::text AS b FROM ledger_balances
                WHERE activity_id = ${ids.actH} AND account_number = ${account}`,
          )
        )[0]!.b,
      );
    expect(await balance('428600')).toBe(henriProposal.variableGrossCents);
    expect(await balance('438600')).toBe(henriProposal.employerCostCents - henriProposal.variableGrossCents);
    const [accrual] = await queryRows<{ journal_code: string; entry_date: string; d: string; c: string }>(
      ctx.db,
      sql`SELECT e.journal_code, e.entry_date::text, sum(l.debit_cents)::text AS d, sum(l.credit_cents)::text AS c
          FROM ledger_entries e JOIN ledger_entry_lines l ON l.entry_id = e.id
          WHERE e.idempotency_key = ${`payroll-true-up-accrual:${fiscalYearId}:${ids.henri}`}
          GROUP BY e.id`,
    );
    expect(accrual).toMatchObject({ journal_code: 'OD', entry_date: '2025-12-31' });
    expect(accrual!.d).toBe(accrual!.c);
    const twice = await clients.accountant!.post('/payroll/true-up/accrue', request);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('PAYROLL_TRUE_UP_ALREADY_ACCRUED');

    const treasuryAccrued = await treasury(ids.actH!);
    const owedBefore = await balance('421000'); // the monthly salaries not transferred yet
    const paid = await clients.accountant!.post('/payroll/true-up/pay', {
      fiscalYearId,
      paidOn: '2026-06-05',
    });
    expect(paid.status, paid.text).toBe(200);
    expect(paid.body[0]).toMatchObject({ paidOn: '2026-06-05', late: false });
    // The accrual is settled; the treasury does not move again; the net left the bank.
    expect(await balance('428600')).toBe(0);
    expect(await balance('438600')).toBe(0);
    expect(await treasury(ids.actH!)).toBe(treasuryAccrued);
    expect(await balance('421000')).toBe(owedBefore);
    const again = await clients.accountant!.post('/payroll/true-up/pay', {
      fiscalYearId,
      paidOn: '2026-06-05',
    });
    expect(again.body.code).toBe('PAYROLL_TRUE_UP_PAID');
    const list = await clients.accountant!.get(`/payroll/true-ups?fiscalYearId=${fiscalYearId}`);
    expect(list.body).toHaveLength(1);
    const audit = await queryRows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_log WHERE object_type = 'payroll_true_up' ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['payroll.true_up.accrue', 'payroll.true_up.pay']);
  }, 240_000);
});

describe('the SEPA file of a batch', () => {
  it('is stored once when prepared; a download serves those very bytes', async () => {
    await clients.support!.logIn('support@test.coop', testPassword);
    const iban = async (value: string) =>
      expect(
        (await clients.support!.patch(`/members/${ids.emma}`, { iban: value, bic: 'PSSTFRPPPAR' })).status,
      ).toBe(200);
    await iban('FR14 2004 1010 0505 0001 3M02 606');
    const prepared = await clients.accountant!.post('/payroll/payments', {
      month: '2026-03',
      executionDate: '2026-06-08',
    });
    expect(prepared.status, prepared.text).toBe(201);
    const id = prepared.body.payment.id;
    const first = await clients.accountant!.get(`/payroll/payments/${id}/sepa`);
    expect(first.status).toBe(200);
    expect(first.text).toContain('FR1420041010050500013M02606');
    const [row] = await queryRows<{ sha: string; stored: string }>(
      ctx.db,
      sql`SELECT p.file_sha256 AS sha, convert_from(f.bytes, 'UTF8') AS stored
          FROM payroll_payments p JOIN files f ON f.sha256 = p.file_sha256 WHERE p.id = ${id}`,
    );
    expect(row!.stored).toBe(first.text);
    expect(createHash('sha256').update(first.text).digest('hex')).toBe(row!.sha);
    // The member's bank details change afterwards: the file prepared does not.
    await iban('FR76 3000 6000 0112 3456 7890 189');
    const second = await clients.accountant!.get(`/payroll/payments/${id}/sepa`);
    expect(second.text).toBe(first.text);
  }, 120_000);
});
