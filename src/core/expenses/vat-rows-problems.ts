import { vatOnBaseCents } from './expense-totals.ts';

/** One row of a supplier invoice's VAT breakdown as typed in a form: null where the amount is not readable. */
export type VatRowDraft = { rateBp: number; baseCents: number | null; vatCents: number | null };

export type VatRowProblem =
  | { row: number; code: 'baseInvalid' | 'vatInvalid' }
  | { row: number; code: 'vatMismatch'; expectedCents: number }
  | { row: number; code: 'rateTwice'; rateBp: number }
  | { row: null; code: 'totalInvalid' }
  | { row: null; code: 'totalMismatch'; rowsCents: number; differenceCents: number };

/**
 * What a member must fix in a supplier invoice's breakdown by VAT rate before it is sent, row by row, so the form
 * can say where: each base positive, each rate's VAT equal to base × rate within one cent (the server's rule,
 * `vatTotalsProblem`, cae-domain.md §4.4), each rate once, and the rows adding up TO THE CENT to the total
 * incl. VAT printed on the invoice (the member types it to check their copy; the books take the rows' sum).
 */
export function vatRowsProblems(rows: readonly VatRowDraft[], totalCents: number | null): VatRowProblem[] {
  const problems: VatRowProblem[] = [];
  const seen = new Set<number>();
  let sum = 0;
  let readable = true;
  rows.forEach((r, row) => {
    if (seen.has(r.rateBp)) problems.push({ row, code: 'rateTwice', rateBp: r.rateBp });
    seen.add(r.rateBp);
    if (r.baseCents === null || !Number.isSafeInteger(r.baseCents) || r.baseCents <= 0) {
      problems.push({ row, code: 'baseInvalid' });
      readable = false;
      return;
    }
    if (r.vatCents === null || !Number.isSafeInteger(r.vatCents) || r.vatCents < 0) {
      problems.push({ row, code: 'vatInvalid' });
      readable = false;
      return;
    }
    const expectedCents = vatOnBaseCents(r.baseCents, r.rateBp);
    if (Math.abs(r.vatCents - expectedCents) > 1) problems.push({ row, code: 'vatMismatch', expectedCents });
    sum += r.baseCents + r.vatCents;
  });
  if (totalCents === null || !Number.isSafeInteger(totalCents) || totalCents <= 0)
    problems.push({ row: null, code: 'totalInvalid' });
  else if (readable && rows.length > 0 && sum !== totalCents)
    problems.push({ row: null, code: 'totalMismatch', rowsCents: sum, differenceCents: totalCents - sum });
  return problems;
}
