import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTags, normalizeTag } from './normalize-tag.ts';

describe('normalizeTag', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(normalizeTag('  Rempailleuse   de Chaises ')).toBe('rempailleuse de chaises');
    expect(normalizeTag('Créteil')).toBe('creteil');
    expect(normalizeTag('ÉBÉNISTE')).toBe('ebeniste');
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeTag(normalizeTag(s))).toBe(normalizeTag(s));
      }),
    );
  });
});

describe('cleanTags', () => {
  it('drops blanks and duplicates by search key, keeping the first spelling', () => {
    expect(cleanTags(['Graphiste', ' graphiste', '', 'Illustratrice  jeunesse', 'GRAPHISTE'])).toEqual([
      'Graphiste',
      'Illustratrice jeunesse',
    ]);
  });
});
