import { eq, sql } from 'drizzle-orm';
import { legalFormLabel } from '../../core/cooperative/legal-forms.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { PaySubscriptionRequest } from '../../core/governance/governance-schemas.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import { queryRows } from '../db/query-rows.ts';
import { storeFile } from '../files/store-file.ts';
import { postEntry } from '../ledger/post-entry.ts';
import { drawShareCertificatePdf } from './draw-share-certificate-pdf.ts';
import { associates, shareMovements, shareSubscriptions } from './governance-tables.ts';
import { nextGovernanceNumber } from './next-governance-number.ts';
import { structureActivityId } from './structure-activity-id.ts';

/**
 * Records the payment of a subscription, in one transaction: the entry D 512 bank / C 1013 capital paid
 * up on the structure activity (ledger.md, posting rules; skipped while the cooperative has no structure
 * activity yet), the movement in the register of shares, and the numbered certificate (PDF, stored and
 * sealed).
 */
export async function paySubscription(
  ctx: AppContext,
  actor: Actor,
  subscriptionId: string,
  input: { paidOn: string },
) {
  const { paidOn } = PaySubscriptionRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [s] = await tx
      .select()
      .from(shareSubscriptions)
      .where(eq(shareSubscriptions.id, subscriptionId))
      .for('update');
    if (!s) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('subscription', s.status, 'paid');
    if (paidOn < s.subscribedOn) throw new AppError('SUBSCRIPTION_PAID_BEFORE');
    const [a] = await tx.select().from(associates).where(eq(associates.id, s.associateId));
    if (a!.exitedOn) throw new AppError('ASSOCIATE_EXITED');
    const [coop] = await tx.select().from(cooperative).limit(1);
    if (!coop) throw new AppError('COOPERATIVE_REQUIRED');

    const structure = await structureActivityId(tx);
    let entryId: string | null = null;
    if (structure) {
      const label = `Libération de ${s.shares} part(s) sociale(s) – ${a!.name}`;
      const posted = await postEntry({ ...ctx, db: tx }, actor, {
        journalCode: 'BQ',
        entryDate: paidOn,
        pieceRef: `PS-${a!.number}`,
        pieceDate: paidOn,
        label,
        source: { type: 'share_subscription', id: s.id },
        idempotencyKey: `share-subscription:${s.id}`,
        lines: [
          { accountNumber: '512000', activityId: structure, debitCents: s.amountCents, label },
          { accountNumber: '101300', activityId: structure, creditCents: s.amountCents, label },
        ],
      });
      entryId = posted.id;
    }
    const certificateNumber = await nextGovernanceNumber(tx, 'certificate');
    const movementNumber = await nextGovernanceNumber(tx, 'movement');
    await tx.insert(shareMovements).values({
      number: movementNumber,
      associateId: s.associateId,
      kind: 'subscription',
      onDate: paidOn,
      shares: s.shares,
      nominalCents: s.nominalCents,
      capitalCents: s.amountCents,
      cashCents: s.amountCents,
      subscriptionId: s.id,
      createdBy: actor.userId,
    });
    const [held] = await queryRows<{ shares: string }>(
      tx,
      sql`SELECT coalesce(sum(shares), 0)::text AS shares FROM share_movements WHERE associate_id = ${s.associateId}`,
    );
    const pdf = await drawShareCertificatePdf({
      cooperativeName: coop.legalName,
      legalFormLabel: legalFormLabel(coop.legalForm, coop.variableCapital),
      certificateNumber,
      movementNumber,
      associateNumber: a!.number,
      associateName: a!.name,
      shares: s.shares,
      nominalCents: s.nominalCents,
      subscribedOn: s.subscribedOn,
      paidOn,
      totalShares: Number(held!.shares),
    });
    const sha256 = await storeFile(tx, pdf, 'application/pdf');
    const [paid] = await tx
      .update(shareSubscriptions)
      .set({ status: 'paid', paidOn, entryId, certificateNumber, certificateSha256: sha256 })
      .where(eq(shareSubscriptions.id, s.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'governance.shares.pay',
      objectType: 'share_subscription',
      objectId: s.id,
      changes: {
        paidOn,
        amountCents: String(s.amountCents),
        certificateNumber,
        movementNumber,
        entryId,
        certificateSha256: sha256,
      },
    });
    return paid!;
  });
}
