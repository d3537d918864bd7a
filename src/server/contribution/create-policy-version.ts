import { sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { ContributionPolicyVersion } from '../../core/contribution/contribution-policy.ts';
import type { PolicyVersionView } from '../../core/contribution/contribution-views.ts';
import { findOverlappingVersions } from '../../core/contribution/policy-versions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { addDaysToDate } from '../../core/ledger/ledger-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { todayOf } from '../members/member-access.ts';
import { checkPolicyReferences } from './check-policy-references.ts';
import { contributionPolicyVersions } from './contribution-tables.ts';
import { toPolicyVersionView } from './list-policy-versions.ts';

/**
 * Starts a new version of the policy at a date (the first of a month). A version in force is never edited
 * (issue 6): the version running on that date ends the day before, so the new one takes over; any other
 * overlap (with a later version) is refused, as is a start in a month already charged, or a start in the
 * past inside a version that was in force then (that would rewrite how past months were computed).
 */
export async function createPolicyVersion(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<PolicyVersionView> {
  if (!can(actor.roles, 'contribution.manage')) throw new AppError('FORBIDDEN');
  const parsed = ContributionPolicyVersion.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const v = parsed.data;
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE contribution_policy_versions IN EXCLUSIVE MODE`);
    await checkPolicyReferences(tx, v.policy);
    const [charged] = await queryRows<{ month: string | null }>(
      tx,
      sql`SELECT max(month) AS month FROM contribution_charges`,
    );
    if (charged?.month && v.validFrom.slice(0, 7) <= charged.month)
      throw new AppError('CONTRIBUTION_VERSION_AFTER_RUNS', { validFrom: v.validFrom, month: charged.month });
    const existing = await tx.select().from(contributionPolicyVersions);
    const covering = existing.find(
      (e) => e.validFrom < v.validFrom && (e.validTo === null || e.validTo >= v.validFrom),
    );
    if (covering && v.validFrom <= today)
      throw new AppError('CONTRIBUTION_VERSION_IN_FORCE', { validFrom: covering.validFrom });
    const dayBefore = addDaysToDate(v.validFrom, -1);
    const after = existing.map((e) => (e === covering ? { ...e, validTo: dayBefore } : e));
    const overlaps = findOverlappingVersions([...after, v]);
    if (overlaps.length > 0) {
      const other = after[overlaps[0]![0]]!;
      throw new AppError('CONTRIBUTION_VERSION_OVERLAP', {
        validFrom: other.validFrom,
        validTo: other.validTo ?? '…',
      });
    }
    if (covering)
      await tx.execute(sql`UPDATE contribution_policy_versions SET valid_to = ${dayBefore}, updated_at = now()
                           WHERE id = ${covering.id}`);
    const [row] = await tx
      .insert(contributionPolicyVersions)
      .values({
        validFrom: v.validFrom,
        validTo: v.validTo,
        note: v.note,
        policy: v.policy,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'contribution.policy.create',
      objectType: 'contribution_policy_version',
      objectId: row!.id,
      changes: {
        validFrom: v.validFrom,
        validTo: v.validTo,
        policy: v.policy,
        previousEndsOn: covering ? dayBefore : null,
      },
    });
    return toPolicyVersionView(
      row!,
      today,
      v.validFrom <= today && (v.validTo === null || v.validTo >= today),
    );
  });
}
