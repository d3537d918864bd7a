import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSiren, isValidSiret, passesLuhn } from './is-valid-siren.ts';

/** The Luhn check digit of a digit string, computed independently of the code under test. */
function luhnCheckDigit(prefix: string): string {
  let sum = 0;
  [...prefix].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  });
  return String((10 - (sum % 10)) % 10);
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const validSiren = digits(8).map((p) => p + luhnCheckDigit(p));
/** A valid SIRET outside La Poste, whose establishments follow another rule. */
const validSiret = fc
  .tuple(validSiren, digits(4))
  .filter(([siren]) => siren !== '356000000')
  .map(([siren, nic]) => siren + nic + luhnCheckDigit(siren + nic));

/** Every number that differs from `value` in exactly one digit. */
function oneDigitChanges(value: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++)
    for (let d = 0; d <= 9; d++)
      if (String(d) !== value[i]) out.push(value.slice(0, i) + d + value.slice(i + 1));
  return out;
}

describe('isValidSiren', () => {
  it('accepts real SIREN numbers', () => {
    // TotalEnergies SE, Danone, the SIREN of the SIRET 73282932000074, La Poste.
    for (const siren of ['542051180', '552032534', '732829320', '356000000'])
      expect(isValidSiren(siren)).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and non-digits', () => {
    expect(isValidSiren('542051181')).toBe(false);
    expect(isValidSiren('54205118')).toBe(false);
    expect(isValidSiren('5420511800')).toBe(false);
    expect(isValidSiren('54205118A')).toBe(false);
    expect(isValidSiren('542 051 180')).toBe(false);
    expect(isValidSiren('')).toBe(false);
  });

  it('accepts every number built with the Luhn check digit', () => {
    fc.assert(fc.property(validSiren, (siren) => isValidSiren(siren)));
  });

  it('refuses any number that differs from a valid SIREN in one digit', () => {
    fc.assert(
      fc.property(validSiren, (siren) => oneDigitChanges(siren).every((changed) => !isValidSiren(changed))),
    );
  });
});

describe('isValidSiret', () => {
  it('accepts real SIRET numbers', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
    expect(isValidSiret('33243395200022')).toBe(true);
  });

  it("accepts La Poste's head office, which passes Luhn but not the sum-of-digits rule", () => {
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('accepts a La Poste establishment whose digits add up to a multiple of 5, without Luhn', () => {
    expect(passesLuhn('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  it('refuses a wrong check digit and a wrong length', () => {
    expect(isValidSiret('73282932000079')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
    expect(isValidSiret('732829320000740')).toBe(false);
  });

  it('refuses a number that passes Luhn as a whole when its first nine digits are not a valid SIREN', () => {
    // 123456789 fails Luhn; complete it into 14 digits that pass Luhn as a whole.
    const prefix = '1234567890000';
    const siret = prefix + luhnCheckDigit(prefix);
    expect(passesLuhn(siret)).toBe(true);
    expect(isValidSiret(siret)).toBe(false);
  });

  it('refuses any number that differs from a valid SIRET in one digit', () => {
    fc.assert(
      fc.property(validSiret, (siret) => {
        expect(isValidSiret(siret)).toBe(true);
        return oneDigitChanges(siret).every((changed) => !isValidSiret(changed));
      }),
    );
  });
});
