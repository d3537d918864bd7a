import { AppError } from '../errors/app-error.ts';
import { addDays, type CalendarDate, daysBetween } from './calendar-date.ts';
import { divideRounded } from './divide-rounded.ts';

/**
 * Late payment (C. com. L441-10 II, D441-5; cae-domain.md §4.3): penalties are due without a reminder
 * at the ECB main refinancing rate + 10 points unless the contract agrees another rate (never below
 * 3 × the legal interest rate). The ECB rate of a half-year is the one in force on 1 January or 1 July.
 * A business client also owes a fixed €40 recovery indemnity per late invoice, without VAT.
 */
export const RECOVERY_INDEMNITY_CENTS = 4_000;
export const DEFAULT_LATE_PENALTY_MARGIN_BP = 1_000;

/**
 * ECB main refinancing operations rate in force on 1 January and 1 July (ECB key interest rates).
 * [YEAR] data: the cooperative adds the next half-years in its settings.
 */
export const ecbRefinancingRates: readonly { semesterStart: CalendarDate; rateBp: number }[] = [
  { semesterStart: '2023-01-01', rateBp: 250 },
  { semesterStart: '2023-07-01', rateBp: 400 },
  { semesterStart: '2024-01-01', rateBp: 450 },
  { semesterStart: '2024-07-01', rateBp: 425 },
  { semesterStart: '2025-01-01', rateBp: 315 },
  { semesterStart: '2025-07-01', rateBp: 215 },
  // The ECB kept its rates unchanged at every meeting of the second half of 2025.
  { semesterStart: '2026-01-01', rateBp: 215 },
];

export interface LatePenaltySettings {
  /** Points added to the ECB rate, in basis points (default 1000 = 10 points). */
  marginBp: number;
  /** A contractual fixed rate that replaces ECB + margin, or null. */
  fixedRateBp: number | null;
  ecbRates: readonly { semesterStart: CalendarDate; rateBp: number }[];
}

export const defaultLatePenaltySettings: LatePenaltySettings = {
  marginBp: DEFAULT_LATE_PENALTY_MARGIN_BP,
  fixedRateBp: null,
  ecbRates: ecbRefinancingRates,
};

export function semesterStart(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 4)}-${date.slice(5, 7) <= '06' ? '01' : '07'}-01`;
}

function nextSemesterStart(date: CalendarDate): CalendarDate {
  const start = semesterStart(date);
  return start.slice(5, 7) === '01' ? `${start.slice(0, 4)}-07-01` : `${Number(start.slice(0, 4)) + 1}-01-01`;
}

/**
 * The annual penalty rate, in basis points, for the half-year that contains `date`. When that half-year's
 * ECB rate is not known yet, `missing: 'refuse'` throws ECB_RATE_MISSING; `'latest'` uses the last known
 * one (issuing must not stop on 1 July because nobody has typed the new rate yet).
 */
export function latePenaltyRateBp(
  date: CalendarDate,
  settings: LatePenaltySettings = defaultLatePenaltySettings,
  missing: 'refuse' | 'latest' = 'refuse',
) {
  if (settings.fixedRateBp !== null) return settings.fixedRateBp;
  const start = semesterStart(date);
  let ecb = settings.ecbRates.find((r) => r.semesterStart === start);
  if (!ecb && missing === 'latest') {
    ecb = settings.ecbRates
      .filter((r) => r.semesterStart <= start)
      .sort((a, b) => (a.semesterStart < b.semesterStart ? 1 : -1))[0];
  }
  if (!ecb) throw new AppError('ECB_RATE_MISSING', { semester: start });
  return ecb.rateBp + settings.marginBp;
}

/**
 * Penalties on an unpaid amount from the day after the due date to `until` (inclusive), each
 * half-year at its own rate, on a 365-day year; rounded once to the cent.
 */
export function computeLatePenaltyCents(
  input: { unpaidCents: number; dueDate: CalendarDate; until: CalendarDate },
  settings: LatePenaltySettings = defaultLatePenaltySettings,
): number {
  if (input.unpaidCents <= 0 || input.until <= input.dueDate) return 0;
  let numerator = 0n; // cents × bp × days
  let from = addDays(input.dueDate, 1);
  while (from <= input.until) {
    const next = nextSemesterStart(from);
    const last = next <= input.until ? addDays(next, -1) : input.until;
    const days = daysBetween(from, last) + 1;
    numerator += BigInt(input.unpaidCents) * BigInt(latePenaltyRateBp(from, settings)) * BigInt(days);
    from = next;
  }
  return Number(divideRounded(numerator, 10_000n * 365n));
}

/** "12,15 %" — the rate as the invoice prints it. */
export function formatRateBp(rateBp: number): string {
  return `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(rateBp / 100)} %`;
}
