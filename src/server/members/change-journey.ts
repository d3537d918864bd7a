import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  isAmendment,
  type JourneyEntry,
  JourneyEntryInput,
  type JourneyEntryInput as JourneyEntryInputType,
} from '../../core/members/journey-schemas.ts';
import { assertValidJourney } from '../../core/members/validate-journey.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { toJourneyEntry, toJourneyRow } from './journey-rows.ts';
import { requireMember } from './member-access.ts';
import { journeyEntries } from './members-tables.ts';
import { writeJourneyCaches } from './write-journey-caches.ts';

type Change =
  | { type: 'insert'; entry: JourneyEntry }
  | { type: 'update'; entry: JourneyEntry }
  | { type: 'delete'; entryId: string };

/**
 * Every journey change goes here: lock the member file, apply the change to the whole timeline, refuse it
 * with the rule it breaks (src/core/members), then write it, the derived stage periods and deadlines, and
 * the audit record in one transaction.
 */
async function changeJourney(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  plan: (entries: JourneyEntry[]) => Change[],
) {
  return ctx.db.transaction(async (tx) => {
    await requireMember(tx, actor, memberId, 'manage', { lock: true });
    const before = (await tx.select().from(journeyEntries).where(eq(journeyEntries.memberId, memberId))).map(
      toJourneyEntry,
    );
    const changes = plan(before);
    let after = before;
    for (const change of changes) {
      if (change.type === 'insert') after = [...after, change.entry];
      else if (change.type === 'update')
        after = after.map((e) => (e.id === change.entry.id ? change.entry : e));
      else after = after.filter((e) => e.id !== change.entryId);
    }
    assertValidJourney(after);
    for (const change of changes) {
      await writeChange(tx, memberId, change, actor.userId);
      const entry = change.type === 'delete' ? before.find((e) => e.id === change.entryId)! : change.entry;
      await recordAudit(tx, actor, {
        action: `member.journey.${change.type}`,
        objectType: 'member',
        objectId: memberId,
        changes: { entry },
      });
    }
    await writeJourneyCaches(tx, memberId, after);
    const last = changes[changes.length - 1]!;
    const entry = last.type === 'delete' ? before.find((e) => e.id === last.entryId)! : last.entry;
    return { entry, entries: after };
  });
}

async function writeChange(tx: Db, memberId: string, change: Change, userId: string | null) {
  if (change.type === 'insert')
    await tx.insert(journeyEntries).values(toJourneyRow(memberId, change.entry, userId));
  else if (change.type === 'update') {
    const { id, createdBy: _, ...columns } = toJourneyRow(memberId, change.entry, userId);
    await tx.update(journeyEntries).set(columns).where(eq(journeyEntries.id, id!));
  } else await tx.delete(journeyEntries).where(eq(journeyEntries.id, change.entryId));
}

/** The next number of an amendment of a contract: numbers are given once and never reused. */
function nextNumber(entries: readonly JourneyEntry[], contractId: string): number {
  return (
    entries.reduce(
      (n, e) => (isAmendment(e) && e.contractId === contractId ? Math.max(n, e.number ?? 0) : n),
      0,
    ) + 1
  );
}

/** Records a new event or contract on a member's journey (support staff). */
export function recordJourneyEntry(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  input: JourneyEntryInputType,
) {
  const data = JourneyEntryInput.parse(input);
  return changeJourney(ctx, actor, memberId, (entries) => [
    {
      type: 'insert',
      entry: {
        ...data,
        id: randomUUID(),
        number: isAmendment(data) ? nextNumber(entries, data.contractId) : null,
      },
    },
  ]);
}

/**
 * Records several entries at once, in the order given, checked as a whole (a journey typed in from paper
 * files, the demo seed). Amendments and ends may refer to a contract of the same batch by its position:
 * `contractId: '#3'` is the entry at index 3.
 */
export function recordJourneyEntries(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  inputs: readonly JourneyEntryInputType[],
) {
  const data = inputs.map((i) => JourneyEntryInput.parse(i));
  return changeJourney(ctx, actor, memberId, (entries) => {
    const ids = data.map(() => randomUUID());
    const all = [...entries];
    return data.map((d, i) => {
      const resolved =
        'contractId' in d && d.contractId.startsWith('#')
          ? { ...d, contractId: ids[Number(d.contractId.slice(1))]! }
          : d;
      const entry: JourneyEntry = {
        ...resolved,
        id: ids[i]!,
        number: isAmendment(resolved) ? nextNumber(all, resolved.contractId) : null,
      };
      all.push(entry);
      return { type: 'insert' as const, entry };
    });
  });
}

/**
 * Corrects a recorded entry: same kind, same contract, same amendment number; new dates or amounts.
 * The corrected timeline must still follow every rule.
 */
export function correctJourneyEntry(
  ctx: AppContext,
  actor: Actor,
  memberId: string,
  entryId: string,
  input: JourneyEntryInputType,
) {
  const data = JourneyEntryInput.parse(input);
  return changeJourney(ctx, actor, memberId, (entries) => {
    const current = entries.find((e) => e.id === entryId);
    if (!current) throw new AppError('NOT_FOUND');
    const sameContract =
      !('contractId' in current) || ('contractId' in data && data.contractId === current.contractId);
    if (current.kind !== data.kind || !sameContract)
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'kind', key: 'journey.kindFixed' }] });
    return [{ type: 'update', entry: { ...data, id: entryId, number: current.number } }];
  });
}

/** Deletes an entry recorded by mistake; refused if the timeline would break a rule without it. */
export function deleteJourneyEntry(ctx: AppContext, actor: Actor, memberId: string, entryId: string) {
  return changeJourney(ctx, actor, memberId, (entries) => {
    if (!entries.some((e) => e.id === entryId)) throw new AppError('NOT_FOUND');
    return [{ type: 'delete', entryId }];
  });
}
