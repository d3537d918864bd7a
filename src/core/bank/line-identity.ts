import type { ParsedBankLine } from './statement-schemas.ts';

/** cyrb53: a fast 53-bit string hash (pure, no node:crypto in src/core); two seeds give 106 bits. */
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

const normalizeLabel = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();

/**
 * The stable identity of each statement line within its bank account (issue 9 §2: re-importing an overlapping
 * statement never duplicates a line). The bank's own reference when it gives one (CAMT AcctSvcrRef, OFX FITID),
 * else a hash of date, amount and label with the line's rank among identical ones: two equal card payments on
 * the same day stay two lines, and the same day read again from a later statement gets the same keys.
 */
export function lineIdentities(lines: readonly ParsedBankLine[]): string[] {
  const seen = new Map<string, number>();
  const refs = new Map<string, number>();
  return lines.map((l) => {
    if (l.bankReference) {
      // A bank reusing a reference inside one file (it happens with some CSV exports) still yields distinct keys.
      const n = refs.get(l.bankReference) ?? 0;
      refs.set(l.bankReference, n + 1);
      return `ref:${l.bankReference}${n ? `#${n}` : ''}`.slice(0, 200);
    }
    const base = `${l.bookingDate}|${l.amountCents}|${normalizeLabel(l.label)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `h:${l.bookingDate}:${cyrb53(base, 1)}${cyrb53(base, 2)}:${n}`;
  });
}
