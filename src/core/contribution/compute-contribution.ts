import type { ActivityKind } from '../activities/activity-schemas.ts';
import type { ContributionBase, ContributionPolicy, ContributionSchedule } from './contribution-policy.ts';
import { versionInForce } from './policy-versions.ts';

/**
 * The monthly contribution (issue 6; cae-domain.md §2.1). For each month of the fiscal year, under the
 * policy version in force on its first day:
 *
 *   month charge = (brackets applied to the month's slice of the year-to-date base + fixed fee)
 *                  × (1 − exempt share of the month's days)
 *
 * The brackets are progressive over the year-to-date base: the month's base moves the cumulated base from
 * P to Q, and each bracket's rate applies to the part of [P, Q] inside it (a credit note moves it back and
 * gives back at the same rates). The year-to-date amount is the exact sum of the month charges, rounded
 * to the cent once; the contribution due for a month is that amount minus what was already charged this
 * year. So the months always add up to the yearly computation, and late entries of an earlier month are
 * charged (or given back) as a correction by the next run.
 *
 * Exact arithmetic: amounts are counted in units of 1/D cent, D = 10 000 (rates) × 10 000 (member shares)
 * × 377 580 (the least common multiple of 28, 29, 30 and 31 days): every intermediate value is an integer.
 */
export const unitsPerCent = 10_000n * 10_000n * 377_580n;
const ratesPerUnit = unitsPerCent / 10_000n;

/** What the books say of an activity for one month (ledger lines of its fiscal year). */
export type ActivityMonthFigures = {
  /** 'YYYY-MM'. */
  month: string;
  /** Revenue invoiced excluding VAT: class 70 lines except the contribution received (708100), credit − debit. */
  invoicedCents: bigint;
  /**
   * Revenue received excluding VAT: client receipts in bank journals minus the VAT they settle — the VAT
   * moved from 44574 by the receipt (services), or its invoice's VAT collected at invoicing pro rata (goods).
   */
  collectedCents: bigint;
  /** Class 6 lines, debit − credit, per account (those of the gross margin are picked by the policy). */
  purchases: readonly { accountNumber: string; cents: bigint }[];
  /** Whether the activity's members are under a CAPE at the month's end. */
  cape: boolean;
};

/** A member's exemption as it applies to one activity: the member's share of it (basis points). */
export type ExemptionPeriod = { fromOn: string; toOn: string; shareBp: number; reason: string };

export type PolicyVersionRef = {
  id?: string;
  validFrom: string;
  validTo: string | null;
  policy: ContributionPolicy;
};

export type YearInput = {
  activity: { id: string; kind: ActivityKind };
  versions: readonly PolicyVersionRef[];
  /** The fiscal year's months, from its first, in order (the last one is the month being computed). */
  months: readonly ActivityMonthFigures[];
  exemptions: readonly ExemptionPeriod[];
};

/** Where a month's schedule came from. */
export type ScheduleSource =
  | 'policy'
  | 'activity_override'
  | 'kind_override'
  | 'cape'
  | 'cape_exempt'
  | 'no_policy'
  | 'not_charged';

export type BracketPart = {
  fromCents: bigint;
  /** Start of the next bracket; null for the last one. */
  toCents: bigint | null;
  rateBp: number;
  /** The part of the month's base inside this bracket (negative when the base went down). */
  baseCents: bigint;
  units: bigint;
};

export type MonthComputation = {
  month: string;
  versionId: string | null;
  versionFrom: string | null;
  source: ScheduleSource;
  base: ContributionBase | null;
  baseCents: bigint;
  cumulativeBeforeCents: bigint;
  cumulativeAfterCents: bigint;
  brackets: BracketPart[];
  feeUnits: bigint;
  /** Σ over the month's days of the exempt share (basis points): 10 000 × days when fully exempt. */
  exemptShareDays: number;
  daysInMonth: number;
  exemptionUnits: bigint;
  reasons: string[];
  ownUnits: bigint;
  yearToDateUnits: bigint;
  /** The year-to-date amount through this month, rounded to the cent. */
  yearToDateCents: bigint;
};

/** Half away from zero: 0.5 cent is charged, −0.5 cent is given back. */
export function roundUnits(units: bigint): bigint {
  const half = unitsPerCent / 2n;
  return units >= 0n ? (units + half) / unitsPerCent : -((-units + half) / unitsPerCent);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The month's base increment under the given base. */
export function monthBase(figures: ActivityMonthFigures, policy: ContributionPolicy): bigint {
  if (policy.base === 'collected') return figures.collectedCents;
  if (policy.base === 'invoiced') return figures.invoicedCents;
  let purchases = 0n;
  for (const p of figures.purchases)
    if (policy.marginPurchaseAccounts.some((prefix) => p.accountNumber.startsWith(prefix)))
      purchases += p.cents;
  return figures.invoicedCents - purchases;
}

/** The schedule for an activity in a month, and why (the most specific rule wins). */
export function resolveSchedule(
  policy: ContributionPolicy,
  activity: { id: string; kind: ActivityKind },
  cape: boolean,
): { schedule: ContributionSchedule | null; source: ScheduleSource } {
  // The structure and the funds receive the contribution; they never pay it.
  if (activity.kind !== 'member') return { schedule: null, source: 'not_charged' };
  const own = policy.overrides.find(
    (o) => o.target.type === 'activity' && o.target.activityId === activity.id,
  );
  if (own) return { schedule: own.schedule, source: 'activity_override' };
  const ofKind = policy.overrides.find((o) => o.target.type === 'kind' && o.target.kind === activity.kind);
  if (ofKind) return { schedule: ofKind.schedule, source: 'kind_override' };
  if (cape) {
    if (policy.cape.mode === 'exempt') return { schedule: null, source: 'cape_exempt' };
    if (policy.cape.mode === 'custom') return { schedule: policy.cape.schedule, source: 'cape' };
  }
  return { schedule: policy.schedule, source: 'policy' };
}

/** The parts of the move of the cumulated base from `before` to `after` inside each bracket. */
export function bracketParts(
  brackets: ContributionSchedule['brackets'],
  before: bigint,
  after: bigint,
): BracketPart[] {
  if (before === after) return [];
  const sign = after > before ? 1n : -1n;
  const lo = before < after ? before : after;
  const hi = before < after ? after : before;
  const parts: BracketPart[] = [];
  brackets.forEach((b, i) => {
    const from = BigInt(b.fromCents);
    const next = brackets[i + 1];
    const to = next ? BigInt(next.fromCents) : null;
    // The first bracket also covers a negative cumulated base (more credit notes than invoices so far).
    const lower = i === 0 ? lo : from;
    const a = lo > lower ? lo : lower;
    const z = to === null ? hi : hi < to ? hi : to;
    if (z > a) {
      const base = sign * (z - a);
      parts.push({
        fromCents: from,
        toCents: to,
        rateBp: b.rateBp,
        baseCents: base,
        units: base * BigInt(b.rateBp) * ratesPerUnit,
      });
    }
  });
  return parts;
}

function exemptShare(exemptions: readonly ExemptionPeriod[], month: string) {
  const days = daysInMonth(month);
  // Most activities have no exemption: no need to walk the month's days (the run computes 100,000 of them).
  const first = `${month}-01`;
  const last = `${month}-${String(days).padStart(2, '0')}`;
  if (!exemptions.some((e) => e.fromOn <= last && e.toOn >= first))
    return { shareDays: 0, days, reasons: [] };
  let shareDays = 0;
  const reasons = new Set<string>();
  for (let d = 1; d <= days; d++) {
    const day = `${month}-${String(d).padStart(2, '0')}`;
    let share = 0;
    for (const e of exemptions)
      if (e.fromOn <= day && day <= e.toOn) {
        share += e.shareBp;
        reasons.add(e.reason);
      }
    shareDays += Math.min(10_000, share);
  }
  return { shareDays, days, reasons: [...reasons] };
}

/** Every month of the input, in order, with its year-to-date amount. */
export function computeContributionYear(input: YearInput): MonthComputation[] {
  const out: MonthComputation[] = [];
  let cumulative = 0n;
  let ytd = 0n;
  for (const figures of input.months) {
    const version = versionInForce(input.versions, `${figures.month}-01`);
    const days = daysInMonth(figures.month);
    const base = version ? monthBase(figures, version.policy) : 0n;
    const before = cumulative;
    cumulative += base;
    const resolved = version
      ? resolveSchedule(version.policy, input.activity, figures.cape)
      : { schedule: null, source: 'no_policy' as const };
    const parts = resolved.schedule ? bracketParts(resolved.schedule.brackets, before, cumulative) : [];
    const feeUnits = resolved.schedule ? BigInt(resolved.schedule.monthlyFeeCents) * unitsPerCent : 0n;
    const charge = parts.reduce((s, p) => s + p.units, 0n) + feeUnits;
    const ex = resolved.schedule
      ? exemptShare(input.exemptions, figures.month)
      : { shareDays: 0, days, reasons: [] };
    // Exact: charge is a multiple of 10 000 × 377 580 and 377 580 is a multiple of the month's days.
    const exemptionUnits = -((charge * BigInt(ex.shareDays)) / (10_000n * BigInt(days)));
    const own = charge + exemptionUnits;
    ytd += own;
    out.push({
      month: figures.month,
      versionId: version?.id ?? null,
      versionFrom: version?.validFrom ?? null,
      source: resolved.source,
      base: version?.policy.base ?? null,
      baseCents: base,
      cumulativeBeforeCents: before,
      cumulativeAfterCents: cumulative,
      brackets: parts,
      feeUnits,
      exemptShareDays: ex.shareDays,
      daysInMonth: days,
      exemptionUnits,
      reasons: ex.reasons,
      ownUnits: own,
      yearToDateUnits: ytd,
      yearToDateCents: roundUnits(ytd),
    });
  }
  return out;
}

export type ExplanationItem =
  | {
      kind: 'bracket';
      fromCents: number;
      toCents: number | null;
      rateBp: number;
      baseCents: number;
      amountCents: number;
    }
  | { kind: 'fee'; amountCents: number }
  | {
      kind: 'exemption';
      /** Exempt days weighted by the member's share, e.g. 15.5 days. */
      exemptDays: number;
      daysInMonth: number;
      reasons: string[];
      amountCents: number;
    }
  | {
      kind: 'correction';
      /** The year to date through the previous month, computed again from today's books. */
      recomputedCents: number;
      /** What was charged this year before this run (earlier months, and this month's earlier runs). */
      chargedCents: number;
      amountCents: number;
    };

/** Why a month's contribution is what it is: its items add up to `dueCents`, to the cent. */
export type ContributionExplanation = {
  month: string;
  activityId: string;
  versionFrom: string | null;
  source: ScheduleSource;
  base: ContributionBase | null;
  monthBaseCents: number;
  yearToDateBaseCents: number;
  items: ExplanationItem[];
  yearToDateCents: number;
  chargedBeforeCents: number;
  dueCents: number;
};

/**
 * Splits `target` cents among exact amounts (in units) so that each part is its amount rounded down or
 * up and the parts add up to the target (largest remainder; the target is within a cent or so of their sum).
 */
function allocateUnits(amounts: readonly bigint[], target: bigint): bigint[] {
  if (amounts.length === 0) return [];
  const parts = amounts.map((u) => floorDiv(u, unitsPerCent));
  const rem = amounts.map((u, i) => u - parts[i]! * unitsPerCent);
  let left = target - parts.reduce((s, p) => s + p, 0n);
  const order = rem.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left !== 0n; k = (k + 1) % order.length) {
    const i = left > 0n ? order[k]!.i : order[order.length - 1 - k]!.i;
    parts[i]! += left > 0n ? 1n : -1n;
    left += left > 0n ? -1n : 1n;
  }
  return parts;
}

/**
 * The explanation of the last computed month, given what was already charged this year: the month's own
 * items (brackets crossed, fee, exemption) add up to the rounded year-to-date through this month minus
 * through the previous one; a correction line carries any difference between the previous months as
 * computed now and what was charged for them.
 */
export function explainMonth(
  activityId: string,
  months: readonly MonthComputation[],
  chargedBeforeCents: bigint,
): ContributionExplanation {
  const m = months[months.length - 1];
  if (!m) throw new RangeError('explainMonth needs at least one month');
  const previousYtd = months.length > 1 ? months[months.length - 2]!.yearToDateCents : 0n;
  const own = m.yearToDateCents - previousYtd;
  const amounts = [...m.brackets.map((b) => b.units), m.feeUnits, m.exemptionUnits];
  const cents = allocateUnits(amounts, own);
  const items: ExplanationItem[] = m.brackets.map((b, i) => ({
    kind: 'bracket',
    fromCents: Number(b.fromCents),
    toCents: b.toCents === null ? null : Number(b.toCents),
    rateBp: b.rateBp,
    baseCents: Number(b.baseCents),
    amountCents: Number(cents[i]),
  }));
  const fee = cents[m.brackets.length]!;
  const exemption = cents[m.brackets.length + 1]!;
  if (m.feeUnits !== 0n || fee !== 0n) items.push({ kind: 'fee', amountCents: Number(fee) });
  if (m.exemptShareDays > 0 || exemption !== 0n)
    items.push({
      kind: 'exemption',
      exemptDays: m.exemptShareDays / 10_000,
      daysInMonth: m.daysInMonth,
      reasons: m.reasons,
      amountCents: Number(exemption),
    });
  const correction = previousYtd - chargedBeforeCents;
  if (correction !== 0n)
    items.push({
      kind: 'correction',
      recomputedCents: Number(previousYtd),
      chargedCents: Number(chargedBeforeCents),
      amountCents: Number(correction),
    });
  return {
    month: m.month,
    activityId,
    versionFrom: m.versionFrom,
    source: m.source,
    base: m.base,
    monthBaseCents: Number(m.baseCents),
    yearToDateBaseCents: Number(m.cumulativeAfterCents),
    items,
    yearToDateCents: Number(m.yearToDateCents),
    chargedBeforeCents: Number(chargedBeforeCents),
    dueCents: Number(m.yearToDateCents - chargedBeforeCents),
  };
}

/** The sum of an explanation's items: always its `dueCents`. */
export function explanationTotal(e: ContributionExplanation): number {
  return e.items.reduce((s, i) => s + i.amountCents, 0);
}
