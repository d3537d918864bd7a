import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.ts';
import { queryRows } from '../db/query-rows.ts';
import type { IntegrityCheck } from '../integrity/verify-integrity.ts';

/** At most this many differences are listed per check (the count is always given). */
const maxDetails = 50;

function check(name: string, problems: string[]): IntegrityCheck {
  const details = problems.slice(0, maxDetails);
  if (problems.length > details.length) details.push(`… and ${problems.length - details.length} more`);
  return { name, ok: problems.length === 0, details };
}

/**
 * An entry counts as an item's own when neither it is a reversal nor it was reversed (ledger.md: an entry is
 * never changed, a mistake is reversed): a reversed approval no longer books the item.
 */
const liveEntries = sql`
  SELECT e.id, e.source_type, e.source_id, e.total_cents, e.journal_code || ' n° ' || e.number AS ref
  FROM ledger_entries e
  WHERE e.reverses_entry_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_entry_id = e.id)`;

/**
 * The expenses' part of `mutua verify` (issue 7; ledger.md "Expense claim approved", "Supplier invoice /
 * purchase", "Reimbursement or supplier payment"): the documents and the books tell the same story.
 * - every approved or paid claim and supplier invoice has exactly one approval entry, the one it records, for
 *   its total; no other claim or invoice has one;
 * - every paid line of a confirmed batch has exactly one payment entry, the one it records, for its amount; no
 *   line is paid in a batch not confirmed nor left pending in a confirmed one; no payment entry lacks its line;
 * - what a claim, an invoice or a batch says it paid is the sum of its paid lines.
 */
export async function verifyExpenses(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck[]> {
  return [await verifyApprovalEntries(ctx), await verifyPaymentEntries(ctx), await verifyPaidAmounts(ctx)];
}

async function verifyApprovalEntries(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{
    item: string | null;
    status: string | null;
    total: string | null;
    recorded: string | null;
    entry_id: string | null;
    entry_ref: string | null;
    entry_total: string | null;
    source: string | null;
  }>(
    ctx.db,
    sql`WITH items AS (
          SELECT 'expense_claim' AS source_type, c.id::text AS id,
                 'claim ' || coalesce(c.number, c.id::text) AS item, c.status, c.total_cents, c.entry_id
          FROM expense_claims c
          UNION ALL
          SELECT 'supplier_invoice', s.id::text, 'supplier invoice ' || s.number || ' (' || s.supplier_name || ')',
                 s.status, s.total_cents, s.entry_id
          FROM supplier_invoices s
        ), entries AS (${liveEntries} AND e.source_type IN ('expense_claim', 'supplier_invoice'))
        SELECT i.item, i.status, i.total_cents::text AS total, i.entry_id::text AS recorded,
               e.id::text AS entry_id, e.ref AS entry_ref, e.total_cents::text AS entry_total,
               e.source_type || ' ' || e.source_id AS source
        FROM items i
        FULL JOIN entries e ON e.source_type = i.source_type AND e.source_id = i.id
        WHERE i.status IN ('approved', 'paid') OR e.id IS NOT NULL
        ORDER BY i.item, e.ref`,
  );
  const problems: string[] = [];
  const byItem = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.item === null) {
      problems.push(`${r.entry_ref}: approval entry of ${r.source}, which does not exist`);
      continue;
    }
    byItem.set(r.item, [...(byItem.get(r.item) ?? []), r]);
  }
  for (const [item, found] of byItem) {
    const { status, total, recorded } = found[0]!;
    const entries = found.filter((r) => r.entry_id !== null);
    if (status !== 'approved' && status !== 'paid') {
      problems.push(
        `${item} is ${status} but has an approval entry (${entries.map((e) => e.entry_ref).join(', ')})`,
      );
      continue;
    }
    if (entries.length === 0) {
      problems.push(`${item} is ${status} but its approval entry is missing`);
      continue;
    }
    if (entries.length > 1)
      problems.push(
        `${item} has ${entries.length} approval entries (${entries.map((e) => e.entry_ref).join(', ')})`,
      );
    for (const e of entries) {
      if (e.entry_id !== recorded) problems.push(`${item}: ${e.entry_ref} is not the entry it records`);
      if (e.entry_total !== total)
        problems.push(`${item}: ${e.entry_ref} totals ${e.entry_total} cents, the ${item} ${total}`);
    }
  }
  return check('expenses: one approval entry per approved claim and supplier invoice', problems);
}

async function verifyPaymentEntries(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{
    line_id: string | null;
    line: string | null;
    batch_status: string | null;
    status: string | null;
    amount: string | null;
    recorded: string | null;
    entry_id: string | null;
    entry_ref: string | null;
    entry_total: string | null;
    source_id: string | null;
  }>(
    ctx.db,
    sql`WITH entries AS (${liveEntries} AND e.source_type = 'expense_payment')
        SELECT l.id::text AS line_id, 'batch ' || b.message_id || ' line ' || l.position AS line,
               b.status AS batch_status, l.status, l.amount_cents::text AS amount, l.entry_id::text AS recorded,
               e.id::text AS entry_id, e.ref AS entry_ref, e.total_cents::text AS entry_total, e.source_id
        FROM expense_payment_lines l
        JOIN expense_payment_batches b ON b.id = l.batch_id
        FULL JOIN entries e ON e.source_id = l.id::text
        WHERE l.status = 'paid' OR (b.status = 'confirmed' AND l.status = 'pending') OR e.id IS NOT NULL
        ORDER BY b.message_id, l.position, e.ref`,
  );
  const problems: string[] = [];
  const byLine = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.line_id === null) {
      problems.push(`${r.entry_ref}: payment entry of line ${r.source_id}, which does not exist`);
      continue;
    }
    byLine.set(r.line_id, [...(byLine.get(r.line_id) ?? []), r]);
  }
  for (const found of byLine.values()) {
    const { line, batch_status: batchStatus, status, amount, recorded } = found[0]!;
    const entries = found.filter((r) => r.entry_id !== null);
    if (batchStatus === 'confirmed' && status === 'pending')
      problems.push(`${line} is still pending in a confirmed batch`);
    if (status === 'paid' && batchStatus !== 'confirmed')
      problems.push(`${line} is paid in a batch not confirmed`);
    if (status !== 'paid') {
      if (entries.length > 0)
        problems.push(
          `${line} is ${status} but has a payment entry (${entries.map((e) => e.entry_ref).join(', ')})`,
        );
      continue;
    }
    if (entries.length === 0) {
      problems.push(`${line} is paid but its payment entry is missing`);
      continue;
    }
    if (entries.length > 1)
      problems.push(
        `${line} has ${entries.length} payment entries (${entries.map((e) => e.entry_ref).join(', ')})`,
      );
    for (const e of entries) {
      if (e.entry_id !== recorded) problems.push(`${line}: ${e.entry_ref} is not the entry it records`);
      if (e.entry_total !== amount)
        problems.push(`${line}: ${e.entry_ref} totals ${e.entry_total} cents, the line ${amount}`);
    }
  }
  return check('expenses: one payment entry per paid line of a confirmed batch', problems);
}

async function verifyPaidAmounts(ctx: Pick<AppContext, 'db'>): Promise<IntegrityCheck> {
  const rows = await queryRows<{ what: string; recorded: string; lines: string }>(
    ctx.db,
    sql`WITH paid AS (
          SELECT item_type, item_id, batch_id, amount_cents FROM expense_payment_lines WHERE status = 'paid'
        )
        SELECT 'claim ' || coalesce(c.number, c.id::text) AS what, c.paid_cents::text AS recorded,
               coalesce((SELECT sum(p.amount_cents) FROM paid p WHERE p.item_type = 'claim' AND p.item_id = c.id), 0)::text AS lines
        FROM expense_claims c
        UNION ALL
        SELECT 'supplier invoice ' || s.number || ' (' || s.supplier_name || ')', s.paid_cents::text,
               coalesce((SELECT sum(p.amount_cents) FROM paid p
                         WHERE p.item_type = 'supplier_invoice' AND p.item_id = s.id), 0)::text
        FROM supplier_invoices s
        UNION ALL
        SELECT 'batch ' || b.message_id, b.paid_cents::text,
               coalesce((SELECT sum(p.amount_cents) FROM paid p WHERE p.batch_id = b.id), 0)::text
        FROM expense_payment_batches b`,
  );
  const problems = rows
    .filter((r) => r.recorded !== r.lines)
    .map((r) => `${r.what} says ${r.recorded} cents paid, its paid lines add up to ${r.lines}`);
  return check('expenses: paid amounts are the sums of the paid lines', problems);
}
