import { describe, expect, it } from 'vitest';
import { matchReasons } from '../../core/bank/match-bank-lines.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('bank screens translations', () => {
  it('have the same keys in French and English, none empty, and a label for every match reason', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    expect([...keys(fr), ...keys(en)].filter((k) => k.trim() === '')).toEqual([]);
    for (const reason of matchReasons) expect(fr.reason).toHaveProperty(reason);
  });
});
