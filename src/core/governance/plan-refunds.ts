import { AppError } from '../errors/app-error.ts';
import { fiscalYearContaining } from '../ledger/fiscal-year-rules.ts';
import { addMonths, type CalendarDate } from '../members/calendar-date.ts';
import { capitalFloor } from './share-capital.ts';

/**
 * When a departed associate's shares are valued and by when they must be refunded (cae-domain.md §3.3,
 * model statutes [33]): the amount is fixed at the close of the fiscal year in which they left, and paid
 * within `refundYears` (5 at most) of their departure unless the assembly decides earlier.
 */
export function refundTerms(
  exitOn: CalendarDate,
  fiscalYearEnd: string,
  refundYears: number,
): { fixedOn: CalendarDate; dueBy: CalendarDate } {
  return {
    fixedOn: fiscalYearContaining(exitOn, fiscalYearEnd).endDate,
    dueBy: addMonths(exitOn, 12 * refundYears),
  };
}

/**
 * The refund of `nominalCents` of shares: their nominal value minus their share of the losses the close
 * left on the capital (losses not covered by the reserves), pro rata of the capital at the close. The
 * share of losses is rounded up to the cent, so that rounding never pays out what the capital lost; never
 * below zero.
 */
export function computeRefundAmount(input: {
  nominalCents: bigint;
  capitalAtCloseCents: bigint;
  uncoveredLossesCents: bigint;
}): bigint {
  const { nominalCents, capitalAtCloseCents, uncoveredLossesCents } = input;
  if (nominalCents < 0n || uncoveredLossesCents < 0n || capitalAtCloseCents < nominalCents)
    throw new RangeError('inconsistent capital figures');
  if (uncoveredLossesCents === 0n || nominalCents === 0n) return nominalCents;
  const product = uncoveredLossesCents * nominalCents;
  const lossShare = (product + capitalAtCloseCents - 1n) / capitalAtCloseCents;
  return lossShare >= nominalCents ? 0n : nominalCents - lossShare;
}

export type PendingRefund = {
  id: string;
  exitOn: CalendarDate;
  /** What the capital loses when it is paid: the nominal value of the shares. */
  capitalCents: bigint;
  /** What is paid out; null until the close of the year of departure fixes it. */
  amountCents: bigint | null;
  dueBy: CalendarDate;
};

export type RefundWaitReason = 'amountNotFixed' | 'capitalFloor' | 'earlierRefundWaiting';

export type PlannedRefund = {
  id: string;
  exitOn: CalendarDate;
  amountCents: bigint | null;
  payable: boolean;
  reason: RefundWaitReason | null;
  /** The capital once this refund (and the payable ones before it) are paid: down by their nominal value. */
  capitalAfterCents: bigint | null;
  floorCents: bigint;
  overdue: boolean;
};

/**
 * The refunds still to pay, in the order of departure (earliest first, then by id), each either payable
 * now or waiting with its reason: its amount is not fixed yet, it would take the capital below half of the
 * highest capital reached (it waits for new subscriptions, [33]), or an earlier departure is still waiting.
 * The capital falls by the shares' nominal value, whatever the amount paid (the share of losses it bears
 * was already lost).
 */
export function planRefunds(input: {
  capitalCents: bigint;
  highestCapitalCents: bigint;
  refunds: readonly PendingRefund[];
  today: CalendarDate;
}): PlannedRefund[] {
  const floorCents = capitalFloor(input.highestCapitalCents);
  const ordered = [...input.refunds].sort((a, b) =>
    a.exitOn === b.exitOn ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.exitOn < b.exitOn ? -1 : 1,
  );
  let capital = input.capitalCents;
  let blocked = false;
  return ordered.map((r) => {
    const base = {
      id: r.id,
      exitOn: r.exitOn,
      amountCents: r.amountCents,
      floorCents,
      overdue: input.today > r.dueBy,
    };
    if (blocked) return { ...base, payable: false, reason: 'earlierRefundWaiting', capitalAfterCents: null };
    if (r.amountCents === null) {
      blocked = true;
      return { ...base, payable: false, reason: 'amountNotFixed', capitalAfterCents: null };
    }
    const after = capital - r.capitalCents;
    if (after < floorCents) {
      blocked = true;
      return { ...base, payable: false, reason: 'capitalFloor', capitalAfterCents: after };
    }
    capital = after;
    return { ...base, payable: true, reason: null, capitalAfterCents: after };
  });
}

/** Refuses paying a refund out of order, before its amount is fixed, or below the capital floor. */
export function checkRefundPayment(plan: readonly PlannedRefund[], refundId: string): PlannedRefund {
  const index = plan.findIndex((p) => p.id === refundId);
  const item = plan[index];
  if (!item) throw new AppError('NOT_FOUND');
  if (item.reason === 'amountNotFixed') throw new AppError('REFUND_NOT_FIXED');
  if (item.reason === 'capitalFloor')
    throw new AppError('REFUND_CAPITAL_FLOOR', {
      floor: String(item.floorCents),
      after: String(item.capitalAfterCents),
    });
  if (index > 0 || item.reason === 'earlierRefundWaiting') throw new AppError('REFUND_OUT_OF_ORDER');
  return item;
}
