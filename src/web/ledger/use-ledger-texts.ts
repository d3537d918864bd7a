import { useTranslation } from 'react-i18next';
import './ledger-i18n.ts';
import { currentLocale, i18n } from '../app/i18n.ts';
import { formatDay, formatEuros } from '../members/format-day.ts';

/** The translation function of the ledger screens (keys under "ldg."), and their formatters. */
export function useLedgerTexts() {
  const { t } = useTranslation();
  const l = (key: string, options?: Record<string, unknown>) => t(`ldg.${key}`, options ?? {});
  const euros = (cents: number | null | undefined) => formatEuros(cents, currentLocale());
  /** What caused an entry, in words ("Facture", "Paie"…). */
  const source = (type: string) =>
    i18n.exists(`ldg.sources.${type}`) ? l(`sources.${type}`) : l('sources.other', { type });
  return { t, l, day: formatDay, euros, source };
}
