import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { isValidBic, isValidIban } from '../../core/identity/bank-details.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { SalaryPaymentRequest } from '../../core/payroll/payroll-run-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import { queryRows } from '../db/query-rows.ts';
import { storeFile } from '../files/store-file.ts';
import { buildSalaryPaymentXml } from './build-salary-payment-xml.ts';
import { payrollPayments } from './payroll-run-tables.ts';
import { isPayable, slipsToPay, toSalaryPaymentView } from './salary-payment-rows.ts';

/**
 * Prepares the transfer of a month's net salaries (issue 10): every salary recorded and not yet paid whose member
 * has a valid IBAN goes into one batch (a SEPA file); the others are listed with the reason. A salary already in
 * an unconfirmed batch moves to the new one (the older file must not be sent then). Needs the cooperative's own
 * IBAN and BIC (the debtor account).
 */
export async function prepareSalaryPayment(
  ctx: AppContext,
  actor: Actor,
  input: SalaryPaymentRequest,
  options: { replayPast?: boolean } = {},
) {
  const { month, executionDate } = SalaryPaymentRequest.parse(input);
  // The demo replays past months (replayPast); a person prepares a transfer for today or later.
  if (executionDate < `${month}-01` || (!options.replayPast && executionDate < calendarDateOf(ctx.now())))
    throw new AppError('PAYROLL_EXECUTION_DATE_INVALID', { month });
  const coop = await getCooperative(ctx.db);
  if (!coop?.iban || !coop.bic || !isValidIban(coop.iban) || !isValidBic(coop.bic))
    throw new AppError('PAYROLL_DEBTOR_ACCOUNT_MISSING');
  return ctx.db.transaction(async (tx) => {
    const slips = await slipsToPay(tx, { month }, true);
    const included = slips.filter(isPayable);
    const excluded = slips
      .filter((s) => !isPayable(s))
      .map((s) => ({
        memberId: s.member_id,
        memberName: s.member_name,
        reason: s.iban ? 'IBAN ou BIC invalide' : 'IBAN absent',
      }));
    if (included.length === 0) throw new AppError('PAYROLL_NOTHING_TO_PAY', { month });
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM payroll_payments WHERE month = ${`${month}-01`}::date`,
    );
    const [row] = await tx
      .insert(payrollPayments)
      .values({
        month: `${month}-01`,
        messageId: `MUTUA-SAL-${month.replace('-', '')}-${Number(n) + 1}`,
        executionDate,
        totalCents: included.reduce((s, x) => s + Number(x.net), 0),
        transferCount: included.length,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await tx.execute(
      sql`UPDATE payroll_slips SET payment_id = ${row!.id} WHERE id = ANY(${sql.param(included.map((s) => s.id))}::uuid[])`,
    );
    // The file is made once, here, and kept (files, by hash): what is downloaded later is what was prepared,
    // whatever changes afterwards in the members' bank details.
    const xml = buildSalaryPaymentXml(row!, coop, included);
    const sha256 = await storeFile(tx, new TextEncoder().encode(xml), 'application/xml');
    await tx.update(payrollPayments).set({ fileSha256: sha256 }).where(eq(payrollPayments.id, row!.id));
    await recordAudit(tx, actor, {
      action: 'payroll.payment.prepare',
      objectType: 'payroll_payment',
      objectId: row!.id,
      changes: {
        month,
        executionDate,
        messageId: row!.messageId,
        totalCents: row!.totalCents,
        transfers: included.length,
        excluded: excluded.map((e) => e.memberId),
        fileSha256: sha256,
      },
    });
    return { payment: toSalaryPaymentView(row!), excluded };
  });
}
