import { useTranslation } from 'react-i18next';
import './payroll-i18n.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros } from '../members/format-day.ts';

/** The translation function of the payroll screens (keys under "pay."), and their formatters. */
export function usePayrollTexts() {
  const { t } = useTranslation();
  const p = (key: string, options?: Record<string, unknown>) => t(`pay.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  /** '2026-03' → 'mars 2026'. */
  const month = (m: string) =>
    new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));
  return { t, p, euros, day: formatDay, month };
}

/** Euros typed in a form → integer cents ('1 234,5' → 123450); null when it is not an amount. */
export function parseEurosToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [units, decimals = ''] = cleaned.replace('-', '').split('.');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return cleaned.startsWith('-') ? -cents : cents;
}
