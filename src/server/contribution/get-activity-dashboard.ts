import { sql } from 'drizzle-orm';
import type { ActivityDashboard, ChargeView } from '../../core/contribution/contribution-views.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { getAvailableTreasury } from '../ledger/get-available-treasury.ts';
import { monthEndOf } from './load-contribution-inputs.ts';

/** The 12 months ending with today's. */
export function lastTwelveMonths(today: string): string[] {
  let [y, m] = today.slice(0, 7).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/**
 * A member activity's dashboard (issue 6): its available treasury now and what clients still owe (stored
 * balances), the result of the fiscal year so far, the contributions charged with their explanations,
 * the invoices to chase, and 12 months of revenue, costs and treasury at each month's end. Each figure is a
 * sum of ledger lines that listFigureLines lists.
 */
export async function getActivityDashboard(
  db: Db,
  activity: { id: string; code: string; name: string; kind: string },
  today: string,
): Promise<ActivityDashboard> {
  const months = lastTwelveMonths(today);
  const firstDay = `${months[0]}-01`;
  const [treasury, years, flows, monthRows, charges, invoices] = await Promise.all([
    getAvailableTreasury(db, activity.id),
    queryRows<{ id: number; start_date: string; end_date: string }>(
      db,
      sql`SELECT id, start_date::text, end_date::text FROM fiscal_years
          WHERE end_date >= ${firstDay} AND start_date <= ${today} ORDER BY start_date`,
    ),
    queryRows<{
      result: string | null;
      revenue: string | null;
      costs: string | null;
      contributions: string | null;
    }>(
      db,
      sql`SELECT sum(l.credit_cents - l.debit_cents) FILTER (WHERE left(l.account_number, 1) IN ('6', '7'))::text AS result,
                 sum(l.credit_cents - l.debit_cents) FILTER (WHERE l.account_number LIKE '7%')::text AS revenue,
                 sum(l.debit_cents - l.credit_cents) FILTER (WHERE l.account_number LIKE '6%')::text AS costs,
                 sum(l.debit_cents - l.credit_cents) FILTER (WHERE l.account_number = '628100')::text AS contributions
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE l.activity_id = ${activity.id} AND left(l.account_number, 1) IN ('6', '7')
            AND e.fiscal_year_id = (SELECT id FROM fiscal_years WHERE start_date <= ${today} AND end_date >= ${today})`,
    ),
    queryRows<{
      month: string;
      year_id: number;
      revenue: string | null;
      costs: string | null;
      treasury: string | null;
    }>(
      db,
      sql`SELECT to_char(e.entry_date, 'YYYY-MM') AS month, e.fiscal_year_id AS year_id,
                 sum(l.credit_cents - l.debit_cents) FILTER (WHERE l.account_number LIKE '7%')::text AS revenue,
                 sum(l.debit_cents - l.credit_cents) FILTER (WHERE l.account_number LIKE '6%')::text AS costs,
                 sum(l.debit_cents - l.credit_cents) FILTER (
                   WHERE left(l.account_number, 1) IN ('4', '5')
                     AND left(l.account_number, 3) NOT IN ('411', '416', '418'))::text AS treasury
          FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
          WHERE l.activity_id = ${activity.id} AND e.entry_date <= ${today}
            AND e.fiscal_year_id IN (SELECT id FROM fiscal_years WHERE end_date >= ${firstDay} AND start_date <= ${today})
          GROUP BY 1, 2`,
    ),
    queryRows<{
      month: string;
      seq: number;
      amount_cents: string;
      entry_id: string | null;
      created_at: string;
      explanation: ChargeView['explanation'];
    }>(
      db,
      sql`SELECT month, seq, amount_cents::text, entry_id, created_at, explanation FROM contribution_charges
          WHERE activity_id = ${activity.id} AND month >= ${months[0]!} ORDER BY month DESC, seq DESC`,
    ),
    queryRows<{
      id: string;
      number: string | null;
      client: string;
      issue_date: string | null;
      due_date: string | null;
      total: string;
      paid: string;
    }>(
      db,
      sql`SELECT i.id, i.number, c.name AS client, i.issue_date::text, i.due_date::text,
                 i.total_incl_cents::text AS total,
                 coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)::text AS paid
          FROM invoices i JOIN clients c ON c.id = i.client_id
          WHERE i.activity_id = ${activity.id} AND i.status = 'issued' AND i.type <> 'creditNote'
            AND i.due_date < ${today}
            AND i.total_incl_cents > coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
          ORDER BY i.due_date LIMIT 50`,
    ),
  ]);
  const f = flows[0];
  const yearOf = (day: string) => years.find((y) => y.start_date <= day && day <= y.end_date);
  const current = yearOf(today);
  const monthViews = months.map((month) => {
    const end = monthEndOf(month) < today ? monthEndOf(month) : today;
    const year = yearOf(end);
    let revenue = 0n;
    let costs = 0n;
    let treasuryAtEnd = 0n;
    for (const r of monthRows) {
      if (r.month === month) {
        revenue += BigInt(r.revenue ?? 0);
        costs += BigInt(r.costs ?? 0);
      }
      if (year && Number(r.year_id) === Number(year.id) && r.month <= month)
        treasuryAtEnd += BigInt(r.treasury ?? 0);
    }
    return {
      month,
      revenueCents: Number(revenue),
      costsCents: Number(costs),
      treasuryCents: Number(treasuryAtEnd),
    };
  });
  return {
    activity,
    today,
    fiscalYear: current ? { startDate: current.start_date, endDate: current.end_date } : null,
    figures: {
      availableTreasuryCents: Number(treasury.availableTreasuryCents),
      toCollectCents: Number(treasury.toCollectCents),
      resultCents: Number(f?.result ?? 0),
      revenueCents: Number(f?.revenue ?? 0),
      costsCents: Number(f?.costs ?? 0),
      contributionsCents: Number(f?.contributions ?? 0),
    },
    months: monthViews,
    charges: charges.map((c) => ({
      month: c.month,
      seq: Number(c.seq),
      amountCents: Number(c.amount_cents),
      entryId: c.entry_id,
      createdAt: new Date(c.created_at).toISOString(),
      explanation: c.explanation,
    })),
    invoicesToChase: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      clientName: i.client,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      totalInclCents: Number(i.total),
      dueCents: Number(i.total) - Number(i.paid),
      daysLate: Math.round((Date.parse(today) - Date.parse(i.due_date!)) / 86_400_000),
    })),
  };
}
