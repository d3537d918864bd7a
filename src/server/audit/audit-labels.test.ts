import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Labels = Record<'auditAction' | 'auditFamily' | 'auditObject', Record<string, string>>;
const locale = (lang: string): Labels =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../web/app/locales/${lang}.json`), 'utf8'));
const fr = locale('fr');
const en = locale('en');

/** The text of every server source file, tests excluded. */
function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return serverSources(path);
    return d.name.endsWith('.ts') && !d.name.includes('.test.') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** The audit log page (src/web/audit) names actions from the web locales; checked here, beside what records them. */
describe('audit log labels', () => {
  const sources = serverSources(join(import.meta.dirname, '..'));
  // `action: 'a.b'` and `action: cond ? 'a.b' : 'a.c'`; actions built from a template are listed by hand.
  const written = sources.flatMap((text) =>
    [...text.matchAll(/\baction: ([^,\n]+)/g)].flatMap((m) =>
      [...m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((q) => q[1]!),
    ),
  );
  const templated = [
    ...['insert', 'update', 'delete'].map((c) => `member.journey.${c}`),
    ...['approved', 'rejected', 'withdrawn'].map((d) => `salary_plan.${d}`),
    ...['accepted', 'refused', 'expired'].map((s) => `sales.quote.${s}`),
    ...['claim', 'supplier_invoice'].flatMap((t) => ['approve', 'reject'].map((d) => `expense.${t}.${d}`)),
  ];
  const actions = [...new Set([...written, ...templated])].sort();
  const objectTypes = [
    ...new Set(sources.flatMap((text) => [...text.matchAll(/\bobjectType: '([a-z_]+)'/g)].map((m) => m[1]!))),
  ];

  it('name every action the server records, in French and in English', () => {
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((a) => !(a in fr.auditAction))).toEqual([]);
    expect(actions.filter((a) => !(a in en.auditAction))).toEqual([]);
  });

  it('name every kind of object the server records', () => {
    expect(objectTypes.filter((t) => !(t in fr.auditObject))).toEqual([]);
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
