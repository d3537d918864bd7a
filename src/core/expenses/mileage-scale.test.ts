import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mileageAllowanceCents, mileageScaleOn, yearlyMileageCents } from './mileage-scale.ts';

const scale = mileageScaleOn('2026-03-01')!;
const car = (fiscalHp: number, electric = false) => ({ vehicle: 'car' as const, fiscalHp, electric });

describe('official mileage scale (barème kilométrique)', () => {
  it('is in force in 2026 and not before its first date', () => {
    expect(scale.validFrom).toBe('2023-01-01');
    expect(mileageScaleOn('2022-12-31')).toBeNull();
  });

  it('gives the published yearly amounts in each bracket', () => {
    // 5 CV: d × 0.636 up to 5,000 km; d × 0.357 + 1,395 up to 20,000; d × 0.427 beyond.
    expect(yearlyMileageCents(scale, car(5), 4_000)).toBe(254_400);
    expect(yearlyMileageCents(scale, car(5), 10_000)).toBe(357_000 + 139_500);
    expect(yearlyMileageCents(scale, car(5), 25_000)).toBe(1_067_500);
    // 3 CV and less; 7 CV and more (12 CV uses the 7 CV line).
    expect(yearlyMileageCents(scale, car(2), 1_000)).toBe(52_900);
    expect(yearlyMileageCents(scale, car(12), 1_000)).toBe(69_700);
    expect(yearlyMileageCents(scale, car(4), 5_000)).toBe(303_000);
    expect(yearlyMileageCents(scale, car(6), 20_001)).toBe(Math.round(20_001 * 44.7));
    // Motorcycles: 3-5 CV, d × 0.468 up to 3,000 km.
    expect(yearlyMileageCents(scale, { vehicle: 'motorcycle', fiscalHp: 4 }, 100)).toBe(4_680);
    // Electric: + 20 %.
    expect(yearlyMileageCents(scale, car(5, true), 100)).toBe(7_632);
  });

  it('has a single line for mopeds (cyclomoteurs ≤ 50 cm³), whatever the horsepower', () => {
    const moped = (fiscalHp = 1, electric = false) => ({ vehicle: 'moped' as const, fiscalHp, electric });
    // Up to 3,000 km: d × 0.315.
    expect(yearlyMileageCents(scale, moped(), 1_000)).toBe(31_500);
    expect(yearlyMileageCents(scale, moped(), 3_000)).toBe(94_500);
    // 3,001 to 6,000 km: d × 0.079 + 711 €.
    expect(yearlyMileageCents(scale, moped(), 3_001)).toBe(Math.round(3_001 * 7.9) + 71_100);
    expect(yearlyMileageCents(scale, moped(), 6_000)).toBe(47_400 + 71_100);
    // Beyond 6,000 km: d × 0.198.
    expect(yearlyMileageCents(scale, moped(), 6_001)).toBe(Math.round(6_001 * 19.8));
    expect(yearlyMileageCents(scale, moped(3), 1_000)).toBe(31_500);
    // Electric: + 20 %.
    expect(yearlyMileageCents(scale, moped(1, true), 1_000)).toBe(37_800);
    // Carried to 2026 with the other lines; a trip after 2,950 km crosses into the second bracket.
    expect(mileageScaleOn('2026-11-01')!.bands.filter((b) => b.vehicle === 'moped')).toHaveLength(1);
    expect(mileageAllowanceCents(scale, { ...moped(), distanceKm: 100 }, 2_950)).toEqual({
      amountCents: Math.round(3_050 * 7.9) + 71_100 - Math.round(2_950 * 31.5),
      bracketRateMilli: 79,
    });
  });

  it('pays a trip the difference of the yearly amounts, so brackets apply to the year', () => {
    expect(mileageAllowanceCents(scale, { ...car(5), distanceKm: 100 }, 0).amountCents).toBe(6_360);
    // After 6,000 km already driven, the 5,001-20,000 rate applies: 100 × 0.357.
    expect(mileageAllowanceCents(scale, { ...car(5), distanceKm: 100 }, 6_000).amountCents).toBe(3_570);
  });

  it('trips of a year always add up to the yearly amount, and never decrease with distance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        fc.constantFrom('car' as const, 'motorcycle' as const, 'moped' as const),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 12 }),
        (hp, electric, vehicle, trips) => {
          let before = 0;
          let sum = 0;
          for (const km of trips) {
            const { amountCents } = mileageAllowanceCents(
              scale,
              { vehicle, fiscalHp: hp, electric, distanceKm: km },
              before,
            );
            expect(amountCents).toBeGreaterThanOrEqual(0);
            sum += amountCents;
            before += km;
          }
          expect(sum).toBe(yearlyMileageCents(scale, { vehicle, fiscalHp: hp, electric }, before));
        },
      ),
    );
  });
});
