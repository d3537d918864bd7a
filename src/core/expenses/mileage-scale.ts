import { z } from 'zod';

/**
 * The official per-kilometre scale (barème kilométrique, CGI art. 83; published each year by the tax
 * administration and used by the URSSAF for allowances paid to employees who use their own vehicle). A dated
 * parameter table: the scale in force on a trip's date applies. The 2025 scale (published in April 2025 for 2024
 * income) repeats the 2023 one; it is carried over until a new one is published, so it is the 2026 scale here.
 *
 * Each bracket gives the YEARLY allowance for the distance d driven in the year: d × rate + fixed. A trip is
 * paid the difference between the yearly amount after it and before it (the member's earlier trips of the year
 * count), so the trips of a year always add up to the scale's yearly amount, bracket changes included.
 * Electric vehicles get 20 % more (arrêté du 27 mars 2023).
 *
 * Three scales by vehicle: cars by fiscal horsepower; motorcycles and scooters above 50 cm³ by fiscal
 * horsepower; mopeds (cyclomoteurs, vélomoteurs and scooters of 50 cm³ or less) on a single line whatever their
 * horsepower (a cyclomoteur's registration shows 1 CV; the form does not ask for it).
 */
export const vehicleKinds = ['car', 'motorcycle', 'moped'] as const;
export type VehicleKind = (typeof vehicleKinds)[number];

/** One line of the scale: fiscal horsepower from..to, and the brackets by yearly distance. */
export type MileageBand = {
  vehicle: VehicleKind;
  hpFrom: number;
  /** null: and above. */
  hpTo: number | null;
  /** Up to `upToKm` inclusive (null: beyond): yearly amount = km × rateMilli / 1000 € + fixedEuros. */
  brackets: readonly { upToKm: number | null; rateMilli: number; fixedEuros: number }[];
};

export type MileageScale = { validFrom: string; source: string; bands: readonly MileageBand[] };

const car = (hpFrom: number, hpTo: number | null, a: number, b: number, fixed: number, c: number) =>
  ({
    vehicle: 'car',
    hpFrom,
    hpTo,
    brackets: [
      { upToKm: 5_000, rateMilli: a, fixedEuros: 0 },
      { upToKm: 20_000, rateMilli: b, fixedEuros: fixed },
      { upToKm: null, rateMilli: c, fixedEuros: 0 },
    ],
  }) as const;
const moto = (hpFrom: number, hpTo: number | null, a: number, b: number, fixed: number, c: number) =>
  ({
    vehicle: 'motorcycle',
    hpFrom,
    hpTo,
    brackets: [
      { upToKm: 3_000, rateMilli: a, fixedEuros: 0 },
      { upToKm: 6_000, rateMilli: b, fixedEuros: fixed },
      { upToKm: null, rateMilli: c, fixedEuros: 0 },
    ],
  }) as const;

/**
 * Cyclomoteurs (≤ 50 cm³): d × 0.315 up to 3,000 km; d × 0.079 + 711 € from 3,001 to 6,000 km; d × 0.198 beyond.
 * Source: barème kilométrique 2025 (revenus 2024), BOI-BAREME-000001, « barème applicable aux cyclomoteurs,
 * vélomoteurs et scooters d'une puissance inférieure à 50 centimètres cubes », not revalued since 2023 like the
 * car and motorcycle lines (as reported by Les Echos Publishing, « Gel des barèmes kilométriques », 14 April 2025).
 */
const moped = {
  vehicle: 'moped',
  hpFrom: 1,
  hpTo: null,
  brackets: [
    { upToKm: 3_000, rateMilli: 315, fixedEuros: 0 },
    { upToKm: 6_000, rateMilli: 79, fixedEuros: 711 },
    { upToKm: null, rateMilli: 198, fixedEuros: 0 },
  ],
} as const;

/** The scales, oldest first. Add next year's by appending one (never edit a past one: past claims used it). */
export const mileageScales: readonly MileageScale[] = [
  {
    validFrom: '2023-01-01',
    source:
      'Barème kilométrique 2025 (revenus 2024, BOI-BAREME-000001), identique à 2023 et 2024, reconduit en 2026',
    bands: [
      car(0, 3, 529, 316, 1_065, 370),
      car(4, 4, 606, 340, 1_330, 407),
      car(5, 5, 636, 357, 1_395, 427),
      car(6, 6, 665, 374, 1_457, 447),
      car(7, null, 697, 394, 1_515, 470),
      moto(0, 2, 395, 99, 891, 248),
      moto(3, 5, 468, 82, 1_158, 275),
      moto(6, null, 606, 79, 1_583, 343),
      moped,
    ],
  },
];

export const MileageTrip = z.strictObject({
  vehicle: z.enum(vehicleKinds),
  fiscalHp: z.number().int().min(1).max(99),
  electric: z.boolean().default(false),
  distanceKm: z.number().int().min(1).max(5_000),
});
export type MileageTrip = z.input<typeof MileageTrip>;

/** The scale in force on a date, or null before the first one. */
export function mileageScaleOn(date: string, scales: readonly MileageScale[] = mileageScales) {
  let found: MileageScale | null = null;
  for (const s of scales) if (s.validFrom <= date) found = s;
  return found;
}

function bandFor(scale: MileageScale, vehicle: VehicleKind, fiscalHp: number) {
  const band = scale.bands.find(
    (b) => b.vehicle === vehicle && fiscalHp >= b.hpFrom && (b.hpTo === null || fiscalHp <= b.hpTo),
  );
  if (!band) throw new RangeError(`no band for ${vehicle} ${fiscalHp} CV`);
  return band;
}

/** The yearly allowance in cents for `yearlyKm` km driven in the year (rounded to the cent, half up). */
export function yearlyMileageCents(
  scale: MileageScale,
  trip: { vehicle: VehicleKind; fiscalHp: number; electric?: boolean },
  yearlyKm: number,
): number {
  if (!Number.isSafeInteger(yearlyKm) || yearlyKm < 0) throw new RangeError(`bad distance: ${yearlyKm}`);
  if (yearlyKm === 0) return 0;
  const band = bandFor(scale, trip.vehicle, trip.fiscalHp);
  const bracket = band.brackets.find((b) => b.upToKm === null || yearlyKm <= b.upToKm)!;
  // In tenths of a cent (km × milli-euros), exact integers; the fixed part is whole euros.
  const tenths = yearlyKm * bracket.rateMilli + bracket.fixedEuros * 1_000;
  const withElectric = trip.electric ? tenths * 12 : tenths * 10; // × 1.2, in hundredths of a cent
  return Math.floor((withElectric + 50) / 100);
}

/**
 * The allowance of one trip: the yearly amount after it minus the yearly amount before it, `kmBefore` being the
 * distance the member already claimed in the same calendar year with the same vehicle.
 */
export function mileageAllowanceCents(
  scale: MileageScale,
  trip: MileageTrip,
  kmBefore: number,
): { amountCents: number; bracketRateMilli: number } {
  const t = MileageTrip.parse(trip);
  const after = yearlyMileageCents(scale, t, kmBefore + t.distanceKm);
  const before = yearlyMileageCents(scale, t, kmBefore);
  const band = bandFor(scale, t.vehicle, t.fiscalHp);
  const bracket = band.brackets.find((b) => b.upToKm === null || kmBefore + t.distanceKm <= b.upToKm)!;
  return { amountCents: after - before, bracketRateMilli: bracket.rateMilli };
}
