import { formatQuantity, parseQuantity } from './decimal-quantity.ts';

/**
 * French formatting for printed documents (Intl fr-FR). The narrow no-break space Intl puts between
 * thousands becomes an ordinary no-break space, which every font has.
 */
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 4 });

const tidy = (s: string) => s.replace(/\u202f/g, '\u00a0');

/** 123456 → "1 234,56 €" */
export function formatEuros(cents: number): string {
  // Two decimals from integer cents, without going through a float division's rounding.
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.trunc(abs / 100);
  const text = tidy(euros.format(whole)).replace(/,00/, `,${String(abs % 100).padStart(2, '0')}`);
  return negative ? `-${text}` : text;
}

/** "2025-03-12" → "12/03/2025" */
export function formatDateFr(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "1234.5" → "1 234,5" */
export function formatQuantityFr(quantity: string): string {
  const scaled = parseQuantity(quantity);
  if (scaled === null) return quantity;
  const normal = formatQuantity(scaled);
  const [whole, fraction] = normal.replace('-', '').split('.');
  const grouped = tidy(decimal.format(BigInt(whole!)));
  return `${normal.startsWith('-') ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** "123456789" → "123 456 789" */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})/, '$1 $2 $3');
}
