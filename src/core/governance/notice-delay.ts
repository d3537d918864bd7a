import { AppError } from '../errors/app-error.ts';
import { addDays, type CalendarDate, daysBetween } from '../members/calendar-date.ts';
import type { AssemblyCall } from './assembly-rules.ts';
import { legalNoticeDays } from './assembly-rules.ts';

/**
 * Days of notice required before a meeting: 15 on first call and 10 on later calls (R225-69, [39]), or the
 * statutes' longer delay; statutes can lengthen, never shorten it.
 */
export function noticeDelayDays(call: AssemblyCall, statutory: Record<AssemblyCall, number>): number {
  return Math.max(legalNoticeDays[call], statutory[call]);
}

/** The last day the notice can be sent for a meeting held on `meetingOn` (counted from sending). */
export function latestNoticeDate(
  meetingOn: CalendarDate,
  call: AssemblyCall,
  statutory: Record<AssemblyCall, number>,
): CalendarDate {
  return addDays(meetingOn, -noticeDelayDays(call, statutory));
}

/**
 * Refuses a notice sent too late: the days from sending to the meeting must be at least the delay. A notice
 * sent on 1 March convenes a first-call meeting on 16 March at the earliest.
 */
export function checkNoticeDelay(input: {
  sentOn: CalendarDate;
  meetingOn: CalendarDate;
  call: AssemblyCall;
  statutory: Record<AssemblyCall, number>;
}): void {
  const required = noticeDelayDays(input.call, input.statutory);
  const given = daysBetween(input.sentOn, input.meetingOn);
  if (given < required) {
    throw new AppError('NOTICE_TOO_LATE', {
      required,
      given,
      latestOn: latestNoticeDate(input.meetingOn, input.call, input.statutory),
    });
  }
}
