import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiate-locale.ts';

describe('negotiateLocale', () => {
  it('speaks French when the caller says nothing or asks for a language we do not speak', () => {
    expect(negotiateLocale(undefined)).toBe('fr');
    expect(negotiateLocale(null)).toBe('fr');
    expect(negotiateLocale('')).toBe('fr');
    expect(negotiateLocale('de-DE, es;q=0.8')).toBe('fr');
    expect(negotiateLocale('*')).toBe('fr');
  });

  it('speaks English to a caller who prefers it, whatever the region or case', () => {
    expect(negotiateLocale('en')).toBe('en');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('EN-us')).toBe('en');
  });

  it('honours q-values rather than the order of the list', () => {
    expect(negotiateLocale('fr;q=0.5, en;q=0.8')).toBe('en');
    expect(negotiateLocale('en;q=0.3, fr')).toBe('fr');
    expect(negotiateLocale('de, en;q=0.5, fr;q=0.4')).toBe('en');
  });

  it('keeps the order of the list between equal q-values', () => {
    expect(negotiateLocale('en, fr')).toBe('en');
    expect(negotiateLocale('fr, en')).toBe('fr');
  });

  it('ignores a language refused with q=0 and a malformed q-value', () => {
    expect(negotiateLocale('en;q=0, de')).toBe('fr');
    expect(negotiateLocale('en;q=abc')).toBe('fr');
  });
});
