import { describe, expect, it } from 'vitest';

/** Every leaf key of a translation tree, dotted ("invoice.paid"). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/**
 * The keys without their plural suffix: French counts "one, many, other" (CLDR) where English counts
 * "one, other", so a "_many" form exists only in French.
 */
const words = (tree: object) =>
  [...new Set(keys(tree).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

/** The keys whose text is empty. */
function empty(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? empty(v, `${prefix}${k}.`)
      : String(v).trim() === ''
        ? [`${prefix}${k}`]
        : [],
  );
}

// Every translation file of the app and its features (Vite's glob import: the web code reads no files).
const files = import.meta.glob('../**/locales/*.json', { import: 'default', eager: true }) as Record<
  string,
  object
>;
const folders = [...new Set(Object.keys(files).map((path) => path.replace(/\/(fr|en)\.json$/, '')))];

/** Texts left empty on purpose: a refund's reason when there is none to give (governance). */
const emptyOnPurpose = new Set(['../governance/locales:refund.reason.null']);

describe('translations', () => {
  it('are found for the app and every feature', () => {
    expect(folders.length).toBeGreaterThan(8);
  });

  for (const folder of folders) {
    it(`${folder}: the same keys in French and English, none empty`, () => {
      const fr = files[`${folder}/fr.json`];
      const en = files[`${folder}/en.json`];
      expect(fr, `${folder}/fr.json`).toBeDefined();
      expect(en, `${folder}/en.json`).toBeDefined();
      expect(words(en!)).toEqual(words(fr!));
      const blanks = [...new Set([...empty(fr!), ...empty(en!)])].filter(
        (k) => !emptyOnPurpose.has(`${folder}:${k}`),
      );
      expect(blanks).toEqual([]);
    });
  }
});
