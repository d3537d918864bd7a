import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import type { Db } from '../db/open-database.ts';
import { toJourneyRow } from './journey-rows.ts';
import {
  journeyEntries,
  memberDeadlines,
  memberRestricted,
  memberStagePeriods,
  members,
} from './members-tables.ts';
import { journeyCacheRows } from './write-journey-caches.ts';

/** A member file ready to insert, with its id chosen and its journey (entry ids chosen too). */
export type PreparedMember = {
  values: typeof members.$inferInsert & { id: string };
  entries: JourneyEntry[];
};

/** Multi-row INSERTs of at most `size` rows (PostgreSQL takes at most 65 535 parameters per statement). */
export async function insertInChunks<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Writes many member files at once, with their journeys, stage periods and deadlines, in the caller's
 * transaction: the CSV import and the large generator. The journeys must already be valid.
 */
export async function bulkWriteMembers(tx: Db, batch: readonly PreparedMember[], createdBy: string | null) {
  await insertInChunks(
    batch.map((m) => m.values),
    1000,
    (chunk) => tx.insert(members).values(chunk),
  );
  await insertInChunks(
    batch.map((m) => ({ memberId: m.values.id })),
    5000,
    (chunk) => tx.insert(memberRestricted).values(chunk),
  );
  const rows = batch.flatMap((m) => m.entries.map((e) => toJourneyRow(m.values.id, e, createdBy)));
  // Contracts before the amendments and ends that point to them.
  const referring = rows.filter((r) => r.contractId !== null);
  const plain = rows.filter((r) => r.contractId === null);
  for (const part of [plain, referring])
    await insertInChunks(part, 2000, (chunk) => tx.insert(journeyEntries).values(chunk));
  const periods = [];
  const deadlines = [];
  for (const m of batch) {
    const derived = journeyCacheRows(m.values.id, m.entries);
    periods.push(...derived.periods);
    deadlines.push(...derived.deadlines);
  }
  await insertInChunks(periods, 5000, (chunk) => tx.insert(memberStagePeriods).values(chunk));
  await insertInChunks(deadlines, 3000, (chunk) => tx.insert(memberDeadlines).values(chunk));
}
