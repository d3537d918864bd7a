/**
 * The search key of a trade, a skill or a town: lower case, without accents, single spaces. "Rempailleuse
 * de Chaises" and "rempailleuse de chaises" find each other; so do "Créteil" and "creteil".
 */
export function normalizeTag(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** Trims, drops empty and duplicate entries (by search key), keeps the first spelling. */
export function cleanTags(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim().replace(/\s+/g, ' ');
    const key = normalizeTag(value);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
