import { describe, expect, it } from 'vitest';
import {
  creditorReference,
  creditorReferenceBody,
  findCreditorReferences,
  formatCreditorReference,
  readCreditorReference,
} from './creditor-reference.ts';

describe('ISO 11649 creditor reference', () => {
  it('computes the check digits of the standard’s published examples', () => {
    // ISO 11649 and the EPC's examples: RF18 5390 0754 7034, RF71 2348 231.
    expect(creditorReference('539007547034')).toBe('RF18539007547034');
    expect(creditorReference('2348231')).toBe('RF712348231');
    expect(creditorReference('000000000539007547034')).toBe('RF18000000000539007547034');
  });

  it('reads valid references, printed or electronic, and refuses wrong check digits', () => {
    expect(readCreditorReference('RF18539007547034')).toBe('539007547034');
    expect(readCreditorReference('RF18 5390 0754 7034')).toBe('539007547034');
    expect(readCreditorReference('rf712348231')).toBe('2348231');
    expect(readCreditorReference('RF19539007547034')).toBeNull();
    expect(readCreditorReference('RF18539007547043')).toBeNull();
    expect(readCreditorReference('RF00F202600042')).toBeNull();
    // More than 25 characters is not a reference.
    expect(readCreditorReference(`RF18${'1'.repeat(22)}`)).toBeNull();
  });

  it('derives a valid reference of at most 25 characters from any invoice number', () => {
    expect(creditorReference('F2026-00042')).toBe('RF93F202600042');
    expect(creditorReferenceBody('f2026/00042')).toBe('F202600042');
    const long = creditorReference('ATELIER-BOIS-NORD/F2026-03-000042')!;
    expect(long.length).toBe(25);
    expect(long.endsWith('F202603000042')).toBe(true);
    expect(readCreditorReference(long)).toBe(long.slice(4));
    for (const number of ['F2026-00001', 'AV2026-00017', 'BOIS-2026-12-0003', 'X'])
      expect(readCreditorReference(creditorReference(number)!)).toBe(creditorReferenceBody(number));
    expect(creditorReference('--')).toBeNull();
  });

  it('prints in groups of four', () => {
    expect(formatCreditorReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(formatCreditorReference('RF712348231')).toBe('RF71 2348 231');
  });

  it('finds references typed in a free remittance, with or without spaces', () => {
    expect(findCreditorReferences('Facture RF18 5390 0754 7034 merci')).toContain('539007547034');
    expect(findCreditorReferences('VIR SEPA rf712348231 ACME')).toContain('2348231');
    expect(findCreditorReferences('REF F2026-00042 RF19539007547034')).toEqual([]);
  });
});
