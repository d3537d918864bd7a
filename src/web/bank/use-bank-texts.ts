import { useTranslation } from 'react-i18next';
import './bank-i18n.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros } from '../members/format-day.ts';

/** The translation function of the bank screens (keys under "bank."), and their formatters. */
export function useBankTexts() {
  const { t } = useTranslation();
  const b = (key: string, options?: Record<string, unknown>) => t(`bank.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  return { t, b, euros, day: formatDay };
}
