/**
 * How many other associates one associate may represent (cae-domain.md §3.2, [34]): one when the
 * cooperative has fewer than 20 associates, otherwise one twentieth of the associates, rounded down (650
 * associates → 32). Statutes may set a lower cap, never a higher one, and never below one.
 */
export function proxyCap(associateCount: number, statutoryCap: number | null = null): number {
  if (!Number.isSafeInteger(associateCount) || associateCount < 0)
    throw new RangeError(`associate count ${associateCount} is not a count`);
  const legal = associateCount < 20 ? 1 : Math.floor(associateCount / 20);
  return statutoryCap === null ? legal : Math.max(1, Math.min(legal, statutoryCap));
}
