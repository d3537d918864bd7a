import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { FixRefundsRequest } from '../../core/governance/governance-schemas.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import { computeRefundAmount } from '../../core/governance/plan-refunds.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { shareRefunds } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';
import { capitalFigures } from './read-capital.ts';

/**
 * The close of a fiscal year fixes the refunds of the associates who left during it (cae-domain.md §3.3):
 * each is the nominal value of their shares minus their share of the losses the close left on the
 * capital, pro rata of the capital at the close.
 */
export async function fixRefunds(
  ctx: AppContext,
  actor: Actor,
  input: { closeOn: string; uncoveredLossesCents: number },
) {
  const data = FixRefundsRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const gov = await loadGovernance(tx);
    if (data.closeOn.slice(5) !== gov.fiscalYearEnd || data.closeOn > calendarDateOf(ctx.now()))
      throw new AppError('REFUND_CLOSE_DATE_INVALID', { fiscalYearEnd: gov.fiscalYearEnd });
    const due = await tx
      .select()
      .from(shareRefunds)
      .where(and(eq(shareRefunds.status, 'awaitingClose'), eq(shareRefunds.fixedOn, data.closeOn)))
      .orderBy(asc(shareRefunds.exitOn), asc(shareRefunds.id))
      .for('update');
    const { atCents: capitalAtClose } = await capitalFigures(tx, data.closeOn);
    const losses = BigInt(data.uncoveredLossesCents);
    if (losses > capitalAtClose) throw new AppError('REFUND_LOSSES_ABOVE_CAPITAL');
    const fixed = [];
    for (const r of due) {
      assertGovernanceTransition('refund', r.status, 'fixed');
      const amountCents = computeRefundAmount({
        nominalCents: r.nominalCents * BigInt(r.shares),
        capitalAtCloseCents: capitalAtClose,
        uncoveredLossesCents: losses,
      });
      const [row] = await tx
        .update(shareRefunds)
        .set({
          status: 'fixed',
          amountCents,
          uncoveredLossesCents: losses,
          capitalAtCloseCents: capitalAtClose,
        })
        .where(eq(shareRefunds.id, r.id))
        .returning();
      fixed.push(row!);
    }
    await recordAudit(tx, actor, {
      action: 'governance.refunds.fix',
      objectType: 'share_refund',
      objectId: data.closeOn,
      changes: {
        closeOn: data.closeOn,
        uncoveredLossesCents: String(losses),
        capitalAtCloseCents: String(capitalAtClose),
        refunds: fixed.map((r) => ({ id: r.id, amountCents: String(r.amountCents) })),
      },
    });
    return fixed;
  });
}
