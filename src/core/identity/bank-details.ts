import { isValidBIC, isValidIBAN } from 'ibantools';
import { normalizeIdentifier } from './normalize-identifier.ts';

/** IBAN: country length and mod-97 checksum (ISO 13616), via ibantools. */
export function isValidIban(value: string): boolean {
  return isValidIBAN(normalizeIdentifier(value));
}

/** BIC: ISO 9362 shape with a known country. */
export function isValidBic(value: string): boolean {
  return isValidBIC(normalizeIdentifier(value));
}

/** An IBAN grouped by four characters, the way banks print it. */
export function formatIban(value: string): string {
  return normalizeIdentifier(value).replace(/(.{4})(?=.)/g, '$1 ');
}
