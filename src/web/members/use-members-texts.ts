import { useTranslation } from 'react-i18next';
import './members-i18n.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros } from './format-day.ts';

/** The translation function of the members screens (keys under "mbr."), and their formatters. */
export function useMembersTexts() {
  const { t } = useTranslation();
  const m = (key: string, options?: Record<string, unknown>) => t(`mbr.${key}`, options ?? {});
  const days = (n: number) =>
    n === 0 ? m('days.today') : n > 0 ? m('days.in', { count: n }) : m('days.late', { count: -n });
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  return { t, m, days, day: formatDay, euros };
}
