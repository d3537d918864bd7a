/**
 * VAT and totals of expenses and purchases (cae-domain.md §4.4), in integer cents, rates in basis points.
 * A receipt gives the amount including VAT; the VAT it shows is recoverable (D 44566) when the category allows
 * it; the cost booked on the activity is the rest.
 */

/** The VAT rates of metropolitan France (cae-domain.md §4.4), in basis points. */
export const vatRatesBp = [2000, 1000, 550, 210, 0] as const;
export const maxVatRateBp = 2000;

/** VAT included in an amount at a rate: total × rate / (1 + rate), rounded half up. 12000 at 20 % → 2000. */
export function vatIncludedCents(totalCents: number, rateBp: number): number {
  if (rateBp === 0) return 0;
  return Math.floor((totalCents * rateBp * 2 + (10_000 + rateBp)) / (2 * (10_000 + rateBp)));
}

/** VAT on an amount excluding VAT: base × rate, rounded half up (computed per rate, EN 16931 BR-CO-17). */
export function vatOnBaseCents(baseCents: number, rateBp: number): number {
  return Math.floor((baseCents * rateBp + 5_000) / 10_000);
}

/**
 * Why a receipt line's amounts do not add up, or null: the total must be positive; the VAT must be zero or
 * positive and no more than the highest rate allows on that total (20 % of the amount excluding VAT, one
 * cent of rounding tolerated): "VAT above the total" and a negative amount are both refused.
 */
export function lineAmountsProblem(totalCents: number, vatCents: number): string | null {
  if (!Number.isSafeInteger(totalCents) || totalCents <= 0) return 'expense.totalPositive';
  if (!Number.isSafeInteger(vatCents) || vatCents < 0) return 'expense.vatNegative';
  if (vatCents > vatIncludedCents(totalCents, maxVatRateBp) + 1) return 'expense.vatTooHigh';
  return null;
}

export type VatTotal = { rateBp: number; baseCents: number; vatCents: number };

/**
 * Why a supplier invoice's totals by rate do not add up, or null: bases positive, each rate's VAT equal to
 * base × rate within one cent (the tolerance of the French CTC profile, cae-domain.md §4.4), one row per rate.
 */
export function vatTotalsProblem(rows: readonly VatTotal[]): string | null {
  if (rows.length === 0) return 'expense.totalPositive';
  const rates = new Set<number>();
  for (const r of rows) {
    if (rates.has(r.rateBp)) return 'expense.rateTwice';
    rates.add(r.rateBp);
    if (!Number.isSafeInteger(r.baseCents) || r.baseCents <= 0) return 'expense.totalPositive';
    if (!Number.isSafeInteger(r.vatCents) || r.vatCents < 0) return 'expense.vatNegative';
    if (Math.abs(r.vatCents - vatOnBaseCents(r.baseCents, r.rateBp)) > 1) return 'expense.vatMismatch';
  }
  return null;
}

/** Sum of lines: total incl. VAT, VAT, and cost excl. VAT (= total − VAT). */
export function sumExpenseLines(lines: readonly { totalCents: number; vatCents: number }[]) {
  let totalCents = 0;
  let vatCents = 0;
  for (const l of lines) {
    totalCents += l.totalCents;
    vatCents += l.vatCents;
  }
  return { totalCents, vatCents, netCents: totalCents - vatCents };
}

/** The totals of a supplier invoice from its rows by VAT rate. */
export function sumVatTotals(rows: readonly VatTotal[]) {
  let netCents = 0;
  let vatCents = 0;
  for (const r of rows) {
    netCents += r.baseCents;
    vatCents += r.vatCents;
  }
  return { netCents, vatCents, totalCents: netCents + vatCents };
}
