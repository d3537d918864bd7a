import { sql } from 'drizzle-orm';
import type { ContributionPolicy } from '../../core/contribution/contribution-policy.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** The activities a policy names exist: overrides name activities, the split names funds (kind 'fund'). */
export async function checkPolicyReferences(db: Db, policy: ContributionPolicy) {
  const ids = [
    ...policy.overrides.flatMap((o) => (o.target.type === 'activity' ? [o.target.activityId] : [])),
    ...policy.split.map((s) => s.activityId),
  ];
  if (ids.length === 0) return;
  const rows = await queryRows<{ id: string; kind: string }>(
    db,
    sql`SELECT id, kind FROM activities WHERE id = ANY(${sql.param(ids)}::uuid[])`,
  );
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  for (const o of policy.overrides)
    if (o.target.type === 'activity' && !kinds.has(o.target.activityId))
      throw new AppError('CONTRIBUTION_UNKNOWN_ACTIVITY', { activityId: o.target.activityId });
  for (const s of policy.split)
    if (kinds.get(s.activityId) !== 'fund')
      throw new AppError('CONTRIBUTION_SPLIT_NOT_FUND', { activityId: s.activityId });
}
