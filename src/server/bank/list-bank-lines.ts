import { sql } from 'drizzle-orm';
import { BankLinesQuery, type BankLineView, type SuggestionView } from '../../core/bank/bank-schemas.ts';
import { daysBetween } from '../../core/sales/calendar-date.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type Row = {
  id: string;
  booking_date: string;
  amount_cents: string;
  label: string;
  counterparty_name: string;
  remittance: string;
  bank_reference: string | null;
  status: BankLineView['status'];
  suggestions: SuggestionView[];
  matches: { kind: string; targetId: string; label: string; amountCents: number; auto: boolean }[] | null;
};

/**
 * A bank account's statement lines for the matching screen: the open ones (unmatched, then in suspense) oldest
 * first, with their suggestions; or matched ones with what they paid. Suggestions naming an invoice paid since
 * the import are dropped (what is due is read now).
 */
export async function listBankLines(db: Db, accountId: string, query: unknown, today: string) {
  const q = BankLinesQuery.parse(query);
  const where =
    q.status === 'open'
      ? sql`l.status IN ('unmatched', 'suspense')`
      : q.status === 'all'
        ? sql`TRUE`
        : sql`l.status = ${q.status}`;
  const rows = await queryRows<Row & { total: string }>(
    db,
    sql`SELECT l.id, l.booking_date::text, l.amount_cents::text, l.label, l.counterparty_name, l.remittance,
               l.bank_reference, l.status, l.suggestions, count(*) OVER ()::text AS total,
               (SELECT json_agg(json_build_object(
                  'kind', m.kind, 'targetId', m.target_id, 'amountCents', m.amount_cents, 'auto', m.auto,
                  'label', coalesce(i.number, p.message_id, x.message_id, m.target_id::text)) ORDER BY m.created_at)
                FROM bank_matches m LEFT JOIN invoices i ON i.id = m.target_id AND m.kind = 'invoice'
                LEFT JOIN payroll_payments p ON p.id = m.target_id AND m.kind = 'salary_batch'
                LEFT JOIN expense_payment_batches x ON x.id = m.target_id AND m.kind = 'expense_batch'
                WHERE m.line_id = l.id) AS matches
        FROM bank_lines l
        WHERE l.bank_account_id = ${accountId} AND ${where}
        ORDER BY l.status = 'suspense', l.booking_date, l.amount_cents DESC, l.id
        LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  const invoiceIds = [
    ...new Set(
      rows.flatMap((r) =>
        r.status === 'matched' ? [] : r.suggestions.flatMap((s) => s.allocations.map((a) => a.invoiceId)),
      ),
    ),
  ];
  const due = new Map<string, number>();
  if (invoiceIds.length > 0) {
    const dues = await queryRows<{ id: string; due: string }>(
      db,
      sql`SELECT i.id, (i.total_incl_cents
                 - coalesce((SELECT sum(c.total_incl_cents) FROM invoices c WHERE c.corrects_invoice_id = i.id AND c.status = 'issued'), 0)
                 - coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0))::text AS due
          FROM invoices i WHERE i.id = ANY(${sql.param(invoiceIds)}::uuid[])`,
    );
    for (const d of dues) due.set(d.id, Number(d.due));
  }
  const items: BankLineView[] = rows.map((r) => ({
    id: r.id,
    bookingDate: r.booking_date,
    amountCents: Number(r.amount_cents),
    label: r.label,
    counterpartyName: r.counterparty_name,
    remittance: r.remittance,
    bankReference: r.bank_reference,
    status: r.status,
    suggestions:
      r.status === 'matched'
        ? []
        : r.suggestions.filter((s) =>
            s.allocations.every((a) => (due.get(a.invoiceId) ?? 0) >= a.amountCents),
          ),
    matches: (r.matches ?? []).map((m) => ({ ...m, amountCents: Number(m.amountCents) })),
    suspenseDays: r.status === 'suspense' ? Math.max(0, daysBetween(r.booking_date, today)) : null,
  }));
  return { items, total: Number(rows[0]?.total ?? 0) };
}
