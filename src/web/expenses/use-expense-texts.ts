import { useTranslation } from 'react-i18next';
import './expenses-i18n.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros } from '../members/format-day.ts';

/** The translation function of the expense screens (keys under "exp."), and their formatters. */
export function useExpenseTexts() {
  const { t } = useTranslation();
  const x = (key: string, options?: Record<string, unknown>) => t(`exp.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  return { t, x, euros, day: formatDay, locale: currentLocale() };
}
