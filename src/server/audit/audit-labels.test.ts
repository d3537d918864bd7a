import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Labels = Record<'auditAction' | 'auditFamily' | 'auditObject', Record<string, string>>;
const locale = (lang: string): Labels =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../web/app/locales/${lang}.json`), 'utf8'));
const fr = locale('fr');
const en = locale('en');

/** Every audit action written as a literal by the server (`action: 'feature.verb'`), tests excluded. */
function recordedActions(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return recordedActions(path);
    if (!d.name.endsWith('.ts') || d.name.includes('.test.')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/\baction: '([a-z_]+(?:\.[a-z_]+)+)'/g)].map((m) => m[1]!);
  });
}

/** The audit log page (src/web/audit) names actions from the web locales; checked here, beside what records them. */
describe('audit log labels', () => {
  const actions = [...new Set(recordedActions(join(import.meta.dirname, '..')))].sort();

  it('name every action the server records, in French and in English', () => {
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((a) => !(a in fr.auditAction))).toEqual([]);
    expect(actions.filter((a) => !(a in en.auditAction))).toEqual([]);
  });

  it('have the same actions, families and object types in both languages', () => {
    for (const part of ['auditAction', 'auditFamily', 'auditObject'] as const)
      expect(Object.keys(en[part]).sort()).toEqual(Object.keys(fr[part]).sort());
  });

  it('offer a family filter for every action (the log filters on the prefix)', () => {
    const families = Object.keys(fr.auditFamily);
    expect(Object.keys(fr.auditAction).filter((a) => !families.some((f) => a.startsWith(f)))).toEqual([]);
  });
});
