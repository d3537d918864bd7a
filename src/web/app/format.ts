import { currentLocale } from './i18n.ts';

const tag = () => (currentLocale() === 'en' ? 'en-GB' : 'fr-FR');

/** 31/12/2026 (day first in both languages, as French users expect). */
export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(tag(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** 31/12/2026 14:05 */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(tag(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "dans 12 jours", "il y a 3 heures". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(tag(), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** 1 234,56 € — money is integer cents everywhere. */
export function formatMoney(cents: number | bigint): string {
  return new Intl.NumberFormat(tag(), { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(tag()).format(n);
}
