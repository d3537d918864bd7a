import { asc, eq, ne } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { PayRefundRequest } from '../../core/governance/governance-schemas.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import { checkRefundPayment, planRefunds } from '../../core/governance/plan-refunds.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { associates, shareMovements, shareRefunds } from './governance-tables.ts';
import { nextGovernanceNumber } from './next-governance-number.ts';
import { capitalFigures } from './read-capital.ts';
import { structureActivityId } from './structure-activity-id.ts';

/**
 * Pays a departed associate's refund, only in the order of departure, once its amount is fixed, and only
 * if the capital stays at or above half of the highest capital reached (otherwise the refund waits for new
 * subscriptions and the error says why). The capital falls by the shares' nominal value; the entry is
 * D 1013 nominal / C 512 the amount paid / C 119 the share of losses it absorbs [NOTE: the loss account
 * is the usual one; to confirm with the accountant].
 */
export async function payRefund(ctx: AppContext, actor: Actor, refundId: string, input: { paidOn: string }) {
  const { paidOn } = PayRefundRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    // Locking every unpaid refund serialises refund payments: the order and the floor hold under concurrency.
    const pending = await tx
      .select()
      .from(shareRefunds)
      .where(ne(shareRefunds.status, 'paid'))
      .orderBy(asc(shareRefunds.exitOn), asc(shareRefunds.id))
      .for('update');
    const refund = pending.find((r) => r.id === refundId);
    if (!refund) {
      const [paid] = await tx
        .select({ id: shareRefunds.id })
        .from(shareRefunds)
        .where(eq(shareRefunds.id, refundId));
      if (paid) assertGovernanceTransition('refund', 'paid', 'paid');
      throw new AppError('NOT_FOUND');
    }
    if (paidOn < refund.exitOn) throw new AppError('REFUND_PAID_BEFORE_EXIT');
    const figures = await capitalFigures(tx);
    const plan = planRefunds({
      capitalCents: figures.capitalCents,
      highestCapitalCents: figures.highestCents,
      refunds: pending.map((r) => ({
        id: r.id,
        exitOn: r.exitOn,
        capitalCents: r.nominalCents * BigInt(r.shares),
        amountCents: r.amountCents,
        dueBy: r.dueBy,
      })),
      today: paidOn,
    });
    checkRefundPayment(plan, refundId);
    assertGovernanceTransition('refund', refund.status, 'paid');
    const amount = refund.amountCents!;
    const nominal = refund.nominalCents * BigInt(refund.shares);
    const [a] = await tx.select().from(associates).where(eq(associates.id, refund.associateId));

    const structure = await structureActivityId(tx);
    let entryId: string | null = null;
    if (structure) {
      const label = `Remboursement de ${refund.shares} part(s) sociale(s) – ${a!.name}`;
      const lines = [
        { accountNumber: '101300', activityId: structure, debitCents: nominal, label },
        ...(amount > 0n
          ? [{ accountNumber: '512000', activityId: structure, creditCents: amount, label }]
          : []),
        ...(nominal > amount
          ? [
              {
                accountNumber: '119000',
                activityId: structure,
                creditCents: nominal - amount,
                label: `${label} (part des pertes)`,
              },
            ]
          : []),
      ];
      const posted = await postEntry({ ...ctx, db: tx }, actor, {
        journalCode: amount > 0n ? 'BQ' : 'OD',
        entryDate: paidOn,
        pieceRef: `RPS-${a!.number}`,
        pieceDate: paidOn,
        label,
        source: { type: 'share_refund', id: refund.id },
        idempotencyKey: `share-refund:${refund.id}`,
        lines,
      });
      entryId = posted.id;
    }
    const movementNumber = await nextGovernanceNumber(tx, 'movement');
    await tx.insert(shareMovements).values({
      number: movementNumber,
      associateId: refund.associateId,
      kind: 'refund',
      onDate: paidOn,
      shares: -refund.shares,
      nominalCents: refund.nominalCents,
      capitalCents: -nominal,
      cashCents: amount,
      refundId: refund.id,
      createdBy: actor.userId,
    });
    const [row] = await tx
      .update(shareRefunds)
      .set({ status: 'paid', paidOn, entryId })
      .where(eq(shareRefunds.id, refund.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'governance.refund.pay',
      objectType: 'share_refund',
      objectId: refund.id,
      changes: {
        paidOn,
        amountCents: String(amount),
        nominalCents: String(nominal),
        movementNumber,
        entryId,
      },
    });
    return row!;
  });
}
