import { z } from 'zod';
import { isValidBic, isValidIban } from '../identity/bank-details.ts';
import { isValidFrenchVatNumber } from '../identity/is-valid-french-vat-number.ts';
import { isValidSiren } from '../identity/is-valid-siren.ts';
import { normalizeIdentifier } from '../identity/normalize-identifier.ts';
import { Email } from '../people/people-schemas.ts';
import { LegalForm } from './legal-forms.ts';

const Identifier = z.string().transform(normalizeIdentifier);

export const PostalAddress = z.strictObject({
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).default(''),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: 'postalCode.invalid' }),
  city: z.string().trim().min(1).max(100),
  country: z.literal('FR').default('FR'),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

/** Day and month of the fiscal year's end, "MM-DD" (e.g. "12-31"). */
export const FiscalYearEnd = z.string().refine(
  (v) => {
    const m = /^(\d{2})-(\d{2})$/.exec(v);
    if (!m) return false;
    const month = Number(m[1]);
    const day = Number(m[2]);
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return days !== undefined && day >= 1 && day <= days;
  },
  { error: 'fiscalYearEnd.invalid' },
);

/**
 * Everything a legal invoice prints about the issuer (cae-domain.md §4.1): name, legal form and variable
 * capital, SIREN, RCS city, VAT number, head office, bank details.
 */
export const CooperativeIdentity = z
  .strictObject({
    legalName: z.string().trim().min(2).max(200),
    legalForm: LegalForm,
    variableCapital: z.boolean().default(true),
    siren: Identifier.refine(isValidSiren, { error: 'siren.invalid' }),
    rcsCity: z.string().trim().min(2).max(100),
    vatNumber: Identifier.refine(isValidFrenchVatNumber, { error: 'vatNumber.invalid' }),
    address: PostalAddress,
    email: Email,
    phone: z.string().trim().max(30).default(''),
    iban: Identifier.refine(isValidIban, { error: 'iban.invalid' }),
    bic: Identifier.refine(isValidBic, { error: 'bic.invalid' }),
    fiscalYearEnd: FiscalYearEnd,
  })
  // Only compared when both numbers are valid on their own: an invalid SIREN is reported once, on its field.
  .refine(
    (c) => !isValidSiren(c.siren) || !isValidFrenchVatNumber(c.vatNumber) || c.vatNumber.slice(4) === c.siren,
    { error: 'vatNumber.sirenMismatch', path: ['vatNumber'] },
  );
export type CooperativeIdentity = z.infer<typeof CooperativeIdentity>;
export type CooperativeIdentityInput = z.input<typeof CooperativeIdentity>;

export const CooperativeView = z.object({
  legalName: z.string(),
  legalForm: LegalForm,
  variableCapital: z.boolean(),
  siren: z.string(),
  rcsCity: z.string(),
  vatNumber: z.string(),
  address: z.object({
    line1: z.string(),
    line2: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string(),
  }),
  email: z.string(),
  phone: z.string(),
  iban: z.string(),
  bic: z.string(),
  fiscalYearEnd: z.string(),
  legalFormLabel: z.string(),
  logoUrl: z.string().nullable(),
  updatedAt: z.string(),
});
export type CooperativeView = z.infer<typeof CooperativeView>;
