import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { ExemptionRevocationRequest } from '../../core/contribution/contribution-policy.ts';
import type { ExemptionView } from '../../core/contribution/contribution-views.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { fiscalYearOfMonth } from './run-contribution.ts';

/**
 * Revokes a member's exemption from a day on (issue 6): the member is charged again from that day, and
 * revoking from its first day cancels it. The row keeps its dates and gains the revocation (day, reason,
 * who, when). Months already run are never changed: the next monthly run charges the difference as a
 * correction. Refused for a day in a closed fiscal year, where no run can correct anything any more.
 */
export async function revokeContributionExemption(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<ExemptionView> {
  if (!can(actor.roles, 'contribution.manage')) throw new AppError('FORBIDDEN');
  const parsed = ExemptionRevocationRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const r = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [row] = await queryRows<{
      member_id: string;
      name: string;
      from_on: string;
      to_on: string;
      reason: string;
      created_at: string;
      revoked_from: string | null;
    }>(
      tx,
      sql`SELECT x.member_id, m.first_name || ' ' || m.last_name AS name, x.from_on::text, x.to_on::text,
                 x.reason, x.created_at, x.revoked_from::text
          FROM contribution_exemptions x JOIN members m ON m.id = x.member_id
          WHERE x.id = ${id} FOR UPDATE OF x`,
    );
    if (!row) throw new AppError('NOT_FOUND');
    if (row.revoked_from)
      throw new AppError('CONTRIBUTION_EXEMPTION_REVOKED', { revokedFrom: row.revoked_from });
    if (r.revokedFrom < row.from_on || r.revokedFrom > row.to_on)
      throw new AppError('CONTRIBUTION_REVOCATION_OUTSIDE', { fromOn: row.from_on, toOn: row.to_on });
    const year = await fiscalYearOfMonth({ db: tx }, r.revokedFrom.slice(0, 7));
    if (year.closed)
      throw new AppError('CONTRIBUTION_REVOCATION_CLOSED_YEAR', { revokedFrom: r.revokedFrom });
    const now = ctx.now();
    await tx.execute(sql`UPDATE contribution_exemptions
                         SET revoked_from = ${r.revokedFrom}, revoke_reason = ${r.reason},
                             revoked_by = ${actor.userId}, revoked_at = ${now.toISOString()}
                         WHERE id = ${id}`);
    await recordAudit(tx, actor, {
      action: 'contribution.exemption.revoke',
      objectType: 'contribution_exemption',
      objectId: id,
      changes: { memberId: row.member_id, fromOn: row.from_on, toOn: row.to_on, ...r },
    });
    return {
      id,
      memberId: row.member_id,
      memberName: row.name,
      fromOn: row.from_on,
      toOn: row.to_on,
      reason: row.reason,
      createdAt: new Date(row.created_at).toISOString(),
      revokedFrom: r.revokedFrom,
      revokeReason: r.reason,
      revokedAt: now.toISOString(),
    };
  });
}
