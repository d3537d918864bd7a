import type { CalendarDate } from './calendar-date.ts';

/**
 * VAT rates of metropolitan France, dated (CGI art. 278 to 281 nonies; cae-domain.md §4.4). Rates in
 * basis points: 2000 = 20 %. The table starts on 1 January 2014, the last change of the standard and
 * intermediate rates (19.6 % → 20 %, 7 % → 10 %, loi 2012-1510 art. 68). Corsica and the overseas
 * departments have other rates and are not covered.
 */
export const frenchVatRates: readonly {
  rateBp: number;
  label: string;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
}[] = [
  { rateBp: 2000, label: 'taux normal', validFrom: '2014-01-01', validTo: null },
  { rateBp: 1000, label: 'taux intermédiaire', validFrom: '2014-01-01', validTo: null },
  { rateBp: 550, label: 'taux réduit', validFrom: '2014-01-01', validTo: null },
  { rateBp: 210, label: 'taux particulier', validFrom: '2014-01-01', validTo: null },
];

/** Every rate the table has ever held (for input validation before a date is known). */
export const knownVatRatesBp: readonly number[] = [...new Set(frenchVatRates.map((r) => r.rateBp))];

/** The rates in force on a date. */
export function vatRatesOn(date: CalendarDate): number[] {
  return frenchVatRates
    .filter((r) => r.validFrom <= date && (r.validTo === null || date <= r.validTo))
    .map((r) => r.rateBp);
}

export function isVatRateInForce(rateBp: number, date: CalendarDate): boolean {
  return vatRatesOn(date).includes(rateBp);
}
