import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  buildExpensePaymentEntry,
  memberClaimsAccount,
  memberThirdParty,
  suppliersAccount,
  supplierThirdParty,
} from '../../core/expenses/build-expense-entries.ts';
import {
  ConfirmBatchRequest,
  type ExpenseItemType,
  type PayableItem,
  PaymentBatchRequest,
  type PaymentBatchView,
} from '../../core/expenses/expense-schemas.ts';
import { isValidBic, isValidIban } from '../../core/identity/bank-details.ts';
import { normalizeIdentifier } from '../../core/identity/normalize-identifier.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import { buildSepaCreditTransfer } from '../../core/payroll/build-sepa-credit-transfer.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { readFile, storeFile } from '../files/store-file.ts';
import { postEntries } from '../ledger/post-entries.ts';
import {
  expenseClaims,
  expensePaymentBatches,
  expensePaymentLines,
  supplierInvoices,
} from './expenses-tables.ts';

type Payable = {
  type: ExpenseItemType;
  id: string;
  status: string;
  label: string;
  activity_id: string;
  activity_name: string;
  creditor_name: string;
  creditor_id: string;
  siren: string | null;
  iban: string | null;
  bic: string | null;
  total: string;
  paid: string;
  pending: string;
};

/** Approved claims and supplier invoices, with what is still owed and the payee's bank details. */
async function payables(
  db: Db,
  only?: { type: ExpenseItemType; id: string }[],
  lock = false,
): Promise<Payable[]> {
  const ids = only?.map((o) => o.id) ?? null;
  const filter = (alias: string) =>
    ids
      ? sql`${sql.raw(alias)}.id = ANY(${sql.param(ids)}::uuid[])`
      : sql`${sql.raw(alias)}.status = 'approved'`;
  const pending = (type: ExpenseItemType, alias: string) =>
    sql`coalesce((SELECT sum(p.amount_cents) FROM expense_payment_lines p
                  WHERE p.item_type = ${type} AND p.item_id = ${sql.raw(alias)}.id AND p.status = 'pending'), 0)::text`;
  const claims = await queryRows<Payable>(
    db,
    sql`SELECT 'claim' AS type, c.id, c.status, coalesce(c.number, '') || ' ' || c.title AS label, c.activity_id,
               a.name AS activity_name, m.first_name || ' ' || m.last_name AS creditor_name, m.id AS creditor_id,
               NULL AS siren, m.iban, m.bic, c.total_cents::text AS total, c.paid_cents::text AS paid,
               ${pending('claim', 'c')} AS pending
        FROM expense_claims c JOIN members m ON m.id = c.member_id JOIN activities a ON a.id = c.activity_id
        WHERE ${filter('c')} ORDER BY c.submitted_at, c.id ${lock ? sql`FOR UPDATE OF c` : sql``}`,
  );
  const invoices = await queryRows<Payable>(
    db,
    sql`SELECT 'supplier_invoice' AS type, s.id, s.status, s.supplier_name || ' ' || s.number AS label,
               s.activity_id, a.name AS activity_name, s.supplier_name AS creditor_name, s.id AS creditor_id,
               s.supplier_siren AS siren, s.supplier_iban AS iban, s.supplier_bic AS bic,
               s.total_cents::text AS total, s.paid_cents::text AS paid, ${pending('supplier_invoice', 's')} AS pending
        FROM supplier_invoices s JOIN activities a ON a.id = s.activity_id
        WHERE ${filter('s')} ORDER BY s.due_date NULLS LAST, s.id ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
  return [...claims, ...invoices];
}

/** Advisory lock numbering the day's payment batches (see migrate-database.ts and update-person.ts for the others). */
const BATCH_NUMBER_LOCK = 4_242_003;

const owed = (p: Payable) => Number(p.total) - Number(p.paid) - Number(p.pending);
const bankReady = (p: Payable) =>
  p.iban !== null && isValidIban(p.iban) && (p.bic === null || p.bic === '' || isValidBic(p.bic));

/** What the accountant can put in a batch: approved, something still owed and not already in a batch. */
export async function listPayableExpenses(db: Db): Promise<PayableItem[]> {
  return (await payables(db))
    .filter((p) => owed(p) > 0)
    .map((p) => ({
      type: p.type,
      id: p.id,
      label: p.label.trim(),
      creditorName: p.creditor_name,
      activityName: p.activity_name,
      owedCents: owed(p),
      bankReady: bankReady(p),
    }));
}

async function batchView(db: Db, batchId: string): Promise<PaymentBatchView> {
  const [b] = await db.select().from(expensePaymentBatches).where(eq(expensePaymentBatches.id, batchId));
  if (!b) throw new AppError('NOT_FOUND');
  const lines = await db
    .select()
    .from(expensePaymentLines)
    .where(eq(expensePaymentLines.batchId, batchId))
    .orderBy(expensePaymentLines.position);
  return {
    id: b.id,
    messageId: b.messageId,
    executionDate: b.executionDate,
    status: b.status,
    totalCents: b.totalCents,
    paidCents: b.paidCents,
    fileSha256: b.fileSha256,
    createdAt: b.createdAt.toISOString(),
    confirmedAt: b.confirmedAt?.toISOString() ?? null,
    paidOn: b.paidOn,
    lines: lines.map((l) => ({
      id: l.id,
      itemType: l.itemType,
      itemId: l.itemId,
      endToEndId: l.endToEndId,
      creditorName: l.creditorName,
      iban: l.iban,
      amountCents: l.amountCents,
      status: l.status,
      activityId: l.activityId,
      label: l.label,
    })),
  };
}

/** Payment batches, newest first. */
export async function listExpensePaymentBatches(db: Db, limit = 100): Promise<PaymentBatchView[]> {
  const rows = await db
    .select({ id: expensePaymentBatches.id })
    .from(expensePaymentBatches)
    .orderBy(sql`created_at DESC`)
    .limit(limit);
  return Promise.all(rows.map((r) => batchView(db, r.id)));
}

export const getExpensePaymentBatch = batchView;

/**
 * Prepares a payment batch (issue 7): approved claims (to their member's account) and supplier invoices (to the
 * supplier's IBAN), each for all that is still owed or, when asked, for less (a partial payment; the rest stays
 * owed). Becomes one SEPA credit transfer file (pain.001.001.03, the payroll's generator, purpose SUPP), stored
 * with the batch; its MsgId and each line's EndToEndId are kept so a bank statement line can be matched to it.
 * An item already paid, or waiting in another batch, is refused: it cannot be paid twice.
 */
export async function prepareExpensePaymentBatch(
  ctx: AppContext,
  actor: Actor,
  input: PaymentBatchRequest,
  options: { replayPast?: boolean } = {},
) {
  const parsed = PaymentBatchRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const { executionDate, items } = parsed.data;
  const today = calendarDateOf(ctx.now());
  if (!options.replayPast && executionDate < today) throw new AppError('EXPENSE_EXECUTION_DATE_PAST');
  const coop = await getCooperative(ctx.db);
  if (!coop?.iban || !coop.bic || !isValidIban(coop.iban) || !isValidBic(coop.bic))
    throw new AppError('PAYROLL_DEBTOR_ACCOUNT_MISSING');
  if (new Set(items.map((i) => `${i.type}:${i.id}`)).size !== items.length)
    throw new AppError('EXPENSE_ALREADY_PAID');
  return ctx.db.transaction(async (tx) => {
    const found = await payables(tx, items, true);
    const lines = items.map((item, i) => {
      const p = found.find((f) => f.type === item.type && f.id === item.id);
      if (!p) throw new AppError('NOT_FOUND');
      if (p.status === 'paid' || (p.status === 'approved' && owed(p) <= 0))
        throw new AppError('EXPENSE_ALREADY_PAID');
      if (p.status !== 'approved') throw new AppError('EXPENSE_STATUS_REFUSED', { status: p.status });
      const amount = item.amountCents ?? owed(p);
      if (amount > owed(p))
        throw new AppError('EXPENSE_AMOUNT_ABOVE_OWED', { owed: (owed(p) / 100).toFixed(2) });
      if (!bankReady(p)) throw new AppError('EXPENSE_PAYEE_IBAN_MISSING', { name: p.creditor_name });
      return { p, amount, position: i + 1 };
    });
    // The day's batches are counted by their MsgId prefix, not by created_at::date: the database's time zone
    // (UTC) and the cooperative's calendar day (Paris) differ near midnight, which gave a MsgId already taken.
    // The lock makes two batches prepared at the same moment take successive numbers.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BATCH_NUMBER_LOCK})`);
    const prefix = `MUTUA-EXP-${today.replaceAll('-', '')}-`;
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM expense_payment_batches WHERE starts_with(message_id, ${prefix})`,
    );
    const messageId = `${prefix}${Number(n) + 1}`;
    const createdAt = ctx.now();
    const transfers = lines.map(({ p, amount, position }) => ({
      endToEndId: `${messageId}-${position}`,
      creditorName: p.creditor_name,
      iban: normalizeIdentifier(p.iban!),
      bic: p.bic ? normalizeIdentifier(p.bic) : null,
      amountCents: amount,
      remittance: `${p.type === 'claim' ? 'Note de frais' : 'Facture'} ${p.label}`,
    }));
    const xml = buildSepaCreditTransfer({
      messageId,
      createdAt: createdAt.toISOString(),
      executionDate,
      debtor: { name: coop.legalName, iban: coop.iban!, bic: coop.bic! },
      transfers,
      purpose: 'SUPP',
    });
    const fileSha256 = await storeFile(tx, new TextEncoder().encode(xml), 'application/xml');
    const total = lines.reduce((s, l) => s + l.amount, 0);
    const [batch] = await tx
      .insert(expensePaymentBatches)
      .values({ messageId, executionDate, totalCents: total, fileSha256, createdBy: actor.userId, createdAt })
      .returning();
    await tx.insert(expensePaymentLines).values(
      lines.map(({ p, amount, position }, i) => ({
        batchId: batch!.id,
        position,
        itemType: p.type,
        itemId: p.id,
        activityId: p.activity_id,
        endToEndId: transfers[i]!.endToEndId,
        creditorName: p.creditor_name,
        iban: transfers[i]!.iban,
        bic: transfers[i]!.bic,
        amountCents: amount,
        label: transfers[i]!.remittance.slice(0, 200),
      })),
    );
    await recordAudit(tx, actor, {
      action: 'expense.payment.prepare',
      objectType: 'expense_payment_batch',
      objectId: batch!.id,
      changes: { messageId, executionDate, totalCents: total, lines: lines.length },
    });
    return batchView(tx, batch!.id);
  });
}

/** The batch's SEPA file, byte for byte as stored when it was prepared. */
export async function expensePaymentBatchFile(db: Db, batchId: string) {
  const [b] = await db.select().from(expensePaymentBatches).where(eq(expensePaymentBatches.id, batchId));
  if (!b) throw new AppError('NOT_FOUND');
  const file = await readFile(db, b.fileSha256);
  if (!file) throw new AppError('NOT_FOUND');
  return { fileName: `${b.messageId}.xml`, bytes: file.bytes };
}

/**
 * Confirms what the bank did with a batch (issue 7). Called by the accountant's screen, and by bank
 * reconciliation (issue 9) once it matched the statement's lines to the batch by MsgId / EndToEndId:
 *   confirmExpensePaymentBatch(ctx, actor, batchId, { paidOn: '2026-03-25', rejectedLineIds: [lineId] })
 * Each line not rejected is paid: D 467000 the member or 401000 the supplier · C 512000 on the item's activity
 * (ledger.md), dated `paidOn`, and the item's paid amount grows (paid in full: status 'paid'). Rejected lines
 * (an account closed, a wrong IBAN) post nothing and free their item for another batch. Once: confirming a
 * confirmed batch is refused (EXPENSE_BATCH_CONFIRMED), so nothing is ever paid twice.
 */
export async function confirmExpensePaymentBatch(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  input: ConfirmBatchRequest,
) {
  const parsed = ConfirmBatchRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const { paidOn, rejectedLineIds } = parsed.data;
  if (paidOn > calendarDateOf(ctx.now())) throw new AppError('EXPENSE_DATE_IN_FUTURE', { date: paidOn });
  await ctx.db.transaction(async (tx) => {
    const [batch] = await tx
      .select()
      .from(expensePaymentBatches)
      .where(eq(expensePaymentBatches.id, batchId))
      .for('update');
    if (!batch) throw new AppError('NOT_FOUND');
    if (batch.status === 'confirmed') throw new AppError('EXPENSE_BATCH_CONFIRMED');
    const lines = await tx
      .select()
      .from(expensePaymentLines)
      .where(eq(expensePaymentLines.batchId, batchId))
      .orderBy(expensePaymentLines.position)
      .for('update');
    const rejected = new Set(rejectedLineIds);
    for (const id of rejected)
      if (!lines.some((l) => l.id === id)) throw new AppError('EXPENSE_BATCH_LINE_UNKNOWN');
    const paid = lines.filter((l) => !rejected.has(l.id));
    const thirdParties = await payeeThirdParties(tx, paid);
    const posted = await postEntries(
      { db: tx, now: ctx.now },
      actor,
      paid.map((l) =>
        buildExpensePaymentEntry({
          lineId: l.id,
          batchMessageId: batch.messageId,
          endToEndId: l.endToEndId,
          activityId: l.activityId,
          paidOn,
          amountCents: l.amountCents,
          payee: {
            account: l.itemType === 'claim' ? memberClaimsAccount : suppliersAccount,
            thirdParty: thirdParties.get(l.id)!,
          },
          label: `Virement ${l.label}`,
        }),
      ),
    );
    for (const [i, l] of paid.entries()) {
      await tx
        .update(expensePaymentLines)
        .set({ status: 'paid', entryId: posted[i]!.id })
        .where(eq(expensePaymentLines.id, l.id));
      const table = l.itemType === 'claim' ? expenseClaims : supplierInvoices;
      await tx
        .update(table)
        .set({
          paidCents: sql`${table.paidCents} + ${l.amountCents}`,
          status: sql`CASE WHEN ${table.paidCents} + ${l.amountCents} = ${table.totalCents} THEN 'paid' ELSE ${table.status} END`,
        })
        .where(eq(table.id, l.itemId));
    }
    if (rejected.size > 0)
      await tx
        .update(expensePaymentLines)
        .set({ status: 'rejected' })
        .where(and(eq(expensePaymentLines.batchId, batchId), inArray(expensePaymentLines.id, [...rejected])));
    const paidCents = paid.reduce((s, l) => s + l.amountCents, 0);
    await tx
      .update(expensePaymentBatches)
      .set({ status: 'confirmed', paidCents, paidOn, confirmedBy: actor.userId, confirmedAt: ctx.now() })
      .where(eq(expensePaymentBatches.id, batchId));
    await recordAudit(tx, actor, {
      action: 'expense.payment.confirm',
      objectType: 'expense_payment_batch',
      objectId: batchId,
      changes: { messageId: batch.messageId, paidOn, paid: paid.length, rejected: rejected.size, paidCents },
    });
  });
  return batchView(ctx.db, batchId);
}

/** The third party of each paid line: the member (NDF-…) or the supplier (F-SIREN), as in the approval entry. */
async function payeeThirdParties(tx: Db, lines: (typeof expensePaymentLines.$inferSelect)[]) {
  const out = new Map<string, { code: string; name: string }>();
  for (const l of lines) {
    if (l.itemType === 'claim') {
      const [row] = await queryRows<{ member_id: string; name: string }>(
        tx,
        sql`SELECT m.id AS member_id, m.first_name || ' ' || m.last_name AS name
            FROM expense_claims c JOIN members m ON m.id = c.member_id WHERE c.id = ${l.itemId}`,
      );
      out.set(l.id, memberThirdParty({ id: row!.member_id, name: row!.name }));
    } else {
      const [row] = await tx
        .select({ siren: supplierInvoices.supplierSiren, name: supplierInvoices.supplierName })
        .from(supplierInvoices)
        .where(eq(supplierInvoices.id, l.itemId));
      out.set(l.id, supplierThirdParty(row!));
    }
  }
  return out;
}
