import { asc, ne, sql } from 'drizzle-orm';
import { checkCapitalRatios } from '../../core/governance/check-capital-ratios.ts';
import { planRefunds } from '../../core/governance/plan-refunds.ts';
import { capitalFloor } from '../../core/governance/share-capital.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { associates, shareRefunds } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';

/**
 * The capital (the sum of the register of share movements), the highest capital ever reached (the highest
 * running sum, in the register's order) and, optionally, the capital as it stood at the end of a day.
 */
export async function capitalFigures(db: Db, atEndOf?: string) {
  const [row] = await queryRows<{ capital: string; highest: string; at: string }>(
    db,
    sql`SELECT coalesce(sum(capital_cents), 0)::text AS capital,
               greatest(coalesce(max(running), 0), 0)::text AS highest,
               coalesce(sum(capital_cents) FILTER (WHERE on_date <= ${atEndOf ?? '9999-12-31'}), 0)::text AS at
        FROM (SELECT capital_cents, on_date, sum(capital_cents) OVER (ORDER BY number) AS running
              FROM share_movements) m`,
  );
  return { capitalCents: BigInt(row!.capital), highestCents: BigInt(row!.highest), atCents: BigInt(row!.at) };
}

/** Capital per associate, from the register of movements. */
export async function capitalByAssociate(
  db: Db,
): Promise<Map<string, { shares: number; capitalCents: bigint }>> {
  const rows = await queryRows<{ associate_id: string; shares: string; capital: string }>(
    db,
    sql`SELECT associate_id, sum(shares)::text AS shares, sum(capital_cents)::text AS capital
        FROM share_movements GROUP BY associate_id`,
  );
  return new Map(
    rows.map((r) => [r.associate_id, { shares: Number(r.shares), capitalCents: BigInt(r.capital) }]),
  );
}

/**
 * The capital screen: capital, highest capital reached and the floor refunds may not cross, the legal
 * ratios (computed on the associates in the register today), and the refunds still to pay in the order of
 * departure, each payable or waiting with its reason.
 */
export async function readCapital(db: Db, today: string) {
  const gov = await loadGovernance(db);
  const figures = await capitalFigures(db);
  const byAssociate = await capitalByAssociate(db);
  const active = await db
    .select({ id: associates.id, category: associates.category, exitedOn: associates.exitedOn })
    .from(associates);
  const holders = active
    .filter((a) => a.exitedOn === null)
    .map((a) => ({
      associateId: a.id,
      category: a.category,
      capitalCents: byAssociate.get(a.id)?.capitalCents ?? 0n,
    }));
  const refunds = await db
    .select()
    .from(shareRefunds)
    .where(ne(shareRefunds.status, 'paid'))
    .orderBy(asc(shareRefunds.exitOn));
  const plan = planRefunds({
    capitalCents: figures.capitalCents,
    highestCapitalCents: figures.highestCents,
    refunds: refunds.map((r) => ({
      id: r.id,
      exitOn: r.exitOn,
      capitalCents: r.nominalCents * BigInt(r.shares),
      amountCents: r.amountCents,
      dueBy: r.dueBy,
    })),
    today,
  });
  const byId = new Map(refunds.map((r) => [r.id, r]));
  return {
    nominalCents: gov.settings.nominalCents,
    capitalCents: figures.capitalCents,
    highestCents: figures.highestCents,
    floorCents: capitalFloor(figures.highestCents),
    shares: [...byAssociate.values()].reduce((a, v) => a + v.shares, 0),
    ratios: checkCapitalRatios(gov.legalForm, holders),
    refunds: plan.map((p) => ({
      ...p,
      associateId: byId.get(p.id)!.associateId,
      status: byId.get(p.id)!.status,
      fixedOn: byId.get(p.id)!.fixedOn,
      dueBy: byId.get(p.id)!.dueBy,
    })),
  };
}
