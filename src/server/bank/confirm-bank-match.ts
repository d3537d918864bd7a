import { eq, sql } from 'drizzle-orm';
import { ConfirmMatchInput } from '../../core/bank/bank-schemas.ts';
import { counterpartyKey } from '../../core/bank/normalize-party-name.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { PostEntryInput } from '../../core/ledger/entry-schemas.ts';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { confirmExpensePaymentBatch } from '../expenses/expense-payment-batches.ts';
import { expensePaymentBatches } from '../expenses/expenses-tables.ts';
import { structureActivityId } from '../governance/structure-activity-id.ts';
import { postEntries } from '../ledger/post-entries.ts';
import { confirmSalaryPayment } from '../payroll/confirm-salary-payment.ts';
import { payrollPayments } from '../payroll/payroll-run-tables.ts';
import { recordPayment } from '../sales/record-payment.ts';
import { invoices } from '../sales/sales-tables.ts';
import { bankAccounts, bankLines, bankMatches, bankMatchRules } from './bank-tables.ts';

/** The suspense account (ledger.md: "Bank line not yet understood", on the structure). */
export const suspenseAccount = '471000';

type Line = typeof bankLines.$inferSelect;
type Account = typeof bankAccounts.$inferSelect;

/**
 * D/C 512x · C/D 471 on the structure for a line, or the reverse to release it (ledger.md). Posted entries are
 * never changed: a line leaving suspense gets its own releasing entry.
 */
function suspenseEntry(
  line: Line,
  account: Account,
  structureId: string,
  release: boolean,
  date: string,
): PostEntryInput {
  const cents = BigInt(Math.abs(line.amountCents));
  const bankDebit = line.amountCents > 0 !== release;
  const label = `${release ? 'Sortie attente' : 'Attente'} ${line.label}`
    .replace(/[\t\r\n]/g, ' ')
    .slice(0, 200);
  return {
    journalCode: account.journalCode,
    entryDate: date,
    pieceRef: (line.bankReference || line.lineKey).slice(0, 60),
    pieceDate: line.bookingDate,
    label,
    source: { type: 'bank_line', id: line.id },
    idempotencyKey: `bank.${release ? 'release' : 'suspense'}.${line.id}`,
    lines: [
      {
        accountNumber: account.ledgerAccountNumber,
        activityId: structureId,
        ...(bankDebit ? { debitCents: cents } : { creditCents: cents }),
        label,
      },
      {
        accountNumber: suspenseAccount,
        activityId: structureId,
        ...(bankDebit ? { creditCents: cents } : { debitCents: cents }),
        label,
      },
    ],
  };
}

async function lockLine(tx: Db, lineId: string) {
  const [line] = await tx.select().from(bankLines).where(eq(bankLines.id, lineId)).for('update');
  if (!line) throw new AppError('NOT_FOUND');
  const [account] = await tx.select().from(bankAccounts).where(eq(bankAccounts.id, line.bankAccountId));
  return { line, account: account! };
}

async function requireStructure(tx: Db) {
  const id = await structureActivityId(tx);
  if (!id) throw new AppError('NOT_FOUND', { what: 'structure activity' });
  return id;
}

/**
 * The accountant's decision on a statement line, in one call (issue 9 §3), in one transaction:
 * - invoices: one payment per invoice through recordPayment, the same path as a payment typed by hand (D 512x ·
 *   C 411, and the VAT on receipts moved from 44574 to 44571); the split must add up to the line and no invoice
 *   can be paid beyond what is due (PAYMENT_EXCEEDS_DUE);
 * - batch: the salary transfer batch it settles is confirmed through confirmSalaryPayment (D 421 · C 512x per
 *   salary), an expense batch through confirmExpensePaymentBatch (D 467/401 · C 512000 per line, issue 7); a
 *   batch already confirmed by hand is only linked, its entries exist;
 * - suspense: D/C 512x · C/D 471 on the structure, so the book's bank balance equals the bank's until the line is
 *   understood.
 * A line in suspense that is then matched is first released (its own reversing entry), then paid as above.
 * A line is matched once; the counterparty → client and activity is learnt for the next statements.
 */
export async function confirmBankMatch(
  ctx: AppContext,
  actor: Actor,
  lineId: string,
  input: unknown,
  options: { auto?: boolean } = {},
) {
  const parsed = ConfirmMatchInput.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const { target, reason, confidence } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const inner: AppContext = { ...ctx, db: tx };
    const { line, account } = await lockLine(tx, lineId);
    if (line.status === 'matched') throw new AppError('BANK_LINE_ALREADY_MATCHED');
    const bank = { journalCode: account.journalCode, accountNumber: account.ledgerAccountNumber };
    const today = dateInTimeZone(ctx.now());
    if (target.kind === 'suspense') {
      if (line.status === 'suspense') throw new AppError('BANK_LINE_ALREADY_MATCHED');
      const [posted] = await postEntries(inner, actor, [
        suspenseEntry(line, account, await requireStructure(tx), false, line.bookingDate),
      ]);
      await tx
        .update(bankLines)
        .set({ status: 'suspense', suspenseEntryId: posted!.id })
        .where(eq(bankLines.id, lineId));
      await recordAudit(tx, actor, {
        action: 'bank.line.suspense',
        objectType: 'bank_line',
        objectId: lineId,
        changes: { amountCents: line.amountCents, entryId: posted!.id },
      });
      return { status: 'suspense' as const, entryIds: [posted!.id] };
    }
    if ((target.kind === 'invoices') !== line.amountCents > 0)
      throw new AppError('BANK_ALLOCATION_DIRECTION');
    let releaseEntryId: string | null = null;
    if (line.status === 'suspense') {
      // Re-allocated later (ledger.md): the release is dated today, the suspense entry stays as posted.
      const releaseDate = today > line.bookingDate ? today : line.bookingDate;
      const [released] = await postEntries(inner, actor, [
        suspenseEntry(line, account, await requireStructure(tx), true, releaseDate),
      ]);
      releaseEntryId = released!.id;
    }
    const base = {
      lineId,
      reason,
      confidence,
      auto: options.auto ?? false,
      createdBy: actor.userId,
      releaseEntryId,
    };
    const learnt: { clientId: string | null; activityId: string } | null = await (async () => {
      if (target.kind === 'invoices') {
        const total = target.allocations.reduce((s, a) => s + a.amountCents, 0);
        if (total !== line.amountCents)
          throw new AppError('BANK_ALLOCATION_UNBALANCED', {
            allocatedCents: total,
            lineCents: line.amountCents,
          });
        let first: { clientId: string; activityId: string } | null = null;
        for (const a of target.allocations) {
          const payment = await recordPayment(
            inner,
            actor,
            a.invoiceId,
            {
              amountCents: a.amountCents,
              paidOn: line.bookingDate,
              method: 'transfer',
              reference: (line.bankReference ?? line.label).slice(0, 100),
            },
            bank,
          );
          await tx.insert(bankMatches).values({
            ...base,
            kind: 'invoice',
            targetId: a.invoiceId,
            amountCents: a.amountCents,
            paymentId: payment.id,
          });
          if (!first) {
            const [inv] = await tx
              .select({ clientId: invoices.clientId, activityId: invoices.activityId })
              .from(invoices)
              .where(eq(invoices.id, a.invoiceId));
            first = inv ?? null;
          }
        }
        return first;
      }
      if (target.batchKind === 'expense') {
        // Issue 7 posts its payments on the main bank account (512000): matched from another account's
        // statement they would land on the wrong 512.
        if (account.ledgerAccountNumber !== '512000')
          throw new AppError('BANK_LEDGER_ACCOUNT_INVALID', {
            accountNumber: account.ledgerAccountNumber,
            journalCode: account.journalCode,
          });
        const [batch] = await tx
          .select()
          .from(expensePaymentBatches)
          .where(eq(expensePaymentBatches.id, target.batchId));
        if (!batch) throw new AppError('NOT_FOUND');
        const batchCents = batch.status === 'confirmed' ? batch.paidCents : batch.totalCents;
        if (batchCents !== -line.amountCents)
          throw new AppError('BANK_BATCH_AMOUNT_MISMATCH', { batchCents, lineCents: -line.amountCents });
        const [taken] = await queryRows<{ id: string }>(
          tx,
          sql`SELECT id FROM bank_matches WHERE kind = 'expense_batch' AND target_id = ${batch.id} LIMIT 1`,
        );
        if (taken) throw new AppError('BANK_LINE_ALREADY_MATCHED');
        // Every line of the batch paid on the day the bank booked it; a batch confirmed by hand is only linked.
        if (batch.status !== 'confirmed')
          await confirmExpensePaymentBatch(inner, actor, batch.id, {
            paidOn: line.bookingDate,
            rejectedLineIds: [],
          });
        await tx
          .insert(bankMatches)
          .values({ ...base, kind: 'expense_batch', targetId: batch.id, amountCents: -line.amountCents });
        return null;
      }
      const [batch] = await tx.select().from(payrollPayments).where(eq(payrollPayments.id, target.batchId));
      if (!batch) throw new AppError('NOT_FOUND');
      if (batch.totalCents !== -line.amountCents)
        throw new AppError('BANK_BATCH_AMOUNT_MISMATCH', {
          batchCents: batch.totalCents,
          lineCents: -line.amountCents,
        });
      const [taken] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM bank_matches WHERE kind = 'salary_batch' AND target_id = ${batch.id} LIMIT 1`,
      );
      if (taken) throw new AppError('BANK_LINE_ALREADY_MATCHED');
      // Confirmed by hand before the statement came: its entries are posted, the line only settles it.
      // Paid on the day the bank booked it, as an expense batch is above: the book’s 512
      // then equals the bank on every statement's date.
      if (batch.status !== 'confirmed')
        await confirmSalaryPayment(inner, actor, batch.id, { ...bank, bookingDate: line.bookingDate });
      await tx
        .insert(bankMatches)
        .values({ ...base, kind: 'salary_batch', targetId: batch.id, amountCents: -line.amountCents });
      return null;
    })();
    await tx
      .update(bankLines)
      .set({ status: 'matched', matchedBy: actor.userId, matchedAt: ctx.now() })
      .where(eq(bankLines.id, lineId));
    // Learnt from the accountant's own choices only (an automatic match teaches nothing new).
    const key = counterpartyKey(line.counterpartyName || line.label);
    if (learnt && !options.auto && key)
      await tx
        .insert(bankMatchRules)
        .values({
          counterpartyKey: key.slice(0, 200),
          clientId: learnt.clientId,
          activityId: learnt.activityId,
        })
        .onConflictDoUpdate({
          target: bankMatchRules.counterpartyKey,
          set: {
            clientId: learnt.clientId,
            activityId: learnt.activityId,
            uses: sql`${bankMatchRules.uses} + 1`,
            updatedAt: ctx.now(),
          },
        });
    await recordAudit(tx, actor, {
      action: options.auto ? 'bank.line.auto_match' : 'bank.line.match',
      objectType: 'bank_line',
      objectId: lineId,
      changes: {
        target: target.kind === 'invoices' ? target.allocations : { batchId: target.batchId },
        reason,
        confidence,
        fromSuspense: releaseEntryId !== null,
      },
    });
    return { status: 'matched' as const, entryIds: releaseEntryId ? [releaseEntryId] : [] };
  });
}

/**
 * Deletes a line imported by mistake (a wrong account chosen): only while it is unmatched, since a matched or
 * suspense line has moved money in the books (the database refuses it too).
 */
export async function deleteBankLine(ctx: AppContext, actor: Actor, lineId: string) {
  return ctx.db.transaction(async (tx) => {
    const { line } = await lockLine(tx, lineId);
    if (line.status !== 'unmatched') throw new AppError('BANK_LINE_MATCHED_NOT_DELETABLE');
    await tx.delete(bankLines).where(eq(bankLines.id, lineId));
    await recordAudit(tx, actor, {
      action: 'bank.line.delete',
      objectType: 'bank_line',
      objectId: lineId,
      changes: {
        amountCents: line.amountCents,
        bookingDate: line.bookingDate,
        label: line.label,
        lineKey: line.lineKey,
      },
    });
  });
}
