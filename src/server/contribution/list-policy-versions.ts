import { asc } from 'drizzle-orm';
import { ContributionPolicy } from '../../core/contribution/contribution-policy.ts';
import type { PolicyVersionView } from '../../core/contribution/contribution-views.ts';
import { isVersionEditable, versionInForce } from '../../core/contribution/policy-versions.ts';
import type { Db } from '../db/open-database.ts';
import { contributionPolicyVersions } from './contribution-tables.ts';

export type PolicyVersionRow = typeof contributionPolicyVersions.$inferSelect;

export function toPolicyVersionView(
  row: PolicyVersionRow,
  today: string,
  inForce: boolean,
): PolicyVersionView {
  return {
    id: row.id,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    policy: ContributionPolicy.parse(row.policy),
    inForce,
    editable: isVersionEditable(row, today),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every version of the policy, oldest first, saying which one is in force today and which may change. */
export async function listPolicyVersions(db: Db, today: string): Promise<PolicyVersionView[]> {
  const rows = await db
    .select()
    .from(contributionPolicyVersions)
    .orderBy(asc(contributionPolicyVersions.validFrom));
  const current = versionInForce(rows, today);
  return rows.map((r) => toPolicyVersionView(r, today, r === current));
}
