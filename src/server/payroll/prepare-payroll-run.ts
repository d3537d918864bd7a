import { asc, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { describeError, type ErrorCode } from '../../core/errors/error-catalog.ts';
import type { Locale } from '../../core/i18n/locale.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import { checkPayrollTreasury } from '../../core/payroll/check-payroll-treasury.ts';
import {
  monthBounds,
  type PayrollBasis,
  payrollBasisForMonth,
} from '../../core/payroll/payroll-basis-for-month.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollRunLine, PayrollRunPreview } from '../../core/payroll/payroll-run-schemas.ts';
import { planAdvanceRepayments } from '../../core/payroll/plan-advance-repayments.ts';
import type { SalaryPlanStatus } from '../../core/payroll/salary-plan.ts';
import type { SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { toJourneyEntry } from '../members/journey-rows.ts';
import { journeyEntries } from '../members/members-tables.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { loadPayrollSettings } from './load-payroll-settings.ts';
import { salaryRulesSource } from './salary-rules.ts';
import { assertSalaryRulesKnown } from './simulate-salary.ts';

/** Euros as the messages print them: 1234,50. */
export const eurosText = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

/** A line of the run with what the run needs to write it. */
export type PreparedLine = PayrollRunLine & {
  basisDetail: PayrollBasis;
  figures: SalaryFigures | null;
  advance: { id: string; fundActivityId: string } | null;
};

export type PreparedRun = PayrollRunPreview & {
  prepared: PreparedLine[];
  /** What each mutual fund can still lend: its available treasury minus what it has lent and not got back. */
  fundCapacity: Map<string, number>;
};

const zeroFigures: SalaryFigures = {
  grossCents: 0,
  netSocialCents: 0,
  netBeforeIncomeTaxCents: 0,
  netTaxableCents: 0,
  employerCostCents: 0,
  employeeContributionsCents: 0,
  employerContributionsCents: 0,
  lines: [],
};

/**
 * Refuses a run the books cannot take: a month not begun yet, rules the engine does not know, or a month whose
 * last day (the payroll entries' date) is in a closed fiscal year or on or before the lock date (ledger.md,
 * invariant 5).
 */
export async function assertMonthOpenForPayroll(ctx: Pick<AppContext, 'db' | 'now'>, month: PayrollMonth) {
  const { first, last } = monthBounds(month);
  if (first > calendarDateOf(ctx.now())) throw new AppError('PAYROLL_MONTH_FUTURE', { month });
  assertSalaryRulesKnown(month);
  const [row] = await queryRows<{ closed: boolean; lock_date: string | null }>(
    ctx.db,
    sql`SELECT EXISTS (SELECT 1 FROM fiscal_years WHERE start_date <= ${last}::date AND end_date >= ${last}::date
                         AND status = 'closed') AS closed,
               (SELECT lock_date::text FROM ledger_settings WHERE id = 1) AS lock_date`,
  );
  if (row?.closed) throw new AppError('PAYROLL_MONTH_CLOSED', { month });
  if (row?.lock_date && row.lock_date >= last)
    throw new AppError('PAYROLL_MONTH_LOCKED', { month, lockDate: row.lock_date });
}

type MemberRow = { id: string; name: string; sort: string };
type PlanRow = {
  id: string;
  member_id: string;
  from_month: string;
  status: SalaryPlanStatus;
  decided_at: string | null;
  monthly_gross_cents: string | number;
};
type ActivityRow = { member_id: string; activity_id: string; code: string; share_bp: number };

/**
 * Everything a month's run would do, without writing: for each member with a CAPE or a CESA during the month,
 * the basis (plan or fixed part), the rules engine's figures, whether the activity's treasury bears the
 * employer cost (or an advance covers it), and whether the member already has their record for the month.
 * Members are taken in name order; the salaries of one activity come out of its treasury in that order.
 */
export async function preparePayrollRun(
  ctx: Pick<AppContext, 'db' | 'now'>,
  calculator: SalaryCalculator,
  month: PayrollMonth,
  locale: Locale,
): Promise<PreparedRun> {
  await assertMonthOpenForPayroll(ctx, month);
  const { first, last } = monthBounds(month);
  const db = ctx.db;
  // The settings in force on the month's first day (a version starts on the first of a month).
  const { settings } = await loadPayrollSettings(db, first);
  const members = await queryRows<MemberRow>(
    db,
    sql`SELECT m.id, m.first_name || ' ' || m.last_name AS name, m.last_name || ' ' || m.first_name AS sort
        FROM members m
        WHERE EXISTS (SELECT 1 FROM journey_entries j WHERE j.member_id = m.id AND j.kind IN ('cape', 'cesa')
                        AND j.on_date <= ${last}::date)
        ORDER BY m.last_name, m.first_name, m.id`,
  );
  const ids = members.map((m) => m.id);
  // One after the other: inside the run's transaction they share one connection.
  const journeys = await loadJourneys(db, ids);
  const plans = await queryRows<PlanRow>(
    db,
    sql`SELECT id, member_id, to_char(from_month, 'YYYY-MM') AS from_month, status,
                 to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS decided_at, monthly_gross_cents
          FROM salary_plans WHERE member_id = ANY(${sql.param(ids)}::uuid[]) AND status = 'approved'`,
  );
  const activities = await queryRows<ActivityRow>(
    db,
    sql`SELECT am.member_id, am.activity_id, a.code, am.share_bp
          FROM activity_members am JOIN activities a ON a.id = am.activity_id
          WHERE am.member_id = ANY(${sql.param(ids)}::uuid[]) AND a.kind = 'member'
            AND am.valid_from <= ${last}::date AND (am.valid_to IS NULL OR am.valid_to >= ${first}::date)
          ORDER BY am.share_bp DESC, am.valid_from, a.code`,
  );
  const slips = await queryRows<{
    id: string;
    member_id: string;
    basis: 'plan' | 'fixed_part' | 'none';
    gross: string;
    net_social: string;
    net: string;
    cost: string;
    employee: string;
    employer: string;
  }>(
    db,
    sql`SELECT id, member_id, basis, gross_cents::text AS gross, net_social_cents::text AS net_social,
                 net_before_income_tax_cents::text AS net, employer_cost_cents::text AS cost,
                 employee_contributions_cents::text AS employee, employer_contributions_cents::text AS employer
          FROM payroll_slips WHERE month = ${first}::date`,
  );
  const advances = await queryRows<{ id: string; member_id: string; fund_activity_id: string }>(
    db,
    sql`SELECT id, member_id, fund_activity_id FROM payroll_advances WHERE month = ${first}::date`,
  );
  // Advances lent and not yet repaid in full, oldest first, with the activity that received them.
  const outstanding = await queryRows<{
    id: string;
    month: string;
    fund_activity_id: string;
    fund_code: string;
    activity_id: string;
    activity_code: string;
    outstanding: string;
    repaid_this_month: boolean;
  }>(
    db,
    sql`SELECT a.id, to_char(a.month, 'YYYY-MM') AS month, a.fund_activity_id, f.code AS fund_code,
               s.activity_id, act.code AS activity_code, (a.advanced_cents - a.repaid_cents)::text AS outstanding,
               EXISTS (SELECT 1 FROM payroll_advance_repayments r
                       WHERE r.advance_id = a.id AND r.month = ${first}::date) AS repaid_this_month
        FROM payroll_advances a
        JOIN payroll_slips s ON s.advance_id = a.id
        JOIN activities f ON f.id = a.fund_activity_id
        JOIN activities act ON act.id = s.activity_id
        WHERE a.advanced_cents > a.repaid_cents
        ORDER BY a.month, a.approved_at, a.id`,
  );
  const funds = await queryRows<{ id: string; code: string }>(
    db,
    sql`SELECT id, code FROM activities WHERE kind = 'fund' ORDER BY code`,
  );

  const slipOf = new Map(slips.map((s) => [s.member_id, s.id]));
  const slipRow = new Map(slips.map((s) => [s.member_id, s]));
  const advanceOf = new Map(
    advances.map((a) => [a.member_id, { id: a.id, fundActivityId: a.fund_activity_id }]),
  );
  const activityOf = new Map<string, ActivityRow>();
  for (const a of activities) if (!activityOf.has(a.member_id)) activityOf.set(a.member_id, a);

  const bases = members.map((m) =>
    payrollBasisForMonth(
      journeys.get(m.id) ?? [],
      plans
        .filter((p) => p.member_id === m.id)
        .map((p) => ({
          id: p.id,
          fromMonth: p.from_month,
          status: p.status,
          decidedAt: p.decided_at,
          monthlyGrossCents: Number(p.monthly_gross_cents),
        })),
      month,
    ),
  );
  const figures = await Promise.all(
    bases.map((b, i) =>
      b?.kind === 'salary' && !slipOf.has(members[i]!.id)
        ? calculator.figures(settings, month, b.grossCents, b.prorata)
        : null,
    ),
  );
  const activityIds = [...new Set(activities.map((a) => a.activity_id))];
  // The treasury at the end of the month run, not today's: money that came in (or left) after the month's last
  // day is not the month's (the salary entries are dated that day).
  const treasury = await loadTreasuries(
    db,
    [...new Set([...activityIds, ...funds.map((f) => f.id), ...outstanding.map((o) => o.activity_id)])],
    last,
  );
  // A fund lends its cash: what it is owed (the 467 of earlier advances) is in its treasury, not in its bank.
  const fundCapacity = new Map(funds.map((f) => [f.id, treasury.get(f.id) ?? 0]));
  for (const o of outstanding)
    fundCapacity.set(o.fund_activity_id, (fundCapacity.get(o.fund_activity_id) ?? 0) - Number(o.outstanding));
  const fundCode = new Map(funds.map((f) => [f.id, f.code]));
  const verdicts = new Map(
    checkPayrollTreasury(
      members.flatMap((m, i) => {
        const f = figures[i];
        const a = activityOf.get(m.id);
        return f && a
          ? [
              {
                key: m.id,
                activityId: a.activity_id,
                employerCostCents: f.employerCostCents,
                advanceApproved: advanceOf.has(m.id),
                advanceFundId: advanceOf.get(m.id)?.fundActivityId ?? null,
              },
            ]
          : [];
      }),
      treasury,
      fundCapacity,
    ).map((v) => [v.key, v]),
  );

  const refusal = (code: ErrorCode, details: Record<string, unknown>) => ({
    code,
    message: describeError(code, locale, details),
  });
  const prepared: PreparedLine[] = [];
  members.forEach((m, i) => {
    const basis = bases[i];
    if (!basis) return;
    const activity = activityOf.get(m.id) ?? null;
    const f = figures[i] ?? zeroFigures;
    const base = {
      memberId: m.id,
      memberName: m.name,
      activityId: activity?.activity_id ?? null,
      activityCode: activity?.code ?? null,
      kind: basis.kind,
      basis: basis.kind === 'salary' ? basis.basis : ('none' as const),
      grossCents: basis.kind === 'salary' ? basis.grossCents : 0,
      netSocialCents: f.netSocialCents,
      netBeforeIncomeTaxCents: f.netBeforeIncomeTaxCents,
      employerCostCents: f.employerCostCents,
      employeeContributionsCents: f.employeeContributionsCents,
      employerContributionsCents: f.employerContributionsCents,
      treasuryBeforeCents: null as number | null,
      shortfallCents: 0,
      refusal: null as PayrollRunLine['refusal'],
      slipId: slipOf.get(m.id) ?? null,
      period:
        basis.kind === 'salary' && basis.prorata.daysPaid < basis.prorata.monthDays
          ? {
              from: basis.prorata.periodFrom,
              to: basis.prorata.periodTo,
              daysPaid: basis.prorata.daysPaid,
              monthDays: basis.prorata.monthDays,
              fullMonthGrossCents: basis.prorata.fullMonthCents,
            }
          : null,
      basisDetail: basis,
      figures: figures[i] ?? null,
      advance: advanceOf.get(m.id) ?? null,
    };
    const slip = slipRow.get(m.id);
    if (slip) {
      // Already recorded: the figures of the record, as run.
      prepared.push({
        ...base,
        status: 'done',
        basis: slip.basis,
        grossCents: Number(slip.gross),
        netSocialCents: Number(slip.net_social),
        netBeforeIncomeTaxCents: Number(slip.net),
        employerCostCents: Number(slip.cost),
        employeeContributionsCents: Number(slip.employee),
        employerContributionsCents: Number(slip.employer),
      });
      return;
    }
    if (basis.kind === 'cape_zero') {
      prepared.push({ ...base, status: 'zero' });
      return;
    }
    if (!activity) {
      prepared.push({ ...base, status: 'refused', refusal: refusal('PAYROLL_NO_ACTIVITY', { month }) });
      return;
    }
    const v = verdicts.get(m.id)!;
    const line = { ...base, treasuryBeforeCents: v.treasuryBeforeCents, shortfallCents: v.shortfallCents };
    if (v.status === 'refused' && v.fundAvailableCents !== undefined) {
      const fundId = advanceOf.get(m.id)!.fundActivityId;
      prepared.push({
        ...line,
        status: 'refused',
        refusal: refusal('PAYROLL_FUND_SHORT', {
          code: fundCode.get(fundId) ?? fundId,
          balance: eurosText(Math.max(0, v.fundAvailableCents)),
          needed: eurosText(v.shortfallCents),
        }),
      });
      return;
    }
    if (v.status === 'refused')
      prepared.push({
        ...line,
        status: 'refused',
        refusal: refusal('PAYROLL_TREASURY_SHORT', {
          code: activity.code,
          treasury: eurosText(v.treasuryBeforeCents),
          cost: eurosText(f.employerCostCents),
          shortfall: eurosText(v.shortfallCents),
        }),
      });
    else prepared.push({ ...line, status: v.status });
  });

  // What each activity has left after the month's salaries, then what that repays of earlier advances.
  const left = new Map(treasury);
  for (const l of prepared) {
    if (!l.activityId || l.treasuryBeforeCents === null) continue;
    if (l.status === 'ready') left.set(l.activityId, l.treasuryBeforeCents - l.employerCostCents);
    if (l.status === 'advance') left.set(l.activityId, Math.min(0, l.treasuryBeforeCents));
  }
  // Once a month per advance: a second run of the month (after a refusal) takes nothing more back.
  const earlier = outstanding.filter((o) => o.month < month && !o.repaid_this_month);
  const repaying = new Map(
    planAdvanceRepayments(
      earlier.map((o) => ({ id: o.id, activityId: o.activity_id, outstandingCents: Number(o.outstanding) })),
      left,
    ).map((r) => [r.id, r.amountCents]),
  );
  const repayments = earlier
    .filter((o) => repaying.has(o.id))
    .map((o) => ({
      advanceId: o.id,
      month: o.month,
      activityId: o.activity_id,
      activityCode: o.activity_code,
      fundActivityId: o.fund_activity_id,
      fundCode: o.fund_code,
      outstandingCents: Number(o.outstanding),
      amountCents: repaying.get(o.id)!,
    }));

  const count = (s: PayrollRunLine['status']) => prepared.filter((l) => l.status === s).length;
  const paying = prepared.filter((l) => l.status === 'ready' || l.status === 'advance');
  const sum = (k: 'grossCents' | 'employerCostCents' | 'netBeforeIncomeTaxCents') =>
    paying.reduce((s, l) => s + l[k], 0);
  return {
    month,
    settings,
    rules: salaryRulesSource,
    lines: prepared.map(({ basisDetail: _b, figures: _f, advance: _a, ...line }) => line),
    repayments,
    prepared,
    fundCapacity,
    totals: {
      paidCount: paying.length,
      zeroCount: count('zero'),
      refusedCount: count('refused'),
      doneCount: count('done'),
      grossCents: sum('grossCents'),
      employerCostCents: sum('employerCostCents'),
      netBeforeIncomeTaxCents: sum('netBeforeIncomeTaxCents'),
    },
    runnable: paying.length + count('zero') > 0,
  };
}

async function loadJourneys(db: Db, ids: string[]) {
  const byMember = new Map<string, JourneyEntry[]>();
  if (ids.length === 0) return byMember;
  const rows = await db
    .select()
    .from(journeyEntries)
    .where(inArray(journeyEntries.memberId, ids))
    .orderBy(asc(journeyEntries.onDate), asc(journeyEntries.id));
  for (const r of rows) {
    const list = byMember.get(r.memberId) ?? [];
    list.push(toJourneyEntry(r));
    byMember.set(r.memberId, list);
  }
  return byMember;
}

/**
 * Available treasury of several activities at the end of a day (the same figure as getAvailableTreasury, as it
 * stood that evening): today's balances of the open years, minus the lines dated after that day — few, so the
 * read does not grow with the books.
 */
async function loadTreasuries(db: Db, activityIds: string[], onDate: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ activity_id: string; treasury: string }>(
    db,
    sql`WITH balances AS (
          SELECT b.activity_id, sum(b.debit_cents - b.credit_cents) AS cents
          FROM ledger_balances b JOIN fiscal_years f ON f.id = b.fiscal_year_id
          WHERE b.activity_id = ANY(${sql.param(activityIds)}::uuid[]) AND f.status = 'open'
            AND left(b.account_number, 1) IN ('4', '5') AND left(b.account_number, 3) NOT IN ('411', '416', '418')
          GROUP BY b.activity_id),
        later AS (
          SELECT l.activity_id, sum(l.debit_cents - l.credit_cents) AS cents
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          JOIN fiscal_years f ON f.id = e.fiscal_year_id
          WHERE l.activity_id = ANY(${sql.param(activityIds)}::uuid[]) AND f.status = 'open'
            AND e.entry_date > ${onDate}::date
            AND left(l.account_number, 1) IN ('4', '5') AND left(l.account_number, 3) NOT IN ('411', '416', '418')
          GROUP BY l.activity_id)
        SELECT b.activity_id, (b.cents - coalesce(l.cents, 0))::text AS treasury
        FROM balances b LEFT JOIN later l ON l.activity_id = b.activity_id`,
  );
  return new Map(rows.map((r) => [r.activity_id, Number(r.treasury)]));
}
