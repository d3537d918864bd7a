import { sql } from 'drizzle-orm';
import type { PortfolioAlert, PortfolioRow } from '../../core/contribution/contribution-views.ts';
import { isTreasuryFalling } from '../../core/contribution/treasury-alerts.ts';
import { addMonths } from '../../core/members/calendar-date.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { getContributionSettings } from './contribution-settings.ts';

/**
 * A support person's portfolio (the member activities they are referent of, or all of them): available
 * treasury now and some months ago, result of the fiscal year, overdue invoices, last revenue, and the
 * alerts they raise — treasury negative, or falling beyond the cooperative's thresholds (contribution
 * settings: by more than an amount and a share over N months), invoices overdue, no revenue for
 * `quietMonths` months.
 */
export async function listPortfolio(
  db: Db,
  input: { referentId: string | null; quietMonths: number },
  today: string,
): Promise<PortfolioRow[]> {
  const settings = await getContributionSettings(db);
  const since = addMonths(today, -settings.fallingMonths);
  const quietSince = addMonths(today, -input.quietMonths);
  const rows = await queryRows<{
    id: string;
    code: string;
    name: string;
    referent: string | null;
    treasury: string;
    moved: string;
    result: string;
    overdue_count: string;
    overdue_cents: string;
    last_revenue: string | null;
  }>(
    db,
    sql`SELECT a.id, a.code, a.name, u.name AS referent,
          coalesce((SELECT sum(b.debit_cents - b.credit_cents) FROM ledger_balances b
                    JOIN fiscal_years f ON f.id = b.fiscal_year_id AND f.status = 'open'
                    WHERE b.activity_id = a.id AND left(b.account_number, 1) IN ('4', '5')
                      AND left(b.account_number, 3) NOT IN ('411', '416', '418')), 0)::text AS treasury,
          coalesce((SELECT sum(l.debit_cents - l.credit_cents) FROM ledger_entry_lines l
                    JOIN ledger_entries e ON e.id = l.entry_id
                    WHERE l.activity_id = a.id AND e.entry_date > ${since} AND e.journal_code <> 'AN'
                      AND left(l.account_number, 1) IN ('4', '5')
                      AND left(l.account_number, 3) NOT IN ('411', '416', '418')), 0)::text AS moved,
          coalesce((SELECT sum(b.credit_cents - b.debit_cents) FROM ledger_balances b
                    JOIN fiscal_years f ON f.id = b.fiscal_year_id
                      AND f.start_date <= ${today} AND f.end_date >= ${today}
                    WHERE b.activity_id = a.id AND left(b.account_number, 1) IN ('6', '7')), 0)::text AS result,
          (SELECT count(*) FROM invoices i WHERE i.activity_id = a.id AND i.status = 'issued'
             AND i.type <> 'creditNote' AND i.due_date < ${today}
             AND i.total_incl_cents > coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0)
          )::text AS overdue_count,
          coalesce((SELECT sum(i.total_incl_cents - coalesce((SELECT sum(p.amount_cents) FROM payments p
                                                              WHERE p.invoice_id = i.id), 0))
                    FROM invoices i WHERE i.activity_id = a.id AND i.status = 'issued'
                      AND i.type <> 'creditNote' AND i.due_date < ${today}), 0)::text AS overdue_cents,
          (SELECT max(e.entry_date)::text FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
             WHERE l.activity_id = a.id AND l.account_number LIKE '70%' AND l.credit_cents > 0) AS last_revenue
        FROM activities a LEFT JOIN users u ON u.id = a.referent_id
        WHERE a.kind = 'member' AND a.status <> 'closed'
          ${input.referentId ? sql`AND a.referent_id = ${input.referentId}` : sql``}
        ORDER BY a.code LIMIT 2000`,
  );
  return rows.map((r) => {
    const treasury = Number(r.treasury);
    const before = treasury - Number(r.moved);
    const overdueCount = Number(r.overdue_count);
    const alerts: PortfolioAlert[] = [];
    if (treasury < 0) alerts.push('treasury_negative');
    if (isTreasuryFalling({ nowCents: treasury, beforeCents: before }, settings))
      alerts.push('treasury_falling');
    if (overdueCount > 0) alerts.push('invoices_overdue');
    if (!r.last_revenue || r.last_revenue < quietSince) alerts.push('no_revenue');
    return {
      activityId: r.id,
      code: r.code,
      name: r.name,
      referentName: r.referent,
      treasuryCents: treasury,
      treasury90DaysAgoCents: before,
      resultCents: Number(r.result),
      overdueCount,
      overdueCents: overdueCount > 0 ? Number(r.overdue_cents) : 0,
      lastRevenueOn: r.last_revenue,
      alerts,
    };
  });
}
