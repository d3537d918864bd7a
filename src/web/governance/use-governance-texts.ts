import { useTranslation } from 'react-i18next';
import './governance-i18n.ts';
import { daysBetween } from '../../core/members/calendar-date.ts';
import { currentLocale } from '../app/i18n.ts';
import { formatDay, formatEuros, localToday } from '../members/format-day.ts';
import type { MajorityRule } from './governance-api.ts';

/** The translation function of the governance screens (keys under "gov."), and their formatters. */
export function useGovernanceTexts() {
  const { t } = useTranslation();
  const g = (key: string, options?: Record<string, unknown>) => t(`gov.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  const percent = (bp: number | null | undefined) =>
    bp === null || bp === undefined
      ? '—'
      : new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(bp / 10_000);
  /** "More than half of the votes cast", "At least 2/3 of the votes cast"… */
  const majority = (m: MajorityRule | null | undefined, lower = false) => {
    if (!m) return '—';
    const share =
      m.fraction.num === 1 && m.fraction.den === 2
        ? g('majority.half')
        : `${m.fraction.num}/${m.fraction.den}`;
    const text = g(m.strict ? 'majority.moreThan' : 'majority.atLeast', {
      share,
      base: g(`majority.base.${m.base}`),
    });
    return lower ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  };
  /** "aujourd'hui", "demain", "dans 20 jours", "il y a 153 jours": a calendar date against today. */
  const relativeDay = (date: string) =>
    new Intl.RelativeTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', { numeric: 'auto' }).format(
      daysBetween(localToday(), date),
      'day',
    );
  return { t, g, day: formatDay, euros, percent, majority, relativeDay };
}
