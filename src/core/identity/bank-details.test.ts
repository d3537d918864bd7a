import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIban, isValidBic, isValidIban } from './bank-details.ts';

const realIbans = [
  'FR76 3000 6000 0112 3456 7890 189',
  'FR14 2004 1010 0505 0001 3M02 606',
  'DE89 3704 0044 0532 0130 00',
  'GB82 WEST 1234 5698 7654 32',
];

describe('isValidIban', () => {
  it('accepts well-known IBANs, grouped by four or not, in any case', () => {
    for (const iban of realIbans) {
      expect(isValidIban(iban)).toBe(true);
      expect(isValidIban(iban.replace(/ /g, ''))).toBe(true);
      expect(isValidIban(iban.toLowerCase())).toBe(true);
    }
  });

  it('refuses a wrong checksum, a wrong length for the country and garbage', () => {
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(isValidIban('FR77 3000 6000 0112 3456 7890 189')).toBe(false);
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 18')).toBe(false);
    expect(isValidIban('XX76 3000 6000 0112 3456 7890 189')).toBe(false);
    expect(isValidIban('')).toBe(false);
    expect(isValidIban('not an iban')).toBe(false);
  });

  it('refuses any IBAN that differs from a valid one in one digit (mod 97)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...realIbans.map((i) => i.replace(/ /g, ''))), fc.nat(), (iban, seed) => {
        const positions = [...iban].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
        const pos = positions[seed % positions.length]!;
        for (const d of '0123456789') {
          if (d === iban[pos]) continue;
          if (isValidIban(iban.slice(0, pos) + d + iban.slice(pos + 1))) return false;
        }
        return true;
      }),
    );
  });

  it('prints an IBAN in groups of four', () => {
    expect(formatIban('fr7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});

describe('isValidBic', () => {
  it('accepts 8- and 11-character BICs of known countries', () => {
    for (const bic of ['AGRIFRPP', 'BNPAFRPPXXX', 'DEUTDEFF', 'agri frpp'])
      expect(isValidBic(bic)).toBe(true);
  });

  it('refuses a wrong length and an unknown country', () => {
    for (const bic of ['AGRIFR', 'AGRIFRPPX', 'AGRIXXPP', '', '1234FRPP'])
      expect(isValidBic(bic)).toBe(false);
  });
});
