import { sql } from 'drizzle-orm';
import type { ExemptionView } from '../../core/contribution/contribution-views.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** Every exemption, the latest first, revoked ones too (with when, from when and why). */
export async function listContributionExemptions(db: Db): Promise<ExemptionView[]> {
  const rows = await queryRows<{
    id: string;
    member_id: string;
    name: string;
    from_on: string;
    to_on: string;
    reason: string;
    created_at: string;
    revoked_from: string | null;
    revoke_reason: string | null;
    revoked_at: string | null;
  }>(
    db,
    sql`SELECT x.id, x.member_id, m.first_name || ' ' || m.last_name AS name, x.from_on::text, x.to_on::text,
               x.reason, x.created_at, x.revoked_from::text, x.revoke_reason, x.revoked_at
        FROM contribution_exemptions x JOIN members m ON m.id = x.member_id
        ORDER BY x.from_on DESC, x.created_at DESC LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    memberName: r.name,
    fromOn: r.from_on,
    toOn: r.to_on,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
    revokedFrom: r.revoked_from,
    revokeReason: r.revoke_reason,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}
