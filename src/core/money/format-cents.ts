const groupSeparator = '\u202f'; // narrow no-break space, as Intl's fr-FR
const currencySpace = '\u00a0';

/**
 * Integer cents as French money, exact for any size: formatCents(123456n) → "1 234,56 €" (with the
 * no-break spaces of Intl's fr-FR). `{ currency: false }` leaves out the euro sign.
 */
export function formatCents(cents: bigint | number, options: { currency?: boolean } = {}): string {
  const value = typeof cents === 'bigint' ? cents : BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = (abs / 100n).toString();
  const rest = (abs % 100n).toString().padStart(2, '0');
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  const number = `${negative ? '-' : ''}${grouped},${rest}`;
  return options.currency === false ? number : `${number}${currencySpace}€`;
}
