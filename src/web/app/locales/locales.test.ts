import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

/** Every key, with plural suffixes folded (French has a "many" form English does not). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v, `${prefix}${k}.`)
      : [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, '')],
  );
}

describe('web translations', () => {
  it('have the same keys in French and English', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(fr))].sort());
  });

  it('leave no text empty', () => {
    const empty = (tree: object): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? empty(v) : String(v).trim() === '' ? [k] : [],
      );
    expect(empty(fr)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
