import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { describePayslip } from '../../core/payroll/describe-payslip.ts';
import { monthBounds, payrollBasisForMonth } from '../../core/payroll/payroll-basis-for-month.ts';
import type { ContributionLine } from '../../core/payroll/salary-simulation-schemas.ts';
import type { Actor } from '../audit/actor.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { drawPayslipPdf } from './draw-payslip-pdf.ts';
import { loadPayrollSettings } from './load-payroll-settings.ts';
import { loadJourney } from './salary-plan-rows.ts';

type SlipRow = {
  id: string;
  member_id: string;
  user_id: string | null;
  first_name: string;
  last_name: string;
  address_line1: string;
  postal_code: string;
  city: string;
  month: string;
  kind: 'salary' | 'cape_zero';
  basis: 'plan' | 'fixed_part' | 'none';
  plan_gross: string | null;
  gross: string;
  net_social: string;
  net: string;
  taxable: string;
  cost: string;
  employee: string;
  employer: string;
  lines: ContributionLine[] | string;
  period_from: string | null;
  period_to: string | null;
  paid_on: string | null;
  created_at: Date | string;
};

/**
 * The payslip of one record as a PDF (issue 10; C. trav. R3243-1): for the member whose record it is, and for
 * whoever reads the payroll (the accountant, managers, administrators). Anyone else is told it does not exist.
 * Drawn from the record as it was run (figures, days paid) and the employer's identity of the month's payroll
 * settings; the same record always gives the same bytes.
 */
export async function renderPayslip(db: Db, actor: Actor, slipId: string) {
  const [s] = await queryRows<SlipRow>(
    db,
    sql`SELECT s.id, s.member_id, m.user_id, m.first_name, m.last_name, m.address_line1, m.postal_code, m.city,
               to_char(s.month, 'YYYY-MM') AS month, s.kind, s.basis, p.monthly_gross_cents::text AS plan_gross,
               s.gross_cents::text AS gross, s.net_social_cents::text AS net_social,
               s.net_before_income_tax_cents::text AS net, s.net_taxable_cents::text AS taxable,
               s.employer_cost_cents::text AS cost, s.employee_contributions_cents::text AS employee,
               s.employer_contributions_cents::text AS employer, s.contribution_lines AS lines,
               s.period_from::text, s.period_to::text, s.paid_on::text, s.created_at
        FROM payroll_slips s JOIN members m ON m.id = s.member_id
        LEFT JOIN salary_plans p ON p.id = s.salary_plan_id
        WHERE s.id = ${slipId}`,
  );
  const own = s !== undefined && actor.userId !== null && s.user_id === actor.userId;
  if (!s || !(own || can(actor.roles, 'payroll.runs.read'))) throw new AppError('NOT_FOUND');
  const coop = await getCooperative(db);
  if (!coop) throw new AppError('NOT_FOUND');
  const { first, last } = monthBounds(s.month);
  const { employer } = await loadPayrollSettings(db, first);
  const from = s.period_from ?? first;
  const to = s.period_to ?? last;
  const day = (d: string) => Number(d.slice(8, 10));
  const daysPaid = day(to) - day(from) + 1;
  const monthDays = day(last);
  let fullMonth: number | null = null;
  if (s.kind === 'salary' && daysPaid < monthDays) {
    if (s.plan_gross !== null) fullMonth = Number(s.plan_gross);
    else {
      const basis = payrollBasisForMonth(await loadJourney(db, s.member_id), [], s.month);
      fullMonth = basis?.kind === 'salary' ? basis.prorata.fullMonthCents : null;
    }
  }
  const a = coop.address;
  const layout = describePayslip({
    employer: {
      legalName: coop.legalName,
      legalFormLabel: coop.legalFormLabel,
      address: [a.line1, a.line2, `${a.postalCode} ${a.city}`].filter(Boolean).join(', '),
      siren: coop.siren,
      ...employer,
    },
    employee: {
      name: `${s.first_name} ${s.last_name}`,
      address: [s.address_line1, `${s.postal_code} ${s.city}`.trim()].filter(Boolean).join(', '),
      memberId: s.member_id,
    },
    slip: {
      month: s.month,
      kind: s.kind,
      periodFrom: from,
      periodTo: to,
      fullMonthGrossCents: fullMonth,
      daysPaid,
      monthDays,
      grossCents: Number(s.gross),
      netSocialCents: Number(s.net_social),
      netBeforeIncomeTaxCents: Number(s.net),
      netTaxableCents: Number(s.taxable),
      employerCostCents: Number(s.cost),
      employeeContributionsCents: Number(s.employee),
      employerContributionsCents: Number(s.employer),
      lines: typeof s.lines === 'string' ? JSON.parse(s.lines) : s.lines,
      paidOn: s.paid_on,
    },
  });
  const pdf = await drawPayslipPdf(layout, { author: coop.legalName, createdAt: new Date(s.created_at) });
  const name = `${s.last_name}-${s.first_name}`.normalize('NFD').replace(/[^A-Za-z0-9-]/g, '');
  return { fileName: `bulletin-${s.month}-${name}.pdf`, pdf };
}
