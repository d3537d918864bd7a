import { describe, expect, it } from 'vitest';
import { describeIssues } from '../validation/describe-issue.ts';
import { CooperativeIdentity, type CooperativeIdentityInput } from './cooperative-identity.ts';

/** The demo cooperative's identity, as typed in src/server/demo/seed-demo.ts (core may not import server). */
const demo: CooperativeIdentityInput = {
  legalName: 'Coopérative Mutua Démo',
  legalForm: 'SCOP_SA',
  variableCapital: true,
  siren: '912345675',
  rcsCity: 'Paris',
  vatNumber: 'FR65912345675',
  address: { line1: '12 rue de la Coopération', postalCode: '75011', city: 'Paris' },
  email: 'contact@demo.mutua.coop',
  phone: '01 23 45 67 89',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP',
  fiscalYearEnd: '12-31',
};

function issues(input: unknown) {
  const result = CooperativeIdentity.safeParse(input);
  if (result.success) return null;
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('CooperativeIdentity', () => {
  it('accepts the demo identity and normalizes what people type', () => {
    const parsed = CooperativeIdentity.parse({
      ...demo,
      siren: '912 345 675',
      vatNumber: 'fr 65 912-345-675',
      bic: 'agri frpp',
      email: ' Contact@Demo.Mutua.Coop ',
    });
    expect(parsed.siren).toBe('912345675');
    expect(parsed.vatNumber).toBe('FR65912345675');
    expect(parsed.iban).toBe('FR7630006000011234567890189');
    expect(parsed.bic).toBe('AGRIFRPP');
    expect(parsed.email).toBe('contact@demo.mutua.coop');
    expect(parsed.address).toEqual({
      line1: '12 rue de la Coopération',
      line2: '',
      postalCode: '75011',
      city: 'Paris',
      country: 'FR',
    });
  });

  it('refuses a SIREN with a wrong check digit, once, without also blaming the VAT number', () => {
    expect(issues({ ...demo, siren: '912345676' })).toEqual([{ path: 'siren', message: 'siren.invalid' }]);
  });

  it('refuses a VAT number with a wrong key', () => {
    expect(issues({ ...demo, vatNumber: 'FR66912345675' })).toEqual([
      { path: 'vatNumber', message: 'vatNumber.invalid' },
    ]);
  });

  it('refuses a valid VAT number that belongs to another SIREN', () => {
    expect(issues({ ...demo, vatNumber: 'FR59542051180' })).toEqual([
      { path: 'vatNumber', message: 'vatNumber.sirenMismatch' },
    ]);
  });

  it('refuses an IBAN with a wrong checksum and an unknown BIC', () => {
    expect(issues({ ...demo, iban: 'FR76 3000 6000 0112 3456 7890 188', bic: 'AGRIXXPP' })).toEqual([
      { path: 'iban', message: 'iban.invalid' },
      { path: 'bic', message: 'bic.invalid' },
    ]);
  });

  it('refuses fiscal-year ends that are not a day of the year', () => {
    for (const end of ['02-30', '02-29', '04-31', '13-01', '00-10', '12-00', '12-31-', '1231', '31/12', '']) {
      expect(issues({ ...demo, fiscalYearEnd: end }), end).toEqual([
        { path: 'fiscalYearEnd', message: 'fiscalYearEnd.invalid' },
      ]);
    }
    for (const end of ['01-31', '02-28', '06-30', '09-30', '12-31'])
      expect(issues({ ...demo, fiscalYearEnd: end }), end).toBeNull();
  });

  it('refuses unknown fields, at the top and in the address', () => {
    expect(issues({ ...demo, capitalCents: 100 })?.[0]?.path).toBe('');
    expect(issues({ ...demo, capitalCents: 100 })?.[0]?.message).toMatch(/capitalCents/);
    expect(issues({ ...demo, address: { ...demo.address, region: 'IDF' } })?.[0]?.path).toBe('address');
  });

  it('refuses an unknown legal form, a bad postal code and a missing name', () => {
    const found = issues({
      ...demo,
      legalForm: 'SNC',
      legalName: '',
      address: { ...demo.address, postalCode: '7501' },
    });
    expect(found?.map((i) => i.path).sort()).toEqual(['address.postalCode', 'legalForm', 'legalName']);
  });

  it('translates its own rules and zod checks into French and English', () => {
    const result = CooperativeIdentity.safeParse({ ...demo, siren: '912345676', legalName: '' });
    expect(result.success).toBe(false);
    const fr = describeIssues(result.error!, 'fr');
    const en = describeIssues(result.error!, 'en');
    expect(fr).toContainEqual({
      path: 'siren',
      message: 'Numéro SIREN invalide (9 chiffres, clé de contrôle incorrecte).',
    });
    expect(en).toContainEqual({
      path: 'siren',
      message: 'Invalid SIREN number (9 digits, wrong check digit).',
    });
    const frName = fr.find((e) => e.path === 'legalName')!.message;
    const enName = en.find((e) => e.path === 'legalName')!.message;
    expect(frName).not.toBe(enName);
    expect(enName).toMatch(/too small|at least/i);
  });
});
