import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { ExitAssociateRequest } from '../../core/governance/governance-schemas.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import { refundTerms } from '../../core/governance/plan-refunds.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { associates, shareRefunds, shareSubscriptions } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';

/**
 * Records an associate's exit (cae-domain.md §3.1: resignation, end of employment, exclusion…). Their
 * unpaid subscriptions are cancelled; their paid shares become a refund whose amount the close of the
 * year of departure fixes, due within the statutes' delay (5 years at most).
 */
export async function exitAssociate(
  ctx: AppContext,
  actor: Actor,
  associateId: string,
  input: ExitAssociateRequest,
) {
  const data = ExitAssociateRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const gov = await loadGovernance(tx);
    const [a] = await tx.select().from(associates).where(eq(associates.id, associateId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('associate', a.exitedOn ? 'exited' : 'active', 'exited');
    if (data.exitedOn < a.admittedOn) throw new AppError('ASSOCIATE_EXIT_BEFORE_ADMISSION');
    await tx
      .update(associates)
      .set({ exitedOn: data.exitedOn, exitReason: data.reason, exitDecision: data.decision || null })
      .where(eq(associates.id, associateId));
    await tx
      .update(shareSubscriptions)
      .set({ status: 'cancelled' })
      .where(
        and(eq(shareSubscriptions.associateId, associateId), eq(shareSubscriptions.status, 'subscribed')),
      );
    const [held] = await queryRows<{ shares: number | string; nominal: string | null }>(
      tx,
      sql`SELECT coalesce(sum(shares), 0) AS shares, max(nominal_cents)::text AS nominal
          FROM share_movements WHERE associate_id = ${associateId}`,
    );
    const shares = Number(held!.shares);
    let refund: typeof shareRefunds.$inferSelect | null = null;
    if (shares > 0) {
      const terms = refundTerms(data.exitedOn, gov.fiscalYearEnd, gov.settings.refundYears);
      [refund] = (await tx
        .insert(shareRefunds)
        .values({
          associateId,
          shares,
          nominalCents: BigInt(held!.nominal!),
          exitOn: data.exitedOn,
          fixedOn: terms.fixedOn,
          dueBy: terms.dueBy,
        })
        .returning()) as [typeof shareRefunds.$inferSelect];
    }
    await recordAudit(tx, actor, {
      action: 'governance.associate.exit',
      objectType: 'associate',
      objectId: associateId,
      changes: {
        exitedOn: data.exitedOn,
        reason: data.reason,
        decision: data.decision,
        refundShares: shares,
      },
    });
    return { refund };
  });
}
