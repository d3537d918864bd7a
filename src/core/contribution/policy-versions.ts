/** A version's validity: from its first day, to its last day included (null: open-ended). */
export type Validity = { validFrom: string; validTo: string | null };

const endOf = (v: Validity) => v.validTo ?? '9999-12-31';

/**
 * Pairs of versions whose validities overlap: two versions in force on the same day would make a month's
 * contribution ambiguous, so the policy refuses them. Returns the indexes of each overlapping pair.
 */
export function findOverlappingVersions(versions: readonly Validity[]): [number, number][] {
  const order = versions.map((v, i) => ({ v, i })).sort((a, b) => (a.v.validFrom < b.v.validFrom ? -1 : 1));
  const pairs: [number, number][] = [];
  for (let x = 0; x < order.length; x++)
    for (let y = x + 1; y < order.length; y++) {
      const a = order[x]!;
      const b = order[y]!;
      if (b.v.validFrom > endOf(a.v)) break;
      pairs.push([Math.min(a.i, b.i), Math.max(a.i, b.i)]);
    }
  return pairs;
}

/** The version in force on a day, if any. */
export function versionInForce<V extends Validity>(versions: readonly V[], day: string): V | undefined {
  return versions.find((v) => v.validFrom <= day && day <= endOf(v));
}

/**
 * Whether a version may still be changed: only before it comes into force. A version in force (or past)
 * is never edited (issue 6): the cooperative starts a new version at a later date instead.
 */
export function isVersionEditable(version: Validity, today: string): boolean {
  return version.validFrom > today;
}
