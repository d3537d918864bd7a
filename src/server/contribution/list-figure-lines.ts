import { sql } from 'drizzle-orm';
import type { DashboardFigure, FigureLines } from '../../core/contribution/contribution-views.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { figureLineFilter, isLevelFigure } from './figure-lines-sql.ts';

/**
 * The ledger lines behind a dashboard figure, and their total — the figure itself. Without dates: a level
 * (treasury, to collect) over the open years, a flow (result, revenue, costs, contributions) over the
 * fiscal year containing today. With `to` only, a level at that date (its fiscal year, lines up to it);
 * with `from` and `to`, a flow over those days. One page of lines at a time, the latest first, in a stable
 * order (date, posting sequence, line number); the total and the count always cover every line.
 */
export async function listFigureLines(
  db: Db,
  activity: { id: string; code: string; name: string },
  query: { figure: DashboardFigure; from?: string; to?: string; page?: number; pageSize?: number },
  today: string,
): Promise<FigureLines> {
  const { where, amount } = figureLineFilter(query.figure);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 100;
  let scope = sql``;
  if (query.from && query.to) scope = sql`AND e.entry_date BETWEEN ${query.from} AND ${query.to}`;
  else if (query.to)
    scope = sql`AND e.fiscal_year_id = (SELECT id FROM fiscal_years WHERE start_date <= ${query.to}
                  AND end_date >= ${query.to}) AND e.entry_date <= ${query.to}`;
  else if (isLevelFigure(query.figure))
    scope = sql`AND e.fiscal_year_id IN (SELECT id FROM fiscal_years WHERE status = 'open')`;
  else
    scope = sql`AND e.fiscal_year_id = (SELECT id FROM fiscal_years WHERE start_date <= ${today}
                  AND end_date >= ${today})`;
  const base = sql`FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
                   WHERE l.activity_id = ${activity.id} AND ${where} ${scope}`;
  const [totals] = await queryRows<{ total: string | null; n: string }>(
    db,
    sql`SELECT sum(${amount})::text AS total, count(*)::text AS n ${base}`,
  );
  const lines = await queryRows<{
    entry_id: string;
    line_no: number;
    journal_code: string;
    number: number;
    entry_date: string;
    piece_ref: string;
    label: string;
    account_number: string;
    account_label: string;
    debit_cents: string;
    credit_cents: string;
  }>(
    db,
    sql`SELECT l.entry_id, l.line_no, e.journal_code, e.number, e.entry_date::text, e.piece_ref,
               CASE WHEN l.label <> '' THEN l.label ELSE e.label END AS label, l.account_number,
               (SELECT a.label FROM ledger_accounts a WHERE a.number = l.account_number) AS account_label,
               l.debit_cents::text, l.credit_cents::text
        ${base}
        ORDER BY e.entry_date DESC, e.seq DESC, l.line_no
        LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const count = Number(totals?.n ?? 0);
  return {
    activity,
    figure: query.figure,
    from: query.from ?? null,
    to: query.to ?? null,
    totalCents: Number(totals?.total ?? 0),
    lineCount: count,
    page,
    pageSize,
    lines: lines.map((r) => ({
      entryId: r.entry_id,
      lineNo: Number(r.line_no),
      journalCode: r.journal_code,
      number: Number(r.number),
      entryDate: r.entry_date,
      pieceRef: r.piece_ref,
      label: r.label,
      accountNumber: r.account_number,
      accountLabel: r.account_label,
      debitCents: Number(r.debit_cents),
      creditCents: Number(r.credit_cents),
    })),
  };
}
