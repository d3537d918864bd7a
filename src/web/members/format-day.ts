/** '2026-03-02' → '02/03/2026': a calendar date shown as it is, never moved by the browser's time zone. */
export function formatDay(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** 150000 cents → "1 500,00 €". */
export function formatEuros(cents: number | null | undefined, locale: 'fr' | 'en' = 'fr'): string {
  if (cents === null || cents === undefined) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

/** Today's date in the browser's calendar, 'YYYY-MM-DD'. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
