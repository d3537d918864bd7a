import { sql } from 'drizzle-orm';
import { buildBalanceSheet } from '../../core/ledger/derived-figures.ts';
import type { BalanceSheetView } from '../../core/ledger/report-schemas.ts';
import { centsToJson } from '../../core/money/cents-schema.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { loadBalanceRows } from './load-balance-rows.ts';

/**
 * The analytic balance sheet of an activity, or of the whole cooperative without one (C. trav. R7331-5):
 * balance-sheet accounts on the side of their balance, and the result.
 */
export async function getBalanceSheet(
  db: Db,
  input: { fiscalYearId?: number; activityId?: string },
  today: string,
): Promise<BalanceSheetView> {
  const { year, basis, rows } = await loadBalanceRows(db, input, today);
  const sheet = buildBalanceSheet(rows);
  const labels = new Map(
    (
      await queryRows<{ number: string; label: string }>(db, sql`SELECT number, label FROM ledger_accounts`)
    ).map((a) => [a.number, a.label]),
  );
  const side = (lines: typeof sheet.assets) =>
    lines.map((l) => ({
      accountNumber: l.accountNumber,
      accountLabel: labels.get(l.accountNumber) ?? '',
      amountCents: centsToJson(l.amountCents),
    }));
  return {
    fiscalYear: year,
    basis,
    activityId: input.activityId ?? null,
    assets: side(sheet.assets),
    liabilities: side(sheet.liabilities),
    resultCents: centsToJson(sheet.resultCents),
    totalAssetsCents: centsToJson(sheet.totalAssetsCents),
    totalLiabilitiesCents: centsToJson(sheet.totalLiabilitiesCents),
  };
}
