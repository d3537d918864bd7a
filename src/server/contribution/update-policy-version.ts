import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../core/access/permissions.ts';
import { ContributionPolicy } from '../../core/contribution/contribution-policy.ts';
import type { PolicyVersionView } from '../../core/contribution/contribution-views.ts';
import { findOverlappingVersions, isVersionEditable } from '../../core/contribution/policy-versions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { CalendarDateSchema } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { diffFields, recordAudit } from '../audit/record-audit.ts';
import { todayOf } from '../members/member-access.ts';
import { checkPolicyReferences } from './check-policy-references.ts';
import { contributionPolicyVersions } from './contribution-tables.ts';
import { toPolicyVersionView } from './list-policy-versions.ts';

export const UpdatePolicyVersionRequest = z.strictObject({
  validTo: CalendarDateSchema.nullable(),
  note: z.string().trim().max(500).default(''),
  policy: ContributionPolicy,
});

/** Changes a version not yet in force (its policy, note or end). One in force or past is refused. */
export async function updatePolicyVersion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<PolicyVersionView> {
  if (!can(actor.roles, 'contribution.manage')) throw new AppError('FORBIDDEN');
  const parsed = UpdatePolicyVersionRequest.safeParse(input);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { zodError: parsed.error });
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE contribution_policy_versions IN EXCLUSIVE MODE`);
    const existing = await tx.select().from(contributionPolicyVersions);
    const row = existing.find((e) => e.id === id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!isVersionEditable(row, today))
      throw new AppError('CONTRIBUTION_VERSION_IN_FORCE', { validFrom: row.validFrom });
    const next = { ...row, ...parsed.data };
    if (next.validTo !== null && next.validTo < next.validFrom)
      throw new AppError('CONTRIBUTION_VERSION_OVERLAP', {
        validFrom: next.validFrom,
        validTo: next.validTo,
      });
    await checkPolicyReferences(tx, next.policy);
    const overlaps = findOverlappingVersions(existing.map((e) => (e.id === id ? next : e)));
    if (overlaps.length > 0) {
      const [a, b] = overlaps[0]!;
      const other = existing[existing[a]!.id === id ? b : a]!;
      throw new AppError('CONTRIBUTION_VERSION_OVERLAP', {
        validFrom: other.validFrom,
        validTo: other.validTo ?? '…',
      });
    }
    const [updated] = await tx
      .update(contributionPolicyVersions)
      .set({ ...parsed.data, updatedAt: ctx.now() })
      .where(eq(contributionPolicyVersions.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'contribution.policy.update',
      objectType: 'contribution_policy_version',
      objectId: id,
      changes: diffFields(row as unknown as Record<string, unknown>, parsed.data),
    });
    return toPolicyVersionView(updated!, today, false);
  });
}
