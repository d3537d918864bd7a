import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile } from '../files/store-file.ts';
import { buildSalaryPaymentXml } from './build-salary-payment-xml.ts';
import { payrollPayments } from './payroll-run-tables.ts';
import { type SlipToPay, slipsToPay } from './salary-payment-rows.ts';

/**
 * The batch's SEPA credit transfer file (pain.001.001.03): the bytes stored when it was prepared. A batch
 * prepared before files were kept is rebuilt from its records and the current bank details.
 */
export async function readSalaryPaymentFile(db: Db, paymentId: string) {
  const [payment] = await db.select().from(payrollPayments).where(eq(payrollPayments.id, paymentId));
  if (!payment) throw new AppError('NOT_FOUND');
  if (payment.fileSha256) {
    const file = await readFile(db, payment.fileSha256);
    if (!file) throw new AppError('NOT_FOUND');
    return { fileName: `${payment.messageId}.xml`, xml: new TextDecoder().decode(file.bytes) };
  }
  const coop = await getCooperative(db);
  if (!coop?.iban || !coop.bic) throw new AppError('PAYROLL_DEBTOR_ACCOUNT_MISSING');
  const slips =
    payment.status === 'confirmed'
      ? await queryRows<SlipToPay>(
          db,
          sql`SELECT s.id, s.member_id, m.first_name || ' ' || m.last_name AS member_name, s.activity_id,
                     s.net_before_income_tax_cents::text AS net, m.iban, m.bic
              FROM payroll_slips s JOIN members m ON m.id = s.member_id WHERE s.payment_id = ${paymentId}
              ORDER BY m.last_name, m.first_name, m.id`,
        )
      : await slipsToPay(db, { paymentId });
  if (slips.length === 0) throw new AppError('PAYROLL_NOTHING_TO_PAY', { month: payment.month.slice(0, 7) });
  return { fileName: `${payment.messageId}.xml`, xml: buildSalaryPaymentXml(payment, coop, slips) };
}
