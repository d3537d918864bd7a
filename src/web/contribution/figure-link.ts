import { queryString } from '../app/api-client.ts';

/** Where a figure's lines are listed (the dashboard's every amount links there). */
export function figureLinesPath(
  activityId: string,
  figure: string,
  range: { from?: string | null; to?: string | null } = {},
): string {
  return `/activities/${activityId}/figures${queryString({ figure, from: range.from, to: range.to })}`;
}

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
