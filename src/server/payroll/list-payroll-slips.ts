import { sql } from 'drizzle-orm';
import type { ReportTable } from '../../core/ledger/report-table.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { PayrollSlipView } from '../../core/payroll/payroll-run-schemas.ts';
import type { ContributionLine } from '../../core/payroll/salary-simulation-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type SlipRow = {
  id: string;
  run_id: string;
  member_id: string;
  member_name: string;
  month: string;
  kind: 'salary' | 'cape_zero';
  basis: 'plan' | 'fixed_part' | 'none';
  activity_id: string | null;
  activity_code: string | null;
  gross_cents: string;
  net_social_cents: string;
  net_before_income_tax_cents: string;
  net_taxable_cents: string;
  employer_cost_cents: string;
  employee_contributions_cents: string;
  employer_contributions_cents: string;
  contribution_lines: ContributionLine[];
  advance_cents: string;
  entry_id: string | null;
  paid_on: string | null;
  period_from: string | null;
  period_to: string | null;
  created_at: Date | string;
};

/** Payroll records, by month (everyone, in name order) or of one member (newest month first). */
export async function listPayrollSlips(
  db: Db,
  filter: { month?: PayrollMonth; memberId?: string },
): Promise<PayrollSlipView[]> {
  const rows = await queryRows<SlipRow>(
    db,
    sql`SELECT s.id, s.run_id, s.member_id, m.first_name || ' ' || m.last_name AS member_name,
               to_char(s.month, 'YYYY-MM') AS month, s.kind, s.basis, s.activity_id, a.code AS activity_code,
               s.gross_cents::text, s.net_social_cents::text, s.net_before_income_tax_cents::text,
               s.net_taxable_cents::text, s.employer_cost_cents::text, s.employee_contributions_cents::text,
               s.employer_contributions_cents::text, s.contribution_lines, s.advance_cents::text, s.entry_id,
               s.paid_on::text, s.period_from::text, s.period_to::text, s.created_at
        FROM payroll_slips s JOIN members m ON m.id = s.member_id LEFT JOIN activities a ON a.id = s.activity_id
        WHERE ${filter.month ? sql`s.month = ${`${filter.month}-01`}::date` : sql`true`}
          AND ${filter.memberId ? sql`s.member_id = ${filter.memberId}` : sql`true`}
        ORDER BY ${filter.month ? sql`m.last_name, m.first_name, m.id` : sql`s.month DESC`}
        LIMIT 5000`,
  );
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    memberId: r.member_id,
    memberName: r.member_name,
    month: r.month,
    kind: r.kind,
    basis: r.basis,
    activityId: r.activity_id,
    activityCode: r.activity_code,
    grossCents: Number(r.gross_cents),
    netSocialCents: Number(r.net_social_cents),
    netBeforeIncomeTaxCents: Number(r.net_before_income_tax_cents),
    netTaxableCents: Number(r.net_taxable_cents),
    employerCostCents: Number(r.employer_cost_cents),
    employeeContributionsCents: Number(r.employee_contributions_cents),
    employerContributionsCents: Number(r.employer_contributions_cents),
    lines: typeof r.contribution_lines === 'string' ? JSON.parse(r.contribution_lines) : r.contribution_lines,
    advanceCents: Number(r.advance_cents),
    entryId: r.entry_id,
    paidOn: r.paid_on,
    period: r.period_from && r.period_to ? { from: r.period_from, to: r.period_to } : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

const basisLabel = { plan: 'plan de salaire', fixed_part: 'partie fixe', none: '' } as const;

/**
 * The payroll variables of a month for the payroll provider (issue 10): one row per member recorded, the
 * figures the books hold, as a French spreadsheet opens them (tableToCsv).
 */
export function payrollVariablesTable(month: PayrollMonth, slips: readonly PayrollSlipView[]): ReportTable {
  return {
    title: `Variables de paie ${month}`,
    columns: [
      { key: 'month', label: 'Mois', kind: 'text' },
      { key: 'memberId', label: 'Matricule', kind: 'text' },
      { key: 'name', label: 'Nom', kind: 'text' },
      { key: 'activity', label: 'Activité', kind: 'text' },
      { key: 'contract', label: 'Contrat', kind: 'text' },
      { key: 'basis', label: 'Base', kind: 'text' },
      { key: 'from', label: 'Du', kind: 'text' },
      { key: 'to', label: 'Au', kind: 'text' },
      { key: 'gross', label: 'Salaire brut', kind: 'cents' },
      { key: 'employee', label: 'Cotisations salariales', kind: 'cents' },
      { key: 'employer', label: 'Cotisations patronales', kind: 'cents' },
      { key: 'netSocial', label: 'Montant net social', kind: 'cents' },
      { key: 'net', label: 'Net à payer avant impôt', kind: 'cents' },
      { key: 'taxable', label: 'Net imposable', kind: 'cents' },
      { key: 'cost', label: 'Coût employeur', kind: 'cents' },
      { key: 'advance', label: 'Avance du fonds', kind: 'cents' },
    ],
    rows: slips.map((s) => ({
      month: s.month,
      memberId: s.memberId,
      name: s.memberName,
      activity: s.activityCode ?? '',
      contract: s.kind === 'salary' ? 'CESA' : 'CAPE',
      basis: basisLabel[s.basis],
      from: s.period?.from ?? '',
      to: s.period?.to ?? '',
      gross: s.grossCents,
      employee: s.employeeContributionsCents,
      employer: s.employerContributionsCents,
      netSocial: s.netSocialCents,
      net: s.netBeforeIncomeTaxCents,
      taxable: s.netTaxableCents,
      cost: s.employerCostCents,
      advance: s.advanceCents,
    })),
  };
}
