import { describe, expect, it } from 'vitest';
import { legalFormLabel, legalForms } from './legal-forms.ts';

describe('legalFormLabel', () => {
  it('prints the legal form with "à capital variable" when the capital is variable', () => {
    expect(legalFormLabel('SCOP_SA', true)).toBe(
      'Société coopérative et participative, société anonyme à capital variable',
    );
    expect(legalFormLabel('SCIC_SAS', false)).toBe(
      "Société coopérative d'intérêt collectif, société par actions simplifiée",
    );
    expect(legalFormLabel('COOP_SARL', true)).toBe(
      'Société coopérative, société à responsabilité limitée à capital variable',
    );
  });

  it('gives every legal form a distinct, complete label', () => {
    const labels = legalForms.map((f) => legalFormLabel(f, false));
    expect(new Set(labels).size).toBe(legalForms.length);
    for (const l of labels) {
      expect(l).not.toMatch(/undefined/);
      expect(l).toMatch(/^Société coopérative.*, société /);
    }
  });
});
