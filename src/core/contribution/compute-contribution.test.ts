import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitProceeds } from './build-contribution-entry.ts';
import {
  type ActivityMonthFigures,
  computeContributionYear,
  type ExemptionPeriod,
  explainMonth,
  explanationTotal,
  type PolicyVersionRef,
} from './compute-contribution.ts';
import { ContributionPolicy, type ContributionPolicyInput } from './contribution-policy.ts';

const activity = { id: '00000000-0000-4000-8000-000000000001', kind: 'member' as const };
const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

const policy = (p: Partial<ContributionPolicyInput> = {}) =>
  ContributionPolicy.parse({
    base: 'invoiced',
    schedule: { brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: 0 },
    ...p,
  });
const version = (
  validFrom: string,
  p: ContributionPolicy,
  validTo: string | null = null,
): PolicyVersionRef => ({
  validFrom,
  validTo,
  policy: p,
});
const month = (
  m: string,
  invoicedCents: bigint,
  extra: Partial<ActivityMonthFigures> = {},
): ActivityMonthFigures => ({
  month: m,
  invoicedCents,
  collectedCents: 0n,
  purchases: [],
  cape: false,
  ...extra,
});

/** The year-to-date amount by a second, independent formula: f(B) = Σ rate × (part of B in the bracket). */
function oracle(brackets: { fromCents: number; rateBp: number }[], base: bigint, fees: bigint): bigint {
  let tenThousandths = fees * 10_000n;
  brackets.forEach((b, i) => {
    const to = brackets[i + 1] ? BigInt(brackets[i + 1]!.fromCents) : base;
    const top = base < to ? base : to;
    if (top > BigInt(b.fromCents)) tenThousandths += (top - BigInt(b.fromCents)) * BigInt(b.rateBp);
  });
  return (tenThousandths + 5_000n) / 10_000n;
}

/** Runs every month in turn as the monthly run does: due = year to date − charged so far. */
function runMonthByMonth(
  versions: PolicyVersionRef[],
  figures: ActivityMonthFigures[],
  exemptions: ExemptionPeriod[] = [],
) {
  let charged = 0n;
  const dues: bigint[] = [];
  for (let i = 1; i <= figures.length; i++) {
    const computed = computeContributionYear({ activity, versions, months: figures.slice(0, i), exemptions });
    const e = explainMonth(activity.id, computed, charged);
    expect(explanationTotal(e)).toBe(e.dueCents);
    dues.push(BigInt(e.dueCents));
    charged += BigInt(e.dueCents);
  }
  return { dues, charged };
}

const bracketsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 20_000_000 }), { maxLength: 4 })
  .chain((froms) =>
    fc.tuple(
      fc.constant([0, ...froms.sort((a, b) => a - b)]),
      fc.array(fc.integer({ min: 0, max: 10_000 }), {
        minLength: froms.length + 1,
        maxLength: froms.length + 1,
      }),
    ),
  )
  .map(([froms, rates]) => froms.map((fromCents, i) => ({ fromCents, rateBp: rates[i]! })));
const basesArb = fc.array(fc.bigInt({ min: 0n, max: 5_000_000n }), { minLength: 12, maxLength: 12 });
const signedBasesArb = fc.array(fc.bigInt({ min: -2_000_000n, max: 5_000_000n }), {
  minLength: 12,
  maxLength: 12,
});

describe('the monthly contribution', () => {
  it('adds up, month by month, to the yearly computation by an independent formula', () => {
    fc.assert(
      fc.property(bracketsArb, basesArb, fc.integer({ min: 0, max: 50_000 }), (brackets, bases, fee) => {
        const p = policy({ schedule: { brackets, monthlyFeeCents: fee } });
        const figures = months2026.map((m, i) => month(m, bases[i]!));
        const { charged } = runMonthByMonth([version('2026-01-01', p)], figures);
        const total = bases.reduce((a, b) => a + b, 0n);
        expect(charged).toBe(oracle(brackets, total, BigInt(fee) * 12n));
      }),
    );
  });

  it('explains every month to the cent, with credit notes, exemptions and late entries', () => {
    fc.assert(
      fc.property(
        bracketsArb,
        signedBasesArb,
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: 364 }),
            length: fc.integer({ min: 0, max: 120 }),
            shareBp: fc.integer({ min: 1, max: 10_000 }),
          }),
          { maxLength: 3 },
        ),
        fc.bigInt({ min: -100_000n, max: 100_000n }),
        (brackets, bases, fee, periods, alreadyCharged) => {
          const p = policy({ schedule: { brackets, monthlyFeeCents: fee } });
          const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
          const exemptions = periods.map((e) => ({
            fromOn: day(e.from),
            toOn: day(e.from + e.length),
            shareBp: e.shareBp,
            reason: 'RSA',
          }));
          const figures = months2026.map((m, i) => month(m, bases[i]!));
          const computed = computeContributionYear({
            activity,
            versions: [version('2026-01-01', p)],
            months: figures,
            exemptions,
          });
          // Any amount already charged (late invoices, a changed exemption): the correction absorbs it.
          const e = explainMonth(activity.id, computed, alreadyCharged);
          expect(explanationTotal(e)).toBe(e.dueCents);
          expect(BigInt(e.dueCents)).toBe(computed[11]!.yearToDateCents - alreadyCharged);
          // The rounded year to date stays within half a cent of the exact sum of the months.
          const exact = computed.reduce((s, m) => s + m.ownUnits, 0n);
          const diff = computed[11]!.yearToDateCents * 10_000n * 10_000n * 377_580n - exact;
          expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual((10_000n * 10_000n * 377_580n) / 2n);
          runMonthByMonth([version('2026-01-01', p)], figures, exemptions);
        },
      ),
    );
  });

  it('charges a mid-year policy change from its first month only, on the base cumulated since January', () => {
    const a = policy({ schedule: { brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: 3_000 } });
    const b = policy({
      schedule: {
        brackets: [
          { fromCents: 0, rateBp: 1_000 },
          { fromCents: 3_000_000, rateBp: 500 },
        ],
        monthlyFeeCents: 0,
      },
    });
    const versions = [version('2026-01-01', a, '2026-06-30'), version('2026-07-01', b)];
    const figures = months2026.map((m) => month(m, 500_000n));
    const { dues } = runMonthByMonth(versions, figures);
    // January–June: 10 % of €5,000 + €30.
    expect(dues.slice(0, 6)).toEqual(Array(6).fill(53_000n));
    // The base reaches €30,000 at the end of June, so from July on the 5 % bracket applies.
    expect(dues.slice(6)).toEqual(Array(6).fill(25_000n));

    fc.assert(
      fc.property(basesArb, fc.integer({ min: 2, max: 12 }), (bases, change) => {
        const from = `${months2026[change - 1]}-01`;
        const vs = [
          version('2026-01-01', a, `2026-${String(change - 1).padStart(2, '0')}-28`),
          version(from, b),
        ];
        vs[0]!.validTo = new Date(Date.UTC(2026, change - 1, 0)).toISOString().slice(0, 10);
        const fs = months2026.map((m, i) => month(m, bases[i]!));
        const split = runMonthByMonth(vs, fs).dues;
        // Months before the change are what policy a alone gives.
        expect(split.slice(0, change - 1)).toEqual(
          runMonthByMonth([version('2026-01-01', a)], fs).dues.slice(0, change - 1),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('exempts a member from the day the exemption starts to the day it ends, pro rata of the days', () => {
    const p = policy({ schedule: { brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: 3_000 } });
    const figures = ['2026-03', '2026-04', '2026-05'].map((m) => month(m, 310_000n));
    // From 16 March to 15 May included: 16 of 31 days in March, all of April, 15 of 31 in May.
    const exemptions = [
      { fromOn: '2026-03-16', toOn: '2026-05-15', shareBp: 10_000, reason: 'Bénéficiaire du RSA' },
    ];
    const computed = computeContributionYear({
      activity,
      versions: [version('2026-01-01', p)],
      months: figures,
      exemptions,
    });
    const march = explainMonth(activity.id, computed.slice(0, 1), 0n);
    // (31 000 + 3 000) × 15/31 = 16 451.6… → 16 452 cents.
    expect(march.dueCents).toBe(16_452);
    expect(march.items.find((i) => i.kind === 'exemption')).toMatchObject({
      exemptDays: 16,
      daysInMonth: 31,
      reasons: ['Bénéficiaire du RSA'],
    });
    const april = explainMonth(activity.id, computed.slice(0, 2), 16_452n);
    expect(april.dueCents).toBe(0);
    const may = explainMonth(activity.id, computed, 16_452n);
    // 34 000 × 16/31 = 17 548.38…; year to date 16 451.61 + 17 548.38 = 34 000.00 → 17 548.
    expect(may.dueCents).toBe(17_548);
    expect(explanationTotal(may)).toBe(may.dueCents);
    // A member with half the activity exempt for the whole month: half the charge.
    const half = computeContributionYear({
      activity,
      versions: [version('2026-01-01', p)],
      months: [month('2026-04', 310_000n)],
      exemptions: [{ fromOn: '2026-01-01', toOn: '2026-12-31', shareBp: 5_000, reason: 'ASS' }],
    });
    expect(half[0]!.yearToDateCents).toBe(17_000n);
  });

  it('uses the gross margin: revenue minus the purchases on the flagged accounts only', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 5_000_000n }),
        fc.bigInt({ min: 0n, max: 5_000_000n }),
        (revenue, subcontracting, insurance) => {
          const p = policy({ base: 'gross_margin', marginPurchaseAccounts: ['604', '611'] });
          const figures = [
            month('2026-01', revenue, {
              purchases: [
                { accountNumber: '611000', cents: subcontracting },
                { accountNumber: '616000', cents: insurance },
              ],
            }),
          ];
          const [m] = computeContributionYear({
            activity,
            versions: [version('2026-01-01', p)],
            months: figures,
            exemptions: [],
          });
          expect(m!.baseCents).toBe(revenue - subcontracting);
        },
      ),
    );
  });

  it('applies overrides, the CAPE rule, and charges neither the structure nor a month without a policy', () => {
    const p = policy({
      schedule: { brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: 3_000 },
      cape: { mode: 'custom', schedule: { brackets: [{ fromCents: 0, rateBp: 500 }], monthlyFeeCents: 0 } },
      overrides: [
        {
          target: { type: 'activity', activityId: activity.id },
          schedule: { brackets: [{ fromCents: 0, rateBp: 200 }], monthlyFeeCents: 0 },
        },
      ],
    });
    const figures = [month('2026-01', 100_000n, { cape: true })];
    const other = { id: '00000000-0000-4000-8000-000000000002', kind: 'member' as const };
    const run = (
      a: { id: string; kind: 'member' | 'structure' | 'fund' },
      versions = [version('2026-01-01', p)],
    ) => computeContributionYear({ activity: a, versions, months: figures, exemptions: [] })[0]!;
    expect(run(activity)).toMatchObject({ source: 'activity_override', yearToDateCents: 2_000n });
    expect(run(other)).toMatchObject({ source: 'cape', yearToDateCents: 5_000n });
    expect(run({ ...other, kind: 'structure' })).toMatchObject({
      source: 'not_charged',
      yearToDateCents: 0n,
    });
    expect(run(other, [version('2026-02-01', p)])).toMatchObject({
      source: 'no_policy',
      yearToDateCents: 0n,
    });
    const exempt = policy({ cape: { mode: 'exempt' } });
    expect(run(other, [version('2026-01-01', exempt)])).toMatchObject({
      source: 'cape_exempt',
      yearToDateCents: 0n,
    });
  });

  it('gives back at the bracket rates when credit notes bring the base down', () => {
    const brackets = [
      { fromCents: 0, rateBp: 1_000 },
      { fromCents: 1_000_000, rateBp: 500 },
    ];
    const p = policy({ schedule: { brackets, monthlyFeeCents: 0 } });
    const { dues } = runMonthByMonth(
      [version('2026-01-01', p)],
      [month('2026-01', 1_500_000n), month('2026-02', -1_000_000n)],
    );
    // January: 10 % of 10 000 € + 5 % of 5 000 € = 1 250 €; February gives back 5 % of 5 000 € + 10 % of 5 000 €.
    expect(dues).toEqual([125_000n, -75_000n]);
  });

  it('splits the proceeds between the funds and the structure, to the cent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.integer({ min: 1, max: 10_000 }),
        (amount, share) => {
          const parts = splitProceeds(amount, [{ activityId: 'fund', shareBp: share }], 'structure');
          expect(parts.reduce((s, p) => s + p.cents, 0n)).toBe(amount);
        },
      ),
    );
  });
});
