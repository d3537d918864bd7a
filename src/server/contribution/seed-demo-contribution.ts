import { sql } from 'drizzle-orm';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { createActivity } from '../activities/create-activity.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { createPolicyVersion } from './create-policy-version.ts';
import { monthEndOf, monthsOfYearTo } from './load-contribution-inputs.ts';
import { runContribution } from './run-contribution.ts';

/** The first year the demo charges through real runs; 2025 keeps the demo books' synthetic transfers. */
const firstRunYear = '2026';

/**
 * The demo's contribution (issue 6): a solidarity fund, a progressive policy from January 2026 (12 % of
 * the gross margin up to €30,000 a year, 9 % above, €30 a month; 5 % under a CAPE; a tenth to the fund),
 * then the monthly run of every month of 2026 that is over, in order — so every dashboard tells a story.
 * Idempotent: the policy is created once, and a month already run posts nothing again.
 */
export async function seedDemoContribution(ctx: AppContext) {
  const today = dateInTimeZone(ctx.now());
  if (today < `${firstRunYear}-02-01`) return { runs: 0 };
  let [fund] = await queryRows<{ id: string }>(
    ctx.db,
    sql`SELECT id FROM activities WHERE code = 'FONDS-SOLIDARITE'`,
  );
  if (!fund)
    fund = await createActivity(ctx, systemActor, {
      code: 'FONDS-SOLIDARITE',
      name: 'Fonds de solidarité',
      kind: 'fund',
    });
  const [existing] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM contribution_policy_versions`,
  );
  if (!existing?.n)
    await createPolicyVersion(ctx, systemActor, {
      validFrom: `${firstRunYear}-01-01`,
      note: 'Politique votée en assemblée générale (démonstration).',
      policy: {
        base: 'gross_margin',
        marginPurchaseAccounts: ['601', '604', '607', '611'],
        schedule: {
          brackets: [
            { fromCents: 0, rateBp: 1_200 },
            { fromCents: 3_000_000, rateBp: 900 },
          ],
          monthlyFeeCents: 3_000,
        },
        cape: { mode: 'custom', schedule: { brackets: [{ fromCents: 0, rateBp: 500 }], monthlyFeeCents: 0 } },
        split: [{ activityId: fund.id, shareBp: 1_000 }],
      },
    });
  const [latest] = await queryRows<{ month: string | null }>(
    ctx.db,
    sql`SELECT max(month) AS month FROM contribution_charges`,
  );
  let runs = 0;
  for (const month of monthsOfYearTo(`${firstRunYear}-01-01`, today.slice(0, 7))) {
    if (monthEndOf(month) >= today || (latest?.month && month < latest.month)) continue;
    await runContribution(ctx, systemActor, { month });
    runs += 1;
  }
  return { runs };
}
