import { describe, expect, it } from 'vitest';
import { extractLinks } from './extract-links.ts';

describe('extractLinks', () => {
  it('finds each distinct link of a plain-text mail, in order, without trailing punctuation', () => {
    const text =
      'Bonjour,\n\nSuivez ce lien : https://mutua.example/invitation/abc_DEF-123.\n\nhttps://mutua.example/invitation/abc_DEF-123\nOu http://localhost:3000/reset-password/xyz, merci.';
    expect(extractLinks(text)).toEqual([
      'https://mutua.example/invitation/abc_DEF-123',
      'http://localhost:3000/reset-password/xyz',
    ]);
  });

  it('finds nothing in a mail without links', () => {
    expect(extractLinks('Bonjour, rien à suivre ici. mailto:a@b.fr')).toEqual([]);
  });
});
