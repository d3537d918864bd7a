import { and, eq } from 'drizzle-orm';
import type { AttendanceEntry } from '../../core/governance/count-participants.ts';
import type { Db } from '../db/open-database.ts';
import { assemblyAttendance, assemblyVoters } from './governance-tables.ts';

/** The attendance of an assembly as the core counts it, with each associate's college. */
export async function assemblyAttendanceEntries(db: Db, assemblyId: string): Promise<AttendanceEntry[]> {
  return db
    .select({
      associateId: assemblyAttendance.associateId,
      mode: assemblyAttendance.mode,
      proxyHolderId: assemblyAttendance.proxyHolderId,
      college: assemblyVoters.college,
    })
    .from(assemblyAttendance)
    .innerJoin(
      assemblyVoters,
      and(
        eq(assemblyVoters.assemblyId, assemblyAttendance.assemblyId),
        eq(assemblyVoters.associateId, assemblyAttendance.associateId),
      ),
    )
    .where(eq(assemblyAttendance.assemblyId, assemblyId));
}
