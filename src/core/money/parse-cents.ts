/**
 * Reads an amount typed in euros ("1 234,56", "1234.5", "-12") as integer cents, or null when it is not an
 * amount with at most two decimals. Spaces (including no-break ones) may group thousands.
 */
export function parseCents(text: string): bigint | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const m = /^([+-]?)(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!m) return null;
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}
