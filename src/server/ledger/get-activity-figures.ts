import { sql } from 'drizzle-orm';
import {
  type ActivityFigures,
  addToFigures,
  figuresByActivity,
  zeroFigures,
} from '../../core/ledger/derived-figures.ts';
import type { ActivityFiguresReport, FiguresView } from '../../core/ledger/report-schemas.ts';
import { centsToJson } from '../../core/money/cents-schema.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { loadBalanceRows } from './load-balance-rows.ts';

export function figuresToJson(f: ActivityFigures): FiguresView {
  return {
    resultCents: centsToJson(f.resultCents),
    revenueCents: centsToJson(f.revenueCents),
    expensesCents: centsToJson(f.expensesCents),
    availableTreasuryCents: centsToJson(f.availableTreasuryCents),
    cashCents: centsToJson(f.cashCents),
    toCollectCents: centsToJson(f.toCollectCents),
  };
}

/**
 * Per activity: result, available treasury, cash and what clients still owe (ledger.md, Figures derived
 * from the book), read from stored balances; and the cooperative's figures, computed separately from the
 * balances summed per account only, so that "the sum over activities equals the cooperative's books" is
 * checked rather than assumed.
 */
export async function getActivityFigures(
  db: Db,
  input: { fiscalYearId?: number; activityId?: string },
  today: string,
): Promise<ActivityFiguresReport & { cooperativeMatchesActivities: boolean }> {
  const { year, basis, rows } = await loadBalanceRows(db, input, today);
  const { activities } = figuresByActivity(rows);
  const byAccount = new Map<string, { debitCents: bigint; creditCents: bigint }>();
  for (const r of rows) {
    const a = byAccount.get(r.accountNumber) ?? { debitCents: 0n, creditCents: 0n };
    a.debitCents += r.debitCents;
    a.creditCents += r.creditCents;
    byAccount.set(r.accountNumber, a);
  }
  const cooperative = zeroFigures();
  for (const [accountNumber, a] of byAccount) addToFigures(cooperative, { accountNumber, ...a });
  const sum = zeroFigures();
  for (const f of activities.values())
    for (const k of Object.keys(sum) as (keyof ActivityFigures)[]) sum[k] += f[k];

  const names = await queryRows<{ id: string; code: string; name: string; kind: string }>(
    db,
    input.activityId
      ? sql`SELECT id, code, name, kind FROM activities WHERE id = ${input.activityId}`
      : sql`SELECT id, code, name, kind FROM activities ORDER BY code`,
  );
  return {
    fiscalYear: year,
    basis,
    activities: names.map((a) => ({
      activityId: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      figures: figuresToJson(activities.get(a.id) ?? zeroFigures()),
    })),
    cooperative: figuresToJson(cooperative),
    cooperativeMatchesActivities: (Object.keys(sum) as (keyof ActivityFigures)[]).every(
      (k) => sum[k] === cooperative[k],
    ),
  };
}
