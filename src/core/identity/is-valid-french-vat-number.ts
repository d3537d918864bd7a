import { isValidSiren } from './is-valid-siren.ts';

/** The 2-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97 (CGI art. 286 ter). */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return key.toString().padStart(2, '0');
}

/** A French intra-EU VAT number: FR, the 2-digit key, then the SIREN. */
export function isValidFrenchVatNumber(value: string): boolean {
  const m = /^FR(\d{2})(\d{9})$/.exec(value);
  if (!m) return false;
  const [, key, siren] = m as unknown as [string, string, string];
  return isValidSiren(siren) && frenchVatKey(siren) === key;
}
