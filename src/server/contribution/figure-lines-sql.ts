import { type SQL, sql } from 'drizzle-orm';
import type { DashboardFigure } from '../../core/contribution/contribution-views.ts';

/**
 * Which lines make each dashboard figure, and in which sense they count (ledger.md, "Figures derived from
 * the book"). `l` is ledger_entry_lines. The treasury excludes client receivables, shown beside it.
 */
export function figureLineFilter(figure: DashboardFigure): { where: SQL; amount: SQL } {
  const debitMinusCredit = sql`(l.debit_cents - l.credit_cents)`;
  const creditMinusDebit = sql`(l.credit_cents - l.debit_cents)`;
  switch (figure) {
    case 'treasury':
      return {
        where: sql`left(l.account_number, 1) IN ('4', '5') AND left(l.account_number, 3) NOT IN ('411', '416', '418')`,
        amount: debitMinusCredit,
      };
    case 'to_collect':
      return { where: sql`left(l.account_number, 3) IN ('411', '416', '418')`, amount: debitMinusCredit };
    case 'result':
      return { where: sql`left(l.account_number, 1) IN ('6', '7')`, amount: creditMinusDebit };
    case 'revenue':
      return { where: sql`l.account_number LIKE '7%'`, amount: creditMinusDebit };
    case 'costs':
      return { where: sql`l.account_number LIKE '6%'`, amount: debitMinusCredit };
    case 'contributions':
      return { where: sql`l.account_number = '628100'`, amount: debitMinusCredit };
  }
}

/** Balance figures (treasury, to collect) are levels: every line of the open years (as the stored balances). */
export const isLevelFigure = (figure: DashboardFigure) => figure === 'treasury' || figure === 'to_collect';
