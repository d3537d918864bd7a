import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locale.ts';
import { fieldMessages } from '../validation/field-messages.ts';
import { describeError, errorCatalog, isErrorCode } from './error-catalog.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('describeError', () => {
  it('fills placeholders from the details, in each language', () => {
    expect(describeError('TOO_MANY_ATTEMPTS', 'fr', { minutes: 12 })).toBe(
      'Trop de tentatives de connexion. Réessayez dans 12 min.',
    );
    expect(describeError('TOO_MANY_ATTEMPTS', 'en', { minutes: 3 })).toBe(
      'Too many log-in attempts. Try again in 3 min.',
    );
    expect(describeError('PAYLOAD_TOO_LARGE', 'en', { limit: '1 Mo' })).toBe(
      'The request is too large (at most 1 Mo).',
    );
  });

  it('leaves a placeholder visible when its detail is missing, and ignores extra details', () => {
    expect(describeError('TOO_MANY_ATTEMPTS', 'en')).toBe(
      'Too many log-in attempts. Try again in {minutes} min.',
    );
    expect(describeError('NOT_FOUND', 'fr', { minutes: 1, other: 'x' })).toBe('Introuvable.');
  });

  it('does not treat $ patterns in details as replacement syntax', () => {
    expect(describeError('PAYLOAD_TOO_LARGE', 'en', { limit: "$& $' $1" })).toBe(
      "The request is too large (at most $& $' $1).",
    );
  });
});

describe('errorCatalog', () => {
  it('has a message in every language, with the same placeholders, and an error status for every code', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(isErrorCode(code)).toBe(true);
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.status, code).toBeLessThan(600);
      for (const l of locales) expect(entry[l].trim().length, `${code} ${l}`).toBeGreaterThan(0);
      expect(placeholders(entry.fr), code).toEqual(placeholders(entry.en));
    }
  });

  it('knows nothing of codes it does not list, nor of inherited properties', () => {
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('__proto__')).toBe(false);
  });
});

describe('fieldMessages', () => {
  it('has a message in every language for every key', () => {
    for (const [key, entry] of Object.entries(fieldMessages))
      for (const l of locales) expect(entry[l].trim().length, `${key} ${l}`).toBeGreaterThan(0);
  });
});
