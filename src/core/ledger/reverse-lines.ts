/** The lines of a reversing entry: the same accounts, activities and third parties, debit and credit swapped. */
export function reverseLines<L extends { debitCents: bigint; creditCents: bigint }>(
  lines: readonly L[],
): L[] {
  return lines.map((l) => ({ ...l, debitCents: l.creditCents, creditCents: l.debitCents }));
}
