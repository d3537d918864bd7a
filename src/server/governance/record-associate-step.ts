import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import { assertValidJourney } from '../../core/members/validate-journey.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { toJourneyEntry, toJourneyRow } from '../members/journey-rows.ts';
import { journeyEntries, members } from '../members/members-tables.ts';
import { writeJourneyCaches } from '../members/write-journey-caches.ts';

/**
 * Completes the "associate" step of a member's journey when they enter the register, in the caller's
 * transaction: the stage becomes associate and the 3-year deadline (C. trav. L7331-3) is met, which clears
 * its alert. The journey rules still apply (an associate date comes after a CESA has started). A step
 * already recorded by support staff is kept as it is.
 */
export async function recordAssociateStep(tx: Db, actor: Actor, memberId: string, on: string, note: string) {
  const [member] = await tx
    .select({ id: members.id })
    .from(members)
    .where(eq(members.id, memberId))
    .for('update');
  if (!member) throw new AppError('NOT_FOUND');
  const before = (await tx.select().from(journeyEntries).where(eq(journeyEntries.memberId, memberId))).map(
    toJourneyEntry,
  );
  const existing = before.find((e) => e.kind === 'associate');
  if (existing) return existing;
  const entry: JourneyEntry = { kind: 'associate', on, note, id: randomUUID(), number: null };
  const after = [...before, entry];
  assertValidJourney(after);
  await tx.insert(journeyEntries).values(toJourneyRow(memberId, entry, actor.userId));
  await writeJourneyCaches(tx, memberId, after);
  await recordAudit(tx, actor, {
    action: 'member.journey.insert',
    objectType: 'member',
    objectId: memberId,
    changes: { entry, by: 'governance.associate.admit' },
  });
  return entry;
}
