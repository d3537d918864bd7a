import { sql } from 'drizzle-orm';
import { isValidBic, isValidIban } from '../../core/identity/bank-details.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { SalaryPaymentView } from '../../core/payroll/payroll-run-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { payrollPayments } from './payroll-run-tables.ts';

/** A payment batch as the API shows it. */
export function toSalaryPaymentView(r: typeof payrollPayments.$inferSelect): SalaryPaymentView {
  return {
    id: r.id,
    month: r.month.slice(0, 7),
    messageId: r.messageId,
    executionDate: r.executionDate,
    totalCents: r.totalCents,
    transferCount: r.transferCount,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  };
}

/** A salary to transfer, with the member's bank details. */
export type SlipToPay = {
  id: string;
  member_id: string;
  member_name: string;
  activity_id: string;
  net: string;
  iban: string | null;
  bic: string | null;
};

export /** The salaries of a batch (or, without one, of a month still unpaid), with the members' bank details. */
async function slipsToPay(db: Db, where: { month?: PayrollMonth; paymentId?: string }, lock = false) {
  return queryRows<SlipToPay>(
    db,
    sql`SELECT s.id, s.member_id, m.first_name || ' ' || m.last_name AS member_name, s.activity_id,
               s.net_before_income_tax_cents::text AS net, m.iban, m.bic
        FROM payroll_slips s JOIN members m ON m.id = s.member_id
        WHERE s.kind = 'salary' AND s.paid_on IS NULL AND s.net_before_income_tax_cents > 0
          AND ${where.paymentId ? sql`s.payment_id = ${where.paymentId}` : sql`s.month = ${`${where.month}-01`}::date`}
        ORDER BY m.last_name, m.first_name, m.id
        ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
}

/** Whether a salary can go into a SEPA file: a valid IBAN (and BIC, when one is given). */
export const isPayable = (s: SlipToPay) =>
  s.iban !== null && isValidIban(s.iban) && (s.bic === null || s.bic === '' || isValidBic(s.bic));
