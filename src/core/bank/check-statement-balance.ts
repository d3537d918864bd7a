import type { ParsedStatement } from './statement-schemas.ts';

export type BalanceCheck = {
  openingCents: number | null;
  closingCents: number | null;
  linesCents: number;
  /** closing − (opening + Σ lines); 0 when the statement is whole, null when the bank gave no balances. */
  differenceCents: number | null;
};

/** Opening + Σ lines = closing (issue 9 §2): a difference means lines are missing or read wrong. */
export function checkStatementBalance(
  statement: Pick<ParsedStatement, 'opening' | 'closing' | 'lines'>,
): BalanceCheck {
  const linesCents = statement.lines.reduce((s, l) => s + l.amountCents, 0);
  const openingCents = statement.opening?.cents ?? null;
  const closingCents = statement.closing?.cents ?? null;
  return {
    openingCents,
    closingCents,
    linesCents,
    differenceCents:
      openingCents === null || closingCents === null ? null : closingCents - (openingCents + linesCents),
  };
}
