/**
 * French social security number (NIR): 13 characters then a 2-digit key, the key being 97 minus the
 * number modulo 97. Corsican départements 2A and 2B count as 19 and 18 in the computation. Spaces are
 * ignored. (Source: INSEE, "numéro d'inscription au répertoire".)
 */
export function isValidNir(value: string): boolean {
  const nir = normalizeNir(value);
  const m = /^([12378])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{6})(\d{2})$/.exec(nir);
  if (!m) return false;
  const dept = m[4] === '2A' ? '19' : m[4] === '2B' ? '18' : m[4]!;
  const number = BigInt(`${m[1]}${m[2]}${m[3]}${dept}${m[5]}`);
  return 97n - (number % 97n) === BigInt(m[6]!);
}

/** The NIR without spaces or dots, upper-cased (2a → 2A). */
export function normalizeNir(value: string): string {
  return value.replace(/[\s.]/g, '').toUpperCase();
}
