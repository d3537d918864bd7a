import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frenchVatKey, isValidFrenchVatNumber } from './is-valid-french-vat-number.ts';
import { isValidSiren } from './is-valid-siren.ts';

describe('frenchVatKey', () => {
  it('gives the key of real VAT numbers', () => {
    expect(frenchVatKey('542051180')).toBe('59'); // TotalEnergies SE, FR59542051180
    expect(frenchVatKey('303265045')).toBe('40');
    expect(frenchVatKey('334175221')).toBe('23');
    expect(frenchVatKey('732829320')).toBe('44');
  });

  it('pads one-digit keys with a zero', () => {
    // (12 + 3 × (130025265 mod 97)) mod 97 = 7
    expect(frenchVatKey('130025265')).toBe('07');
  });

  it('equals (SIREN × 100 + 12) mod 97, the formula of the tax administration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        const siren = String(n).padStart(9, '0');
        const expected = Number((BigInt(siren) * 100n + 12n) % 97n);
        return frenchVatKey(siren) === String(expected).padStart(2, '0');
      }),
    );
  });
});

describe('isValidFrenchVatNumber', () => {
  it('accepts real French VAT numbers', () => {
    for (const vat of ['FR59542051180', 'FR40303265045', 'FR23334175221', 'FR44732829320'])
      expect(isValidFrenchVatNumber(vat)).toBe(true);
  });

  it('refuses a wrong key, a SIREN with a wrong check digit, another country and bad shapes', () => {
    expect(isValidFrenchVatNumber('FR84323140391')).toBe(false);
    expect(isValidFrenchVatNumber('FR58542051180')).toBe(false);
    expect(isValidFrenchVatNumber('FR59542051181')).toBe(false);
    expect(isValidFrenchVatNumber('DE59542051180')).toBe(false);
    expect(isValidFrenchVatNumber('59542051180')).toBe(false);
    expect(isValidFrenchVatNumber('FR5954205118')).toBe(false);
    expect(isValidFrenchVatNumber('fr59542051180')).toBe(false); // the schema normalizes before checking
  });

  it('refuses any number that differs from a valid one in one digit', () => {
    const validSiren = fc
      .integer({ min: 0, max: 99_999_999 })
      .map((n) => String(n).padStart(8, '0'))
      .chain((p) => fc.constantFrom(...'0123456789'.split('').map((d) => p + d)))
      .filter(isValidSiren);
    fc.assert(
      fc.property(validSiren, (siren) => {
        const vat = `FR${frenchVatKey(siren)}${siren}`;
        expect(isValidFrenchVatNumber(vat)).toBe(true);
        for (let i = 2; i < vat.length; i++)
          for (const d of '0123456789')
            if (d !== vat[i] && isValidFrenchVatNumber(vat.slice(0, i) + d + vat.slice(i + 1))) return false;
        return true;
      }),
    );
  });
});
