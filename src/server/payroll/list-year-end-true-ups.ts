import { sql } from 'drizzle-orm';
import type { SalaryFigures } from '../../core/payroll/salary-simulation-schemas.ts';
import type { TrueUpRecordView } from '../../core/payroll/true-up-record-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** The true-ups posted for a fiscal year, by activity and name; `today` decides what is late. */
export async function listYearEndTrueUps(
  db: Db,
  fiscalYearId: number,
  today: string,
): Promise<TrueUpRecordView[]> {
  const rows = await queryRows<{
    id: string;
    fiscal_year_id: number;
    member_id: string;
    member_name: string;
    activity_code: string;
    gross: string;
    cost: string;
    figures: SalaryFigures | string;
    pricing_month: string;
    assembly_date: string;
    pay_by: string;
    accrued_at: Date | string;
    paid_on: string | null;
  }>(
    db,
    sql`SELECT t.id, t.fiscal_year_id, t.member_id, m.first_name || ' ' || m.last_name AS member_name,
               a.code AS activity_code, t.gross_cents::text AS gross, t.employer_cost_cents::text AS cost, t.figures,
               to_char(t.pricing_month, 'YYYY-MM') AS pricing_month, t.assembly_date::text, t.pay_by::text,
               t.accrued_at, t.paid_on::text
        FROM payroll_true_ups t JOIN members m ON m.id = t.member_id JOIN activities a ON a.id = t.activity_id
        WHERE t.fiscal_year_id = ${fiscalYearId}
        ORDER BY a.code, m.last_name, m.first_name, m.id`,
  );
  return rows.map((r) => {
    const figures: SalaryFigures = typeof r.figures === 'string' ? JSON.parse(r.figures) : r.figures;
    return {
      id: r.id,
      fiscalYearId: Number(r.fiscal_year_id),
      memberId: r.member_id,
      memberName: r.member_name,
      activityCode: r.activity_code,
      grossCents: Number(r.gross),
      employerCostCents: Number(r.cost),
      netBeforeIncomeTaxCents: figures.netBeforeIncomeTaxCents,
      pricingMonth: r.pricing_month,
      assemblyDate: r.assembly_date,
      payBy: r.pay_by,
      accruedAt: new Date(r.accrued_at).toISOString(),
      paidOn: r.paid_on,
      late: (r.paid_on ?? today) > r.pay_by,
    };
  });
}
