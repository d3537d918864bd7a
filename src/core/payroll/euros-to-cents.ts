import Decimal from 'decimal.js';

/**
 * A figure of the rules engine (euros, a JavaScript number) as integer cents: the number's own decimal
 * writing rounded half away from zero, as a payslip rounds. 1443.105990425 → 144311; 0.005 → 1; −0.005 → −1.
 * Working on the decimal writing, not on `value * 100`, avoids binary artefacts (1.005 * 100 = 100.49999…).
 */
export function eurosToCents(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const cents = new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).times(100).toNumber();
  return cents === 0 ? 0 : cents; // no −0
}

/** Integer cents as the exact decimal euros the rules engine reads: 182303 → '1823.03', −5 → '-0.05'. */
export function centsToEuroText(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A rate in basis points as the exact decimal percentage the rules engine reads: 295 → '2.95', 5000 → '50'. */
export function basisPointsToPercentText(bp: number): string {
  if (!Number.isSafeInteger(bp) || bp < 0) throw new RangeError(`not a rate in basis points: ${bp}`);
  const rest = bp % 100;
  return rest === 0 ? String(bp / 100) : `${Math.floor(bp / 100)}.${String(rest).padStart(2, '0')}`;
}
