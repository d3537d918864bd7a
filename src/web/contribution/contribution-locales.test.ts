import { describe, expect, it } from 'vitest';
import { contributionBases } from '../../core/contribution/contribution-policy.ts';
import { portfolioAlerts, scheduleSources } from '../../core/contribution/contribution-views.ts';
import en from './locales/en.json';
import fr from './locales/fr.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('contribution screens translations', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
    expect(
      keys(fr).filter((k) => String(k.split('.').reduce((o: any, p) => o[p], fr)).trim() === ''),
    ).toEqual([]);
  });

  it('name every schedule source, base and alert the server can send', () => {
    for (const s of scheduleSources) expect(fr.explanation.sources).toHaveProperty(s);
    for (const b of contributionBases) expect(fr.explanation.bases).toHaveProperty(b);
    for (const a of portfolioAlerts) expect(fr.portfolio.alert).toHaveProperty(a);
  });
});
