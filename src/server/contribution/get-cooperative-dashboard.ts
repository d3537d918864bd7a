import { sql } from 'drizzle-orm';
import type { CooperativeDashboard } from '../../core/contribution/contribution-views.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { monthsOfYearTo } from './load-contribution-inputs.ts';

/**
 * The cooperative's dashboard for managers (issue 6): over the fiscal year so far, per month, the member
 * activities' revenue, the contributions received (708100 on the structure and the funds), and the member
 * activities' available treasury at each month's end; today, the members by stage, the funds' treasury and
 * the structure's own result.
 */
export async function getCooperativeDashboard(db: Db, today: string): Promise<CooperativeDashboard> {
  const [year] = await queryRows<{ id: number; start_date: string; end_date: string }>(
    db,
    sql`SELECT id, start_date::text, end_date::text FROM fiscal_years
        WHERE start_date <= ${today} AND end_date >= ${today}`,
  );
  const [stages, funds, structure] = await Promise.all([
    queryRows<{ stage: string; count: string }>(
      db,
      sql`SELECT stage, count(*)::text AS count FROM member_stage_periods
          WHERE from_on <= ${today} AND to_on >= ${today} GROUP BY stage ORDER BY stage`,
    ),
    queryRows<{ id: string; code: string; name: string; treasury: string }>(
      db,
      sql`SELECT a.id, a.code, a.name,
            coalesce((SELECT sum(b.debit_cents - b.credit_cents) FROM ledger_balances b
                      JOIN fiscal_years f ON f.id = b.fiscal_year_id AND f.status = 'open'
                      WHERE b.activity_id = a.id AND left(b.account_number, 1) IN ('4', '5')
                        AND left(b.account_number, 3) NOT IN ('411', '416', '418')), 0)::text AS treasury
          FROM activities a WHERE a.kind = 'fund' ORDER BY a.code`,
    ),
    queryRows<{ id: string; result: string; revenue: string; costs: string; contributions: string }>(
      db,
      sql`SELECT a.id,
            coalesce(sum(b.credit_cents - b.debit_cents) FILTER (WHERE left(b.account_number, 1) IN ('6', '7')), 0)::text AS result,
            coalesce(sum(b.credit_cents - b.debit_cents) FILTER (WHERE b.account_number LIKE '7%'), 0)::text AS revenue,
            coalesce(sum(b.debit_cents - b.credit_cents) FILTER (WHERE b.account_number LIKE '6%'), 0)::text AS costs,
            coalesce(sum(b.credit_cents - b.debit_cents) FILTER (WHERE b.account_number = '708100'), 0)::text AS contributions
          FROM activities a LEFT JOIN ledger_balances b ON b.activity_id = a.id AND b.fiscal_year_id = ${year?.id ?? -1}
          WHERE a.kind = 'structure' GROUP BY a.id ORDER BY a.id LIMIT 1`,
    ),
  ]);
  let months: CooperativeDashboard['months'] = [];
  if (year) {
    const rows = await queryRows<{ month: string; revenue: string; contributions: string; treasury: string }>(
      db,
      sql`SELECT to_char(e.entry_date, 'YYYY-MM') AS month,
            coalesce(sum(l.credit_cents - l.debit_cents) FILTER (
              WHERE a.kind = 'member' AND l.account_number LIKE '70%' AND l.account_number <> '708100'), 0)::text AS revenue,
            coalesce(sum(l.credit_cents - l.debit_cents) FILTER (WHERE l.account_number = '708100'), 0)::text AS contributions,
            coalesce(sum(l.debit_cents - l.credit_cents) FILTER (
              WHERE a.kind = 'member' AND left(l.account_number, 1) IN ('4', '5')
                AND left(l.account_number, 3) NOT IN ('411', '416', '418')), 0)::text AS treasury
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          JOIN activities a ON a.id = l.activity_id
          WHERE e.fiscal_year_id = ${year.id} AND e.entry_date <= ${today}
          GROUP BY 1`,
    );
    let treasury = 0;
    months = monthsOfYearTo(year.start_date, today.slice(0, 7)).map((month) => {
      const r = rows.find((x) => x.month === month);
      treasury += Number(r?.treasury ?? 0);
      return {
        month,
        revenueCents: Number(r?.revenue ?? 0),
        contributionsCents: Number(r?.contributions ?? 0),
        treasuryCents: treasury,
      };
    });
  }
  const s = structure[0];
  return {
    today,
    fiscalYear: year ? { startDate: year.start_date, endDate: year.end_date } : null,
    months,
    stages: stages.map((r) => ({ stage: r.stage, count: Number(r.count) })),
    funds: funds.map((f) => ({
      activityId: f.id,
      code: f.code,
      name: f.name,
      treasuryCents: Number(f.treasury),
    })),
    structure: {
      activityId: s?.id ?? null,
      resultCents: Number(s?.result ?? 0),
      revenueCents: Number(s?.revenue ?? 0),
      costsCents: Number(s?.costs ?? 0),
      contributionIncomeCents: Number(s?.contributions ?? 0),
    },
  };
}
