import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { isValidBic, isValidIban } from '../../core/identity/bank-details.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { buildSalaryPaymentEntry } from '../../core/payroll/build-payroll-entry.ts';
import { buildSepaCreditTransfer } from '../../core/payroll/build-sepa-credit-transfer.ts';
import type { PayrollMonth } from '../../core/payroll/payroll-month.ts';
import { SalaryPaymentRequest, type SalaryPaymentView } from '../../core/payroll/payroll-run-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile, storeFile } from '../files/store-file.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { payrollPayments, payrollSlips } from './payroll-run-tables.ts';

function toView(r: typeof payrollPayments.$inferSelect): SalaryPaymentView {
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

type SlipToPay = {
  id: string;
  member_id: string;
  member_name: string;
  activity_id: string;
  net: string;
  iban: string | null;
  bic: string | null;
};

/** The salaries of a batch (or, without one, of a month still unpaid), with the members' bank details. */
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

const bankOk = (s: SlipToPay) =>
  s.iban !== null && isValidIban(s.iban) && (s.bic === null || s.bic === '' || isValidBic(s.bic));

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
    const included = slips.filter(bankOk);
    const excluded = slips
      .filter((s) => !bankOk(s))
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
    const xml = sepaXml(row!, coop, included);
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
    return { payment: toView(row!), excluded };
  });
}

/** The pain.001.001.03 document of a batch: the cooperative's account debited, one transfer per salary. */
function sepaXml(
  payment: typeof payrollPayments.$inferSelect,
  coop: { legalName: string; iban: string; bic: string },
  slips: readonly SlipToPay[],
): string {
  const month = payment.month.slice(0, 7);
  return buildSepaCreditTransfer({
    messageId: payment.messageId,
    createdAt: payment.createdAt.toISOString(),
    executionDate: payment.executionDate,
    debtor: { name: coop.legalName, iban: coop.iban, bic: coop.bic },
    transfers: slips.map((s, i) => ({
      endToEndId: `${payment.messageId}-${i + 1}`.slice(-35),
      creditorName: s.member_name,
      iban: s.iban ?? '',
      bic: s.bic || null,
      amountCents: Number(s.net),
      remittance: `Salaire ${month} ${coop.legalName}`,
    })),
  });
}

/**
 * The batch's SEPA credit transfer file (pain.001.001.03): the bytes stored when it was prepared. A batch
 * prepared before files were kept is rebuilt from its records and the current bank details.
 */
export async function salaryPaymentFile(db: Db, paymentId: string) {
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
  return { fileName: `${payment.messageId}.xml`, xml: sepaXml(payment, coop, slips) };
}

/**
 * The accountant confirms the bank executed the transfer: each salary of the batch is paid (D 421 · C 512 on the
 * member's activity, dated the execution date) and its record marked paid. Once.
 */
export async function confirmSalaryPayment(
  ctx: AppContext,
  actor: Actor,
  paymentId: string,
  /** Confirmed from a bank statement line: posted on that bank account's journal and 512x (issue 9). */
  bank: { journalCode: string; accountNumber: string } | null = null,
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
          executionDate: payment.executionDate,
          bank,
        }),
      ),
    ]);
    await tx
      .update(payrollSlips)
      .set({ paidOn: payment.executionDate })
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
        paid: slips.length,
        totalCents: row!.totalCents,
      },
    });
    return toView(row!);
  });
}

/** The payment batches of a month, newest first. */
export async function listSalaryPayments(db: Db, month: PayrollMonth): Promise<SalaryPaymentView[]> {
  const rows = await db
    .select()
    .from(payrollPayments)
    .where(eq(payrollPayments.month, `${month}-01`))
    .orderBy(sql`created_at DESC`);
  return rows.map(toView);
}
