import { knownVatRatesBp } from '../../core/sales/french-vat-rates.ts';
import { vatExemptions } from '../../core/sales/vat-exemptions.ts';
import { useSalesTexts } from './use-sales-texts.ts';

/** The VAT choices of a line: the French rates, then the exemptions with their legal reason. */
export function useVatOptions() {
  const { s, locale } = useSalesTexts();
  return [
    {
      group: s('editor.vatRates'),
      items: knownVatRatesBp.map((bp) => ({
        value: String(bp),
        label: `${(bp / 100).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR')} %`,
      })),
    },
    {
      group: s('editor.exemptions'),
      items: Object.keys(vatExemptions).map((k) => ({ value: `exempt:${k}`, label: s(`exemption.${k}`) })),
    },
  ];
}
