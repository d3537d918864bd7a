import { useTranslation } from 'react-i18next';
import './sales-i18n.ts';
import type { AppError } from '../../core/errors/app-error.ts';
import { describeError } from '../../core/errors/error-catalog.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros } from '../members/format-day.ts';

/** The translation function of the sales screens (keys under "sal."), and their formatters. */
export function useSalesTexts() {
  const { t } = useTranslation();
  const s = (key: string, options?: Record<string, unknown>) => t(`sal.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  /** A rule of core broken in the browser (live totals), in the server's words. */
  const rule = (error: AppError) => describeError(error.code, currentLocale(), error.details);
  return { t, s, day: formatDay, euros, rule, locale: currentLocale() };
}
