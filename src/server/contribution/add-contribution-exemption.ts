import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { ContributionExemptionRequest } from '../../core/contribution/contribution-policy.ts';
import type { ExemptionView } from '../../core/contribution/contribution-views.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { daysInclusive } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { contributionExemptions } from './contribution-tables.ts';

/** Stages under a contract with the cooperative: an exemption applies to the member's contract only. */
const contractStages = ['cape', 'cesa', 'associate'];

/**
 * Records a member's dated exemption with its reason (e.g. minimum-benefit recipient). Every day of it
 * must fall within the member's contract (CAPE, CESA or associate stages, from their journey); the next
 * monthly run charges its effect (a correction for months already charged).
 */
export async function addContributionExemption(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<ExemptionView> {
  if (!can(actor.roles, 'contribution.manage')) throw new AppError('FORBIDDEN');
  const parsed = ContributionExemptionRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const e = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [member] = await queryRows<{ name: string; covered: number | string | null }>(
      tx,
      sql`SELECT m.first_name || ' ' || m.last_name AS name,
            (SELECT sum(least(sp.to_on, ${e.toOn}::date) - greatest(sp.from_on, ${e.fromOn}::date) + 1)
             FROM member_stage_periods sp
             WHERE sp.member_id = m.id AND sp.stage = ANY(${sql.param(contractStages)}::text[])
               AND sp.from_on <= ${e.toOn} AND sp.to_on >= ${e.fromOn}) AS covered
          FROM members m WHERE m.id = ${e.memberId}`,
    );
    if (!member) throw new AppError('NOT_FOUND');
    if (Number(member.covered ?? 0) < daysInclusive(e.fromOn, e.toOn))
      throw new AppError('CONTRIBUTION_EXEMPTION_OUTSIDE_CONTRACT', { fromOn: e.fromOn, toOn: e.toOn });
    const [row] = await tx
      .insert(contributionExemptions)
      .values({ ...e, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'contribution.exemption.add',
      objectType: 'contribution_exemption',
      objectId: row!.id,
      changes: { memberId: e.memberId, fromOn: e.fromOn, toOn: e.toOn, reason: e.reason },
    });
    return {
      id: row!.id,
      memberId: row!.memberId,
      memberName: member.name,
      fromOn: row!.fromOn,
      toOn: row!.toOn,
      reason: row!.reason,
      createdAt: row!.createdAt.toISOString(),
      revokedFrom: null,
      revokeReason: null,
      revokedAt: null,
    };
  });
}
