import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('expense screens translations', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    const empty = (tree: object): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? empty(v) : String(v).trim() === '' ? [k] : [],
      );
    expect([...empty(fr), ...empty(en)]).toEqual([]);
  });
});
