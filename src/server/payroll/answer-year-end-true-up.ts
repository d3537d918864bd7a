import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  proposeYearEndTrueUp,
  trueUpPayBy,
  type YearEndTrueUpAnswer,
  YearEndTrueUpRequest,
} from '../../core/payroll/propose-year-end-true-up.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { SalaryCalculator } from './create-salary-engine.ts';
import { loadPayrollSettings } from './load-payroll-settings.ts';
import { salaryRulesCoverage } from './salary-rules.ts';

/**
 * The year-end true-up of every member activity with salaried members (issue 10): its result for the fiscal
 * year after every charge, the variable part it allows, the proposal for each member, and the pay-by date (one
 * month after the assembly, whose date is given). A proposal: nothing is written.
 */
export async function answerYearEndTrueUp(
  db: Db,
  calculator: SalaryCalculator,
  input: YearEndTrueUpRequest,
): Promise<YearEndTrueUpAnswer> {
  const request = YearEndTrueUpRequest.parse(input);
  const [year] = await queryRows<{ id: number; start_date: string; end_date: string }>(
    db,
    sql`SELECT id, start_date::text, end_date::text FROM fiscal_years WHERE id = ${request.fiscalYearId}`,
  );
  if (!year) throw new AppError('NOT_FOUND');
  if (request.assemblyDate <= year.end_date)
    throw new AppError('PAYROLL_ASSEMBLY_BEFORE_YEAR_END', { endDate: year.end_date });
  const payBy = trueUpPayBy(request.assemblyDate);
  // Priced with the rules of the month it is paid in, or the latest the installed rules know.
  const pricingMonth = [payBy.slice(0, 7), salaryRulesCoverage.to as string].sort()[0]!;
  const rows = await queryRows<{
    activity_id: string;
    code: string;
    result: string;
    member_id: string;
    member_name: string;
    share_bp: number;
  }>(
    db,
    sql`WITH results AS (
          SELECT b.activity_id, sum(b.credit_cents - b.debit_cents) AS result
          FROM ledger_balances b
          WHERE b.fiscal_year_id = ${year.id} AND left(b.account_number, 1) IN ('6', '7')
          GROUP BY b.activity_id)
        SELECT a.id AS activity_id, a.code, coalesce(r.result, 0)::text AS result, m.id AS member_id,
               m.first_name || ' ' || m.last_name AS member_name, am.share_bp
        FROM activities a
        JOIN activity_members am ON am.activity_id = a.id
          AND am.valid_from <= ${year.end_date}::date AND (am.valid_to IS NULL OR am.valid_to >= ${year.end_date}::date)
        JOIN members m ON m.id = am.member_id
        LEFT JOIN results r ON r.activity_id = a.id
        WHERE a.kind = 'member'
          AND EXISTS (SELECT 1 FROM journey_entries j WHERE j.member_id = m.id AND j.kind = 'cesa'
                        AND j.on_date <= ${year.end_date}::date)
        ORDER BY a.code, m.last_name, m.first_name, m.id`,
  );
  const byActivity = new Map<
    string,
    {
      activityId: string;
      activityCode: string;
      resultCents: number;
      members: { memberId: string; memberName: string; shareBp: number }[];
    }
  >();
  for (const r of rows) {
    const a = byActivity.get(r.activity_id) ?? {
      activityId: r.activity_id,
      activityCode: r.code,
      resultCents: Number(r.result),
      members: [],
    };
    a.members.push({ memberId: r.member_id, memberName: r.member_name, shareBp: Number(r.share_bp) });
    byActivity.set(r.activity_id, a);
  }
  const { settings } = await loadPayrollSettings(db, `${pricingMonth}-01`);
  const cost = async (grossCents: number) =>
    (await calculator.figures(settings, pricingMonth, grossCents)).employerCostCents;
  // All at once: the worker pool spreads the searches over its threads.
  const activities = await Promise.all([...byActivity.values()].map((a) => proposeYearEndTrueUp(a, cost)));
  return { fiscalYearId: year.id, assemblyDate: request.assemblyDate, payBy, pricingMonth, activities };
}
