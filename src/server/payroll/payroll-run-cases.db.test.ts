import { execFileSync } from 'node:child_process';
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
  // Emma starts her CESA on 16 March: March is an incomplete month.
  ids.emma = await member('Emma', 'Escargot', { start: '2026-03-16', fixed: 100_000 }, people.member.id);
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
  await cash(ids.actE, 1_000_000n, 'E1', '2026-01-15');
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
    // 1 000,00 € × 16 / 31 = 516,13 €.
    expect(emma).toMatchObject({
      status: 'ready',
      basis: 'fixed_part',
      grossCents: 51_613,
      period: {
        from: '2026-03-16',
        to: '2026-03-31',
        daysPaid: 16,
        monthDays: 31,
        fullMonthGrossCents: 100_000,
      },
    });
    // Priced by the rules engine on the prorated gross.
    const sim = await clients.member!.post('/payroll/simulate', {
      from: 'gross',
      amountCents: 51_613,
      month: '2026-03',
    });
    expect(emma.employerCostCents).toBe(sim.body.employerCostCents);
    const before = await treasury(ids.actE!);
    const run = await clients.accountant!.post('/payroll/runs', { month: '2026-03' });
    expect(run.status, run.text).toBe(201);
    expect(await treasury(ids.actE!)).toBe(before - emma.employerCostCents);
    const [slip] = (await clients.accountant!.get('/payroll/slips?month=2026-03')).body;
    expect(slip).toMatchObject({ grossCents: 51_613, period: { from: '2026-03-16', to: '2026-03-31' } });
    const csv = await clients.accountant!.get('/payroll/exports/variables?month=2026-03');
    expect(csv.text).toContain('2026-03-16');
    // April is a whole month: the fixed part itself.
    const april = await clients.accountant!.post('/payroll/runs/preview', { month: '2026-04' });
    const whole = april.body.lines.find((l: { memberId: string }) => l.memberId === ids.emma);
    expect(whole).toMatchObject({ grossCents: 100_000, period: null });
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
        `Salaire brut ${euros(51_613)}`,
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
