import { sql } from 'drizzle-orm';
import type { MatchRule, OpenBatch, OpenInvoice } from '../../core/bank/match-bank-lines.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/**
 * What statement lines may settle: issued invoices with something still due (total − credit notes − payments),
 * salary and expense batches prepared and not confirmed, or confirmed by hand and not yet seen on a statement,
 * and the rules learnt from the accountant. Four queries, whatever the number of lines.
 */
export async function loadMatchCandidates(db: Db) {
  const invoices = await queryRows<{
    id: string;
    number: string;
    client_id: string;
    client_name: string;
    activity_id: string;
    due: string;
    issue_date: string;
  }>(
    db,
    sql`WITH credited AS (
          SELECT corrects_invoice_id AS id, sum(total_incl_cents) AS cents FROM invoices
          WHERE corrects_invoice_id IS NOT NULL AND status = 'issued' GROUP BY corrects_invoice_id),
        paid AS (SELECT invoice_id AS id, sum(amount_cents) AS cents FROM payments GROUP BY invoice_id)
        SELECT i.id, i.number, i.client_id, c.name AS client_name, i.activity_id,
               (i.total_incl_cents - coalesce(cr.cents, 0) - coalesce(p.cents, 0))::text AS due,
               i.issue_date::text AS issue_date
        FROM invoices i JOIN clients c ON c.id = i.client_id
        LEFT JOIN credited cr ON cr.id = i.id LEFT JOIN paid p ON p.id = i.id
        WHERE i.status = 'issued' AND i.type <> 'creditNote'
          AND i.total_incl_cents - coalesce(cr.cents, 0) - coalesce(p.cents, 0) > 0`,
  );
  // A prepared salary batch whose salaries all moved to a newer batch (prepared again) settles nothing: its
  // file must not be sent (prepareSalaryPayment), and confirming it would pay no one.
  const salaryBatches = await queryRows<{
    id: string;
    message_id: string;
    total_cents: string;
    execution_date: string;
  }>(
    db,
    sql`SELECT p.id, p.message_id, p.total_cents::text, p.execution_date::text
        FROM payroll_payments p
        WHERE NOT EXISTS (SELECT 1 FROM bank_matches m WHERE m.kind = 'salary_batch' AND m.target_id = p.id)
          AND (p.status = 'confirmed'
               OR EXISTS (SELECT 1 FROM payroll_slips s WHERE s.payment_id = p.id AND s.paid_on IS NULL))`,
  );
  // Expense reimbursement and supplier batches (issue 7): prepared, or confirmed by hand and not yet seen on a
  // statement; a confirmed batch left the bank for what it paid (lines the bank rejected are not in it).
  const expenseBatches = await queryRows<{
    id: string;
    message_id: string;
    total_cents: string;
    execution_date: string;
  }>(
    db,
    sql`SELECT b.id, b.message_id, (CASE WHEN b.status = 'confirmed' THEN b.paid_cents ELSE b.total_cents END)::text AS total_cents,
               b.execution_date::text
        FROM expense_payment_batches b
        WHERE NOT EXISTS (SELECT 1 FROM bank_matches m WHERE m.kind = 'expense_batch' AND m.target_id = b.id)`,
  );
  const rules = await queryRows<{ counterparty_key: string; client_id: string | null; activity_id: string }>(
    db,
    sql`SELECT counterparty_key, client_id, activity_id FROM bank_match_rules`,
  );
  return {
    invoices: invoices.map(
      (r): OpenInvoice => ({
        id: r.id,
        number: r.number,
        clientId: r.client_id,
        clientName: r.client_name,
        activityId: r.activity_id,
        dueCents: Number(r.due),
        issueDate: r.issue_date,
      }),
    ),
    batches: [
      ...salaryBatches.map((b) => ({ ...b, kind: 'salary' as const })),
      ...expenseBatches.map((b) => ({ ...b, kind: 'expense' as const })),
    ].map(
      (b): OpenBatch => ({
        id: b.id,
        kind: b.kind,
        messageId: b.message_id,
        totalCents: Number(b.total_cents),
        executionDate: b.execution_date,
      }),
    ),
    rules: rules.map(
      (r): MatchRule => ({
        counterpartyKey: r.counterparty_key,
        clientId: r.client_id,
        activityId: r.activity_id,
      }),
    ),
  };
}

/**
 * The book's balance of a bank account's 512x at a date: the lines of the fiscal year holding the date (its
 * opening entries carry the closed years) and of earlier years still open.
 */
export async function bookBalanceAt(db: Db, accountNumber: string, date: string): Promise<number> {
  const [row] = await queryRows<{ balance: string }>(
    db,
    sql`SELECT coalesce(sum(l.debit_cents - l.credit_cents), 0)::text AS balance
        FROM ledger_entry_lines l JOIN ledger_entries e ON e.id = l.entry_id
        JOIN fiscal_years f ON f.id = e.fiscal_year_id
        WHERE l.account_number = ${accountNumber} AND e.entry_date <= ${date}::date
          AND (f.status = 'open' OR ${date}::date BETWEEN f.start_date AND f.end_date)`,
  );
  return Number(row?.balance ?? 0);
}

/** Open invoices whose number or client name holds the text, for correcting or splitting a match by hand. */
export async function searchOpenInvoices(db: Db, text: string) {
  const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const rows = await queryRows<{
    id: string;
    number: string;
    client_name: string;
    due: string;
    issue_date: string;
  }>(
    db,
    sql`SELECT i.id, i.number, c.name AS client_name, i.issue_date::text AS issue_date,
               (i.total_incl_cents
                 - coalesce((SELECT sum(x.total_incl_cents) FROM invoices x WHERE x.corrects_invoice_id = i.id AND x.status = 'issued'), 0)
                 - coalesce((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id), 0))::text AS due
        FROM invoices i JOIN clients c ON c.id = i.client_id
        WHERE i.status = 'issued' AND i.type <> 'creditNote' AND (i.number ILIKE ${like} OR c.name ILIKE ${like})
        ORDER BY i.issue_date, i.number LIMIT 40`,
  );
  return rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      clientName: r.client_name,
      dueCents: Number(r.due),
      issueDate: r.issue_date,
    }))
    .filter((r) => r.dueCents > 0)
    .slice(0, 20);
}
