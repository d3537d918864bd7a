import { useTranslation } from 'react-i18next';
import './contribution-i18n.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros } from '../members/format-day.ts';

/** The translation function of the contribution screens (keys under "ctb."), and their formatters. */
export function useContributionTexts() {
  const { t } = useTranslation();
  const c = (key: string, options?: Record<string, unknown>) => t(`ctb.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  const percent = (bp: number) =>
    new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }).format(
      bp / 100,
    ) + (currentLocale() === 'en' ? '%' : ' %');
  /** 'mars 2026' */
  const month = (m: string) =>
    new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));
  const shortMonth = (m: string) =>
    new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));
  /** '45 k€' on a chart's axis, where full amounts do not fit. */
  const axisEuros = (euros: number) =>
    new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
      notation: 'compact',
      maximumFractionDigits: 1,
    }).format(euros) + (currentLocale() === 'en' ? ' €' : ' €');
  return { t, c, day: formatDay, euros, percent, month, shortMonth, axisEuros };
}
