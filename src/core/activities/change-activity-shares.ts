import { AppError } from '../errors/app-error.ts';
import { addDays, type CalendarDate } from '../members/calendar-date.ts';

/** One member's share of an activity over a period (`to` included; null while it lasts). */
export type ShareRow = { memberId: string; shareBp: number; from: CalendarDate; to: CalendarDate | null };

export const fullShareBp = 10_000;

/** The rows in force on a date. */
export function sharesOn<T extends ShareRow>(rows: readonly T[], date: CalendarDate): T[] {
  return rows.filter((r) => r.from <= date && (r.to === null || date <= r.to));
}

/**
 * The first date on which the shares of an activity do not add up to 100 % (or a member appears twice),
 * or null when they always do. Dates with no member at all are fine (before the first split).
 */
export function findShareGap(rows: readonly ShareRow[]): { date: CalendarDate; totalBp: number } | null {
  const changes = new Set<CalendarDate>();
  for (const r of rows) {
    changes.add(r.from);
    if (r.to !== null) changes.add(addDays(r.to, 1));
  }
  for (const date of [...changes].sort()) {
    const live = sharesOn(rows, date);
    if (live.length === 0) continue;
    const total = live.reduce((sum, r) => sum + r.shareBp, 0);
    const members = new Set(live.map((r) => r.memberId));
    if (total !== fullShareBp || members.size !== live.length) return { date, totalBp: total };
  }
  return null;
}

/**
 * A new split of an activity from `from`: the rows in force end the day before, the new ones start that
 * day. A split dated on the latest change replaces it; an earlier date is refused (history is kept).
 * Throws when the new shares do not add up to 100 % or name a member twice.
 */
export function changeActivityShares(
  rows: readonly ShareRow[],
  from: CalendarDate,
  shares: readonly { memberId: string; shareBp: number }[],
): ShareRow[] {
  const latest = rows.reduce<CalendarDate | null>((m, r) => (m === null || r.from > m ? r.from : m), null);
  if (latest !== null && from < latest) throw new AppError('ACTIVITY_SHARES_DATE', { earliest: latest });
  const total = shares.reduce((sum, s) => sum + s.shareBp, 0);
  if (total !== fullShareBp || new Set(shares.map((s) => s.memberId)).size !== shares.length)
    throw new AppError('ACTIVITY_SHARES_INVALID', { date: from, percent: formatPercent(total) });
  const kept = rows
    .filter((r) => r.from !== from)
    .map((r) => (r.to === null || r.to >= from ? { ...r, to: addDays(from, -1) } : r));
  const next = [
    ...kept,
    ...shares.map((s) => ({ memberId: s.memberId, shareBp: s.shareBp, from, to: null })),
  ];
  const gap = findShareGap(next);
  if (gap)
    throw new AppError('ACTIVITY_SHARES_INVALID', { date: gap.date, percent: formatPercent(gap.totalBp) });
  return next;
}

/** 3333 → "33,33" (French decimal comma, as the messages show it). */
export function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const cents = Math.abs(bp % 100);
  return cents === 0 ? String(whole) : `${whole},${String(cents).padStart(2, '0')}`;
}

/** Splits 100 % between n members as evenly as basis points allow (the first ones get the remainder). */
export function equalSharesBp(n: number): number[] {
  const base = Math.floor(fullShareBp / n);
  return Array.from({ length: n }, (_, i) => base + (i < fullShareBp - base * n ? 1 : 0));
}
