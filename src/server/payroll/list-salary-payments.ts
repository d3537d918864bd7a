import { eq, sql } from 'drizzle-orm';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import type { SalaryPaymentView } from '../../core/payroll/payroll-run-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { payrollPayments } from './payroll-run-tables.ts';
import { toSalaryPaymentView } from './salary-payment-rows.ts';

/** The payment batches of a month, newest first. */
export async function listSalaryPayments(db: Db, month: PayrollMonth): Promise<SalaryPaymentView[]> {
  const rows = await db
    .select()
    .from(payrollPayments)
    .where(eq(payrollPayments.month, `${month}-01`))
    .orderBy(sql`created_at DESC`);
  return rows.map(toSalaryPaymentView);
}
