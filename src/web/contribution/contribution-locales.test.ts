import { describe, expect, it } from 'vitest';
import { contributionBases } from '../../core/contribution/contribution-policy.ts';
import { portfolioAlerts, scheduleSources } from '../../core/contribution/contribution-views.ts';
import fr from './locales/fr.json';

// French and English hold the same keys: src/web/app/locales.test.ts checks every feature's files.
describe('contribution screens translations', () => {
  it('name every schedule source, base and alert the server can send', () => {
    for (const s of scheduleSources) expect(fr.explanation.sources).toHaveProperty(s);
    for (const b of contributionBases) expect(fr.explanation.bases).toHaveProperty(b);
    for (const a of portfolioAlerts) expect(fr.portfolio.alert).toHaveProperty(a);
  });
});
