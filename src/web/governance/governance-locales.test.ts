import { describe, expect, it } from 'vitest';
import fr from './locales/fr.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? keys(v, `${prefix}${k}.`)
      : [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, '')],
  );
}

// French and English hold the same keys: src/web/app/locales.test.ts checks every feature's files.
describe('governance screens translations', () => {
  it('hold every key the screens name literally', () => {
    const known = new Set(keys(fr));
    // The screens' sources, as text (Vite's glob import: the web code does not read files itself).
    const sources = import.meta.glob(['./*.tsx', './*.ts', '!./*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const used = Object.values(sources)
      .flatMap((text) => [...text.matchAll(/\bg\(\s*'([\w.]+)'/g)])
      .map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
