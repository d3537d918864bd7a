import { defaultLocale, type Locale, locales } from './locale.ts';

/**
 * Picks the caller's language from an Accept-Language header (RFC 9110 §12.5.4), honouring q-values.
 * French unless the caller prefers a language we speak.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return {
        base: tag.toLowerCase().split('-')[0] ?? '',
        weight: Number.isNaN(weight) ? 0 : weight,
        index,
      };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranked) {
    const found = locales.find((l) => l === r.base);
    if (found) return found;
  }
  return defaultLocale;
}
