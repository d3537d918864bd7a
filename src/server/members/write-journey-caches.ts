import { eq } from 'drizzle-orm';
import { computeJourneyDeadlines } from '../../core/members/compute-journey-deadlines.ts';
import { computeStageSchedule } from '../../core/members/derive-journey-stage.ts';
import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { memberDeadlines, memberStagePeriods } from './members-tables.ts';

/** Open ends of stored periods: PostgreSQL's infinite dates, so range checks need no NULL case. */
export const sinceAlways = '-infinity';
export const fromThenOn = 'infinity';

/** The derived rows of one member's journey: stage periods and deadlines (core/members computes both). */
export function journeyCacheRows(memberId: string, entries: readonly JourneyEntry[]) {
  return {
    periods: computeStageSchedule(entries).map((p) => ({
      memberId,
      stage: p.stage,
      fromOn: p.from ?? sinceAlways,
      toOn: p.to ?? fromThenOn,
    })),
    deadlines: computeJourneyDeadlines(entries).map((d) => ({
      memberId,
      kind: d.kind,
      contractId: d.contractId,
      dueOn: d.dueOn,
      relevantUntil: d.relevantUntil ?? fromThenOn,
      met: d.met,
      citation: d.citation,
      details: d.details,
    })),
  };
}

/** Rewrites a member's stage periods and deadlines after a journey change, in the caller's transaction. */
export async function writeJourneyCaches(tx: Db, memberId: string, entries: readonly JourneyEntry[]) {
  const { periods, deadlines } = journeyCacheRows(memberId, entries);
  await tx.delete(memberStagePeriods).where(eq(memberStagePeriods.memberId, memberId));
  await tx.delete(memberDeadlines).where(eq(memberDeadlines.memberId, memberId));
  await tx.insert(memberStagePeriods).values(periods);
  if (deadlines.length) await tx.insert(memberDeadlines).values(deadlines);
}
