import { sql } from 'drizzle-orm';
import type { ActivityKind } from '../../core/activities/activity-schemas.ts';
import type {
  ActivityMonthFigures,
  ExemptionPeriod,
  PolicyVersionRef,
} from '../../core/contribution/compute-contribution.ts';
import { ContributionPolicy } from '../../core/contribution/contribution-policy.ts';
import { vatCollectedAtInvoicingInReceipt } from '../../core/contribution/receipt-vat.ts';
import { addDaysToDate } from '../../core/ledger/ledger-date.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

export const monthEndOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDaysToDate(next, -1);
};

/** The months from the fiscal year's first to `month`, included. */
export function monthsOfYearTo(yearStart: string, month: string): string[] {
  const out: string[] = [];
  let [y, m] = yearStart.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const current = `${y}-${String(m).padStart(2, '0')}`;
    out.push(current);
    if (current >= month) return out;
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
}

export async function loadPolicyVersions(db: Db, from: string, to: string): Promise<PolicyVersionRef[]> {
  const rows = await queryRows<{ id: string; valid_from: string; valid_to: string | null; policy: unknown }>(
    db,
    sql`SELECT id, valid_from::text, valid_to::text, policy FROM contribution_policy_versions
        WHERE valid_from <= ${to} AND (valid_to IS NULL OR valid_to >= ${from}) ORDER BY valid_from`,
  );
  // Stored policies were parsed when saved; parsing again fills defaults added since.
  return rows.map((r) => ({
    id: r.id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    policy: ContributionPolicy.parse(r.policy),
  }));
}

export type ActivityInputs = {
  id: string;
  code: string;
  kind: ActivityKind;
  months: ActivityMonthFigures[];
  exemptions: ExemptionPeriod[];
  /** Charged this year so far by contribution runs (628100 lines of their entries up to the month's end). */
  chargedCents: bigint;
  /** Charges recorded for the month already (the next one gets seq + 1). */
  seq: number;
};

/**
 * Everything the monthly computation needs, for every member activity (or one), in a few set-based
 * queries over the ledger lines of the fiscal year to date: revenue invoiced and received excluding VAT
 * (the VAT a receipt settles is its 44574 line for services, its invoice's share for goods),
 * class 6 lines on the accounts some version flags for the gross margin, what the runs already charged,
 * whether the members are under a CAPE at each month's end, and the members' exemptions with their share.
 */
export async function loadContributionInputs(
  db: Db,
  input: {
    yearStart: string;
    month: string;
    versions: readonly PolicyVersionRef[];
    activityId?: string;
  },
): Promise<ActivityInputs[]> {
  const months = monthsOfYearTo(input.yearStart, input.month);
  const end = monthEndOf(input.month);
  const prefixes = [...new Set(input.versions.flatMap((v) => v.policy.marginPurchaseAccounts))];
  // Validated prefixes (digits only): a regular expression the lines are matched against.
  const purchaseRegex = prefixes.length > 0 ? `^(${prefixes.join('|')})` : '^$';
  const only = input.activityId ? sql`AND a.id = ${input.activityId}` : sql``;

  const activities = await queryRows<{ id: string; code: string; kind: ActivityKind }>(
    db,
    sql`SELECT a.id, a.code, a.kind FROM activities a WHERE a.kind = 'member' ${only} ORDER BY a.code`,
  );
  const byId = new Map<string, ActivityInputs>();
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  for (const a of activities)
    byId.set(a.id, {
      ...a,
      months: months.map((m) => ({
        month: m,
        invoicedCents: 0n,
        collectedCents: 0n,
        purchases: [],
        cape: false,
      })),
      exemptions: [],
      chargedCents: 0n,
      seq: 0,
    });
  if (byId.size === 0) return [];
  const onlyLines = input.activityId ? sql`AND l.activity_id = ${input.activityId}` : sql``;

  // One pass over the year's lines: revenue, receipts, flagged purchases, per activity, month and account.
  const lines = await queryRows<{
    activity_id: string;
    month: string;
    account: string;
    invoiced: string | null;
    collected: string | null;
    purchases: string | null;
  }>(
    db,
    sql`SELECT l.activity_id, to_char(e.entry_date, 'YYYY-MM') AS month,
          CASE WHEN l.account_number LIKE '6%' THEN l.account_number ELSE '' END AS account,
          sum(l.credit_cents - l.debit_cents) FILTER (
            WHERE l.account_number LIKE '70%' AND l.account_number <> '708100')::text AS invoiced,
          (coalesce(sum(l.credit_cents) FILTER (WHERE l.account_number LIKE '411%' AND j.kind = 'bank'), 0)
           - coalesce(sum(l.debit_cents) FILTER (WHERE l.account_number = '445740' AND j.kind = 'bank'), 0))::text
            AS collected,
          sum(l.debit_cents - l.credit_cents) FILTER (WHERE l.account_number LIKE '6%')::text AS purchases
        FROM ledger_entry_lines l
        JOIN ledger_entries e ON e.id = l.entry_id
        JOIN ledger_journals j ON j.code = e.journal_code
        WHERE e.entry_date BETWEEN ${input.yearStart} AND ${end} ${onlyLines}
          AND (l.account_number LIKE '70%' OR (j.kind = 'bank' AND (l.account_number LIKE '411%'
               OR l.account_number = '445740'))
               OR (l.account_number ~ ${purchaseRegex} AND l.account_number <> '628100'))
        GROUP BY 1, 2, 3`,
  );
  for (const r of lines) {
    const a = byId.get(r.activity_id);
    const i = monthIndex.get(r.month);
    if (!a || i === undefined) continue;
    const m = a.months[i]!;
    m.invoicedCents += BigInt(r.invoiced ?? 0);
    m.collectedCents += BigInt(r.collected ?? 0);
    if (r.account !== '' && r.purchases !== null)
      (m.purchases as { accountNumber: string; cents: bigint }[]).push({
        accountNumber: r.account,
        cents: BigInt(r.purchases),
      });
  }

  // Receipts of invoices whose VAT was collected at invoicing (goods, the "débits" option): the VAT they
  // settle has no line of their own, so it is taken from the invoice (core: vatCollectedAtInvoicingInReceipt).
  const receipts = await queryRows<{
    activity_id: string;
    month: string;
    paid_before: string;
    amount: string;
    vat: string;
    incl: string;
  }>(
    db,
    sql`SELECT x.activity_id, to_char(e.entry_date, 'YYYY-MM') AS month, x.paid_before::text,
               x.amount_cents::text AS amount, x.vat::text, x.incl::text
        FROM (SELECT p.ledger_entry_id, p.amount_cents, i.activity_id,
                     i.total_vat_cents - i.vat_pending_cents AS vat, i.total_incl_cents AS incl,
                     coalesce(sum(p.amount_cents) OVER (PARTITION BY p.invoice_id ORDER BY p.paid_on, p.created_at, p.id
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS paid_before
              FROM payments p JOIN invoices i ON i.id = p.invoice_id
              WHERE i.total_vat_cents <> i.vat_pending_cents ${input.activityId ? sql`AND i.activity_id = ${input.activityId}` : sql``}) x
        JOIN ledger_entries e ON e.id = x.ledger_entry_id
        JOIN ledger_journals j ON j.code = e.journal_code AND j.kind = 'bank'
        WHERE e.entry_date BETWEEN ${input.yearStart} AND ${end}`,
  );
  for (const r of receipts) {
    const a = byId.get(r.activity_id);
    const i = monthIndex.get(r.month);
    if (!a || i === undefined) continue;
    a.months[i]!.collectedCents -= vatCollectedAtInvoicingInReceipt({
      paidBeforeCents: BigInt(r.paid_before),
      amountCents: BigInt(r.amount),
      vatAtInvoicingCents: BigInt(r.vat),
      invoiceInclCents: BigInt(r.incl),
    });
  }

  const charged = await queryRows<{ activity_id: string; cents: string }>(
    db,
    sql`SELECT l.activity_id, sum(l.debit_cents - l.credit_cents)::text AS cents
        FROM ledger_entries e JOIN ledger_entry_lines l ON l.entry_id = e.id
        WHERE e.source_type = 'contribution_run' AND e.entry_date BETWEEN ${input.yearStart} AND ${end}
          AND l.account_number = '628100' ${onlyLines}
        GROUP BY 1`,
  );
  for (const r of charged) {
    const a = byId.get(r.activity_id);
    if (a) a.chargedCents = BigInt(r.cents);
  }

  const seqs = await queryRows<{ activity_id: string; seq: number }>(
    db,
    sql`SELECT c.activity_id, max(c.seq) AS seq FROM contribution_charges c
        WHERE c.month = ${input.month} ${input.activityId ? sql`AND c.activity_id = ${input.activityId}` : sql``}
        GROUP BY 1`,
  );
  for (const r of seqs) {
    const a = byId.get(r.activity_id);
    if (a) a.seq = Number(r.seq);
  }

  // Under a CAPE at a month's end: every member holding a share then is at the 'cape' stage.
  const capes = await queryRows<{ activity_id: string; month: string }>(
    db,
    sql`SELECT am.activity_id, to_char(d.day, 'YYYY-MM') AS month
        FROM unnest(${sql.param(months.map(monthEndOf))}::date[]) AS d(day)
        JOIN activity_members am ON am.valid_from <= d.day AND (am.valid_to IS NULL OR am.valid_to >= d.day)
        LEFT JOIN member_stage_periods sp ON sp.member_id = am.member_id
          AND sp.from_on <= d.day AND sp.to_on >= d.day
        WHERE true ${input.activityId ? sql`AND am.activity_id = ${input.activityId}` : sql``}
        GROUP BY am.activity_id, d.day
        HAVING bool_and(sp.stage = 'cape')`,
  );
  for (const r of capes) {
    const a = byId.get(r.activity_id);
    const i = monthIndex.get(r.month);
    if (a && i !== undefined) a.months[i]!.cape = true;
  }

  // Exemptions, as they apply to each activity: the member's share, over the days they hold it.
  const exemptions = await queryRows<{
    activity_id: string;
    from_on: string;
    to_on: string;
    share_bp: number;
    reason: string;
  }>(
    db,
    sql`SELECT am.activity_id, greatest(x.from_on, am.valid_from)::text AS from_on,
               least(x.last_on, coalesce(am.valid_to, x.last_on))::text AS to_on, am.share_bp, x.reason
        FROM (SELECT member_id, from_on, reason,
                     -- A revoked exemption ends the day before it was revoked from (migration 0015).
                     least(to_on, coalesce(revoked_from - 1, to_on)) AS last_on
              FROM contribution_exemptions) x
        JOIN activity_members am ON am.member_id = x.member_id
          AND am.valid_from <= x.last_on AND (am.valid_to IS NULL OR am.valid_to >= x.from_on)
        WHERE x.from_on <= ${end} AND x.last_on >= ${input.yearStart} AND x.last_on >= x.from_on
          ${input.activityId ? sql`AND am.activity_id = ${input.activityId}` : sql``}`,
  );
  for (const r of exemptions) {
    const a = byId.get(r.activity_id);
    if (a)
      a.exemptions.push({ fromOn: r.from_on, toOn: r.to_on, shareBp: Number(r.share_bp), reason: r.reason });
  }
  return [...byId.values()];
}
