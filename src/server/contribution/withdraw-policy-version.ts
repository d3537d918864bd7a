import { eq, sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { isVersionEditable } from '../../core/contribution/policy-versions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { addDaysToDate } from '../../core/ledger/ledger-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { todayOf } from '../members/member-access.ts';
import { contributionPolicyVersions } from './contribution-tables.ts';

/**
 * Withdraws a version that has not come into force (issue 6): it is deleted, its content kept in the audit
 * log. The version its start had ended (createPolicyVersion ends the one running the day before) takes its
 * span back, so the policy stays continuous as it was. A version in force or past is never withdrawn, nor
 * one a run has used.
 */
export async function withdrawPolicyVersion(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!can(actor.roles, 'contribution.manage')) throw new AppError('FORBIDDEN');
  const today = todayOf(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE contribution_policy_versions IN EXCLUSIVE MODE`);
    const existing = await tx.select().from(contributionPolicyVersions);
    const row = existing.find((e) => e.id === id);
    if (!row) throw new AppError('NOT_FOUND');
    const [used] = await queryRows(
      tx,
      sql`SELECT 1 FROM contribution_charges WHERE policy_version_id = ${id} LIMIT 1`,
    );
    if (!isVersionEditable(row, today) || used)
      throw new AppError('CONTRIBUTION_VERSION_IN_FORCE', { validFrom: row.validFrom });
    const dayBefore = addDaysToDate(row.validFrom, -1);
    const previous = existing.find((e) => e.validTo === dayBefore);
    if (previous)
      await tx
        .update(contributionPolicyVersions)
        .set({ validTo: row.validTo, updatedAt: ctx.now() })
        .where(eq(contributionPolicyVersions.id, previous.id));
    await tx.delete(contributionPolicyVersions).where(eq(contributionPolicyVersions.id, id));
    await recordAudit(tx, actor, {
      action: 'contribution.policy.withdraw',
      objectType: 'contribution_policy_version',
      objectId: id,
      changes: {
        validFrom: row.validFrom,
        validTo: row.validTo,
        note: row.note,
        policy: row.policy,
        previousVersionId: previous?.id ?? null,
        previousEndsOn: previous ? row.validTo : null,
      },
    });
  });
}
