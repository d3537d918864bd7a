import { sql } from 'drizzle-orm';
import { dateInTimeZone } from '../../core/ledger/ledger-date.ts';
import { createActivity } from '../activities/create-activity.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { createPolicyVersion } from './create-policy-version.ts';
import { monthEndOf, monthsOfYearTo } from './load-contribution-inputs.ts';
import { fiscalYearOfMonth, runContribution } from './run-contribution.ts';

/**
 * The demo's contribution (issue 6): a solidarity fund; in 2025, 10 % of the revenue collected excluding
 * VAT; from January 2026 (voted at the assembly) a progressive policy — 12 % of the gross margin up to
 * €30,000 a year, 9 % above, €30 a month, 5 % under a CAPE, a tenth to the fund; then the monthly run of
 * every month that is over, in order, through `through` — so every dashboard tells a story. seedDemoLedger
 * calls it for 2025 before closing that year, seedDemo again for 2026 once every other demo has posted.
 * Idempotent: the versions are created once, and a month already run posts nothing again.
 */
export async function seedDemoContribution(ctx: AppContext, options: { through?: string } = {}) {
  const today = dateInTimeZone(ctx.now());
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
  if (!existing?.n) {
    // The later version first: a version cannot start in the past inside one already in force.
    await createPolicyVersion(ctx, systemActor, {
      validFrom: '2026-01-01',
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
    await createPolicyVersion(ctx, systemActor, {
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      note: 'Première politique : 10 % du chiffre d’affaires encaissé (démonstration).',
      policy: {
        base: 'collected',
        schedule: { brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: 0 },
      },
    });
  }
  const [latest] = await queryRows<{ month: string | null }>(
    ctx.db,
    sql`SELECT max(month) AS month FROM contribution_charges`,
  );
  let runs = 0;
  for (const month of monthsOfYearTo('2025-01-01', today.slice(0, 7))) {
    if (options.through && month > options.through) break;
    if (monthEndOf(month) >= today || (latest?.month && month < latest.month)) continue;
    // A month of a year closed since (seeding again) is not run again: it cannot change.
    if ((await fiscalYearOfMonth(ctx, month)).closed) continue;
    await runContribution(ctx, systemActor, { month });
    runs += 1;
  }
  return { runs };
}
