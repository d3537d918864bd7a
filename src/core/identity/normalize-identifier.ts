/** Removes spaces, dots and dashes people type into SIREN, IBAN or VAT numbers, and upper-cases them. */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}
