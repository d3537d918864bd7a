import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { monthBounds } from '../../core/payroll/payroll-basis-for-month.ts';
import { addMonths } from '../../core/payroll/payroll-month.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { seededRandom } from '../members/seeded-random.ts';
import { confirmSalaryPayment } from './confirm-salary-payment.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { prepareSalaryPayment } from './prepare-salary-payment.ts';
import { runPayroll } from './run-payroll.ts';
import { sharedSalaryCalculator } from './shared-salary-calculator.ts';

/** Refusals that mean "this month is already done, or cannot be any more": the demo moves on. */
const skipped = new Set([
  'PAYROLL_MONTH_ALREADY_RUN',
  'PAYROLL_MONTH_CLOSED',
  'PAYROLL_MONTH_LOCKED',
  'PAYROLL_NOBODY_TO_PAY',
]);

/**
 * The demo's payroll (issue 10), through the same use cases as the accountant: an approved salary plan for each
 * salaried member but Camille (who keeps her fixed part, so her own journey in the browser starts from a
 * treasury), then the twelve months ended before today: the run (rules engine, treasury
 * checked: a member whose activity cannot bear the salary is refused, as in real life), the net salaries paid
 * on the month's last day, the contributions paid on the 15th of the next month. Deterministic; run again, it
 * adds nothing. Call it before 2025 is closed.
 */
export async function seedDemoPayroll(
  ctx: AppContext,
  calculator: SalaryCalculator = sharedSalaryCalculator(),
) {
  const today = dateInTimeZone(ctx.now());
  if (today < '2025-02-01') return { runs: 0 };
  await seedDemoPlans(ctx);
  let runs = 0;
  // A year of payroll: the twelve months ended before today.
  const lastEnded =
    monthBounds(today.slice(0, 7)).last === today ? today.slice(0, 7) : addMonths(today.slice(0, 7), -1);
  for (let month = addMonths(lastEnded, -11); month <= lastEnded; month = addMonths(month, 1)) {
    try {
      await runPayroll(ctx, systemActor, calculator, { month });
      runs++;
    } catch (error) {
      if (error instanceof AppError && skipped.has(error.code)) continue;
      throw error;
    }
    const { last } = monthBounds(month);
    try {
      const { payment } = await prepareSalaryPayment(
        ctx,
        systemActor,
        { month, executionDate: last },
        { replayPast: true },
      );
      await confirmSalaryPayment(ctx, systemActor, payment.id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'PAYROLL_NOTHING_TO_PAY')) throw error;
    }
    await payContributions(ctx, month, today);
  }
  return { runs };
}

/** One approved plan per salaried member (1 000 to 1 600 € gross, never below the fixed part), from the CESA's first month. */
async function seedDemoPlans(ctx: AppContext) {
  const members = await queryRows<{
    id: string;
    first_name: string;
    contract_id: string;
    start: string;
    fixed: string;
  }>(
    ctx.db,
    sql`SELECT m.id, m.first_name, j.id AS contract_id, to_char(j.on_date, 'YYYY-MM') AS start,
               j.fixed_monthly_cents::text AS fixed
        FROM members m JOIN journey_entries j ON j.member_id = m.id AND j.kind = 'cesa'
        WHERE m.email IS DISTINCT FROM 'camille@demo.mutua.coop'
          AND NOT EXISTS (SELECT 1 FROM salary_plans p WHERE p.member_id = m.id)
        ORDER BY m.last_name, m.first_name, j.on_date`,
  );
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    const random = seededRandom(
      [...`${m.first_name}:plan`].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261),
    );
    const gross = Math.max(Number(m.fixed), random.int(10, 16) * 10_000);
    await ctx.db.transaction(async (tx) => {
      const [plan] = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO salary_plans (member_id, contract_id, from_month, monthly_gross_cents, fixed_part_cents, status,
                                      note, proposed_at, decided_at, decision_note)
            VALUES (${m.id}, ${m.contract_id}, ${`${m.start}-01`}::date, ${gross}, ${Number(m.fixed)}, 'approved',
                    'Salaire lissé (démo)', ${ctx.now()}, ${ctx.now()}, 'Approuvé (démo)')
            RETURNING id`,
      );
      await recordAudit(tx, systemActor, {
        action: 'salary_plan.approved',
        objectType: 'salary_plan',
        objectId: plan!.id,
        changes: { memberId: m.id, fromMonth: m.start, monthlyGrossCents: gross, demo: true },
      });
    });
  }
}

/** The month's contributions paid to the URSSAF and the other bodies on the 15th of the next month (D 431/437 · C 512). */
async function payContributions(ctx: AppContext, month: string, today: string) {
  const due = `${addMonths(month, 1)}-15`;
  if (due > today) return;
  const rows = await queryRows<{ activity_id: string; account_number: string; amount: string }>(
    ctx.db,
    sql`SELECT l.activity_id, l.account_number, sum(l.credit_cents - l.debit_cents)::text AS amount
        FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
        WHERE e.journal_code = 'SAL' AND e.entry_date = ${monthBounds(month).last}::date
          AND e.idempotency_key LIKE ${`payroll:${month}:%`} AND l.account_number IN ('431000', '437000')
        GROUP BY l.activity_id, l.account_number ORDER BY l.activity_id, l.account_number`,
  );
  const byActivity = new Map<string, { account: string; cents: bigint }[]>();
  for (const r of rows) {
    if (BigInt(r.amount) <= 0n) continue;
    byActivity.set(r.activity_id, [
      ...(byActivity.get(r.activity_id) ?? []),
      { account: r.account_number, cents: BigInt(r.amount) },
    ]);
  }
  const entries: PostEntryInput[] = [...byActivity].map(([activityId, parts]) => ({
    journalCode: 'BQ',
    entryDate: due,
    pieceRef: `COTIS-${month}`,
    pieceDate: due,
    label: `Cotisations sociales ${month}`,
    source: { type: 'bank_line', id: `contributions-${month}-${activityId}` },
    idempotencyKey: `demo:payroll-contributions:${month}:${activityId}`,
    lines: [
      ...parts.map((p) => ({ accountNumber: p.account, activityId, debitCents: p.cents })),
      { accountNumber: '512000', activityId, creditCents: parts.reduce((s, p) => s + p.cents, 0n) },
    ],
  }));
  if (entries.length > 0) await postEntries(ctx, systemActor, entries);
}
