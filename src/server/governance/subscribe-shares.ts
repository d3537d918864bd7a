import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { SubscribeSharesRequest } from '../../core/governance/governance-schemas.ts';
import { checkSubscription, sharesForAmount } from '../../core/governance/share-capital.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { associates, shareSubscriptions } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';

/**
 * A further subscription of whole shares by an associate in the register (cae-domain.md §3.3): given in
 * shares, or as an amount that must buy whole shares at the statutes' nominal value.
 */
export async function subscribeShares(
  ctx: AppContext,
  actor: Actor,
  associateId: string,
  input: SubscribeSharesRequest,
) {
  const data = SubscribeSharesRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const gov = await loadGovernance(tx);
    const nominal = BigInt(gov.settings.nominalCents);
    const [a] = await tx.select().from(associates).where(eq(associates.id, associateId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    if (a.exitedOn) throw new AppError('ASSOCIATE_EXITED');
    const shares =
      data.amountCents !== undefined
        ? Number(sharesForAmount(BigInt(data.amountCents), nominal))
        : data.shares!;
    const [held] = await queryRows<{ shares: string }>(
      tx,
      sql`SELECT coalesce(sum(shares), 0)::text AS shares FROM share_subscriptions
          WHERE associate_id = ${associateId} AND status <> 'cancelled'`,
    );
    checkSubscription({
      shares,
      alreadyHeld: Number(held!.shares),
      minimumShares: gov.settings.minimumShares,
    });
    const [row] = await tx
      .insert(shareSubscriptions)
      .values({
        associateId,
        shares,
        nominalCents: nominal,
        amountCents: nominal * BigInt(shares),
        subscribedOn: data.subscribedOn,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'governance.shares.subscribe',
      objectType: 'share_subscription',
      objectId: row!.id,
      changes: { associateId, shares, nominalCents: String(nominal), subscribedOn: data.subscribedOn },
    });
    return row!;
  });
}
