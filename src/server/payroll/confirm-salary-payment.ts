import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { buildSalaryPaymentEntry } from '../../core/payroll/build-payroll-entry.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { payrollPayments, payrollSlips } from './payroll-run-tables.ts';
import { slipsToPay, toSalaryPaymentView } from './salary-payment-rows.ts';

/**
 * The accountant confirms the bank executed the transfer: each salary of the batch is paid (D 421 · C 512 on the
 * member's activity, dated the execution date) and its record marked paid. Once. Confirmed from a statement
 * line, the payment is dated the day the bank booked it (which may be after the execution date asked for), so
 * the book's bank balance equals the bank's on every statement date (issue 9, ledger.md).
 */
export async function confirmSalaryPayment(
  ctx: AppContext,
  actor: Actor,
  paymentId: string,
  /** Confirmed from a bank statement line: posted on that bank account's journal and 512x, on its date (issue 9). */
  bank: { journalCode: string; accountNumber: string; bookingDate: string } | null = null,
) {
  return ctx.db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payrollPayments)
      .where(eq(payrollPayments.id, paymentId))
      .for('update');
    if (!payment) throw new AppError('NOT_FOUND');
    if (payment.status === 'confirmed') throw new AppError('PAYROLL_PAYMENT_CONFIRMED');
    const month = payment.month.slice(0, 7);
    const paidOn = bank?.bookingDate ?? payment.executionDate;
    const slips = await slipsToPay(tx, { paymentId }, true);
    if (slips.length === 0) throw new AppError('PAYROLL_NOTHING_TO_PAY', { month });
    await postEntries({ db: tx, now: ctx.now }, actor, [
      ...slips.map((s) =>
        buildSalaryPaymentEntry({
          month,
          member: { id: s.member_id, name: s.member_name },
          activityId: s.activity_id,
          paymentId,
          netCents: Number(s.net),
          executionDate: paidOn,
          bank,
        }),
      ),
    ]);
    await tx
      .update(payrollSlips)
      .set({ paidOn })
      .where(and(eq(payrollSlips.paymentId, paymentId), isNull(payrollSlips.paidOn)));
    const [row] = await tx
      .update(payrollPayments)
      .set({
        status: 'confirmed',
        confirmedBy: actor.userId,
        confirmedAt: ctx.now(),
        totalCents: slips.reduce((s, x) => s + Number(x.net), 0),
        transferCount: slips.length,
      })
      .where(eq(payrollPayments.id, paymentId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'payroll.payment.confirm',
      objectType: 'payroll_payment',
      objectId: paymentId,
      changes: {
        month,
        executionDate: payment.executionDate,
        paidOn,
        paid: slips.length,
        totalCents: row!.totalCents,
      },
    });
    return toSalaryPaymentView(row!);
  });
}
