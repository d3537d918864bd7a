import { type SQL, sql } from 'drizzle-orm';
import { approversNeeded, type ExpenseStatus } from '../../core/expenses/expense-approval.ts';
import type { ClaimLineView, ClaimView, SupplierInvoiceView } from '../../core/expenses/expense-schemas.ts';
import type { VatTotal } from '../../core/expenses/expense-totals.ts';
import type { VehicleKind } from '../../core/expenses/mileage-scale.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { getExpenseSettings } from './expense-settings.ts';

type Approval = { userId: string; name: string; at: string };

const approvalsOf = (type: 'claim' | 'supplier_invoice', idColumn: SQL) => sql`
  coalesce((SELECT jsonb_agg(jsonb_build_object('userId', a.user_id, 'name', u.name, 'at', a.approved_at)
                              ORDER BY a.approved_at)
            FROM expense_approvals a JOIN users u ON u.id = a.user_id
            WHERE a.item_type = ${type} AND a.item_id = ${idColumn}), '[]'::jsonb) AS approvals`;

/**
 * Expense claims as the API shows them, with their lines, approvals and payment; `where` filters on the claim
 * (alias c). Newest first, at most `limit`.
 */
export async function loadClaimViews(db: Db, where: SQL, limit = 200): Promise<ClaimView[]> {
  const settings = await getExpenseSettings(db);
  const rows = await queryRows<{
    id: string;
    number: string | null;
    activity_id: string;
    activity_name: string;
    member_id: string;
    member_name: string;
    title: string;
    status: ExpenseStatus;
    total_cents: string;
    vat_cents: string;
    paid_cents: string;
    submitted_at: string | null;
    created_at: string;
    rejected_reason: string | null;
    approvals: Approval[];
  }>(
    db,
    sql`SELECT c.id, c.number, c.activity_id, a.name AS activity_name, c.member_id,
               m.first_name || ' ' || m.last_name AS member_name, c.title, c.status, c.total_cents::text,
               c.vat_cents::text, c.paid_cents::text, c.submitted_at, c.created_at, c.rejected_reason,
               ${approvalsOf('claim', sql`c.id`)}
        FROM expense_claims c JOIN activities a ON a.id = c.activity_id JOIN members m ON m.id = c.member_id
        WHERE ${where}
        ORDER BY c.created_at DESC, c.id
        LIMIT ${limit}`,
  );
  if (rows.length === 0) return [];
  const lines = await queryRows<{
    id: string;
    claim_id: string;
    position: number;
    kind: 'expense' | 'mileage';
    line_date: string;
    category_id: string;
    category_label: string;
    description: string;
    total_cents: string;
    vat_cents: string;
    receipt_sha256: string | null;
    media_type: string | null;
    vehicle: VehicleKind | null;
    fiscal_hp: number | null;
    electric: boolean | null;
    distance_km: number | null;
  }>(
    db,
    sql`SELECT l.id, l.claim_id, l.position, l.kind, l.line_date::text, l.category_id, k.label AS category_label,
               l.description, l.total_cents::text, l.vat_cents::text, l.receipt_sha256, f.media_type, l.vehicle,
               l.fiscal_hp, l.electric, l.distance_km
        FROM expense_claim_lines l JOIN expense_categories k ON k.id = l.category_id
        LEFT JOIN files f ON f.sha256 = l.receipt_sha256
        WHERE l.claim_id = ANY(${sql.param(rows.map((r) => r.id))}::uuid[])
        ORDER BY l.claim_id, l.position`,
  );
  const byClaim = new Map<string, ClaimLineView[]>();
  for (const l of lines) {
    const list = byClaim.get(l.claim_id) ?? [];
    list.push({
      id: l.id,
      position: l.position,
      kind: l.kind,
      date: l.line_date,
      categoryId: l.category_id,
      categoryLabel: l.category_label,
      description: l.description,
      totalCents: Number(l.total_cents),
      vatCents: Number(l.vat_cents),
      receiptSha256: l.receipt_sha256,
      receiptMediaType: l.media_type,
      vehicle: l.vehicle,
      fiscalHp: l.fiscal_hp,
      electric: l.electric,
      distanceKm: l.distance_km,
    });
    byClaim.set(l.claim_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: 'claim' as const,
    number: r.number,
    activityId: r.activity_id,
    activityName: r.activity_name,
    memberId: r.member_id,
    memberName: r.member_name,
    title: r.title,
    totalCents: Number(r.total_cents),
    vatCents: Number(r.vat_cents),
    paidCents: Number(r.paid_cents),
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    lines: byClaim.get(r.id) ?? [],
    status: r.status,
    approvals: r.approvals.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    approversNeeded: approversNeeded(Number(r.total_cents), settings.doubleApprovalAboveCents),
    rejectedReason: r.rejected_reason,
  }));
}

/** Supplier invoices as the API shows them; `where` filters on the invoice (alias s). Newest first. */
export async function loadSupplierInvoiceViews(
  db: Db,
  where: SQL,
  limit = 200,
): Promise<SupplierInvoiceView[]> {
  const settings = await getExpenseSettings(db);
  const rows = await queryRows<{
    id: string;
    activity_id: string;
    activity_name: string;
    category_id: string;
    category_label: string;
    supplier_name: string;
    supplier_siren: string | null;
    supplier_iban: string;
    supplier_bic: string | null;
    number: string;
    issue_date: string;
    due_date: string | null;
    description: string;
    vat_totals: VatTotal[];
    total_cents: string;
    vat_cents: string;
    paid_cents: string;
    pdf_sha256: string;
    created_at: string;
    status: ExpenseStatus;
    rejected_reason: string | null;
    approvals: Approval[];
  }>(
    db,
    sql`SELECT s.id, s.activity_id, a.name AS activity_name, s.category_id, k.label AS category_label,
               s.supplier_name, s.supplier_siren, s.supplier_iban, s.supplier_bic, s.number, s.issue_date::text,
               s.due_date::text, s.description, s.vat_totals, s.total_cents::text, s.vat_cents::text,
               s.paid_cents::text, s.pdf_sha256, s.created_at, s.status, s.rejected_reason,
               ${approvalsOf('supplier_invoice', sql`s.id`)}
        FROM supplier_invoices s JOIN activities a ON a.id = s.activity_id
        JOIN expense_categories k ON k.id = s.category_id
        WHERE ${where}
        ORDER BY s.created_at DESC, s.id
        LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: 'supplier_invoice' as const,
    activityId: r.activity_id,
    activityName: r.activity_name,
    categoryId: r.category_id,
    categoryLabel: r.category_label,
    supplierName: r.supplier_name,
    supplierSiren: r.supplier_siren,
    supplierIban: r.supplier_iban,
    supplierBic: r.supplier_bic,
    number: r.number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    description: r.description,
    vatTotals: r.vat_totals,
    totalCents: Number(r.total_cents),
    vatCents: Number(r.vat_cents),
    paidCents: Number(r.paid_cents),
    pdfSha256: r.pdf_sha256,
    createdAt: new Date(r.created_at).toISOString(),
    status: r.status,
    approvals: r.approvals.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    approversNeeded: approversNeeded(Number(r.total_cents), settings.doubleApprovalAboveCents),
    rejectedReason: r.rejected_reason,
  }));
}
