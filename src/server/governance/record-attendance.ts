import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { checkProxy } from '../../core/governance/check-proxy.ts';
import { AttendanceRequest } from '../../core/governance/governance-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { assemblyAttendanceEntries } from './assembly-attendance.ts';
import { assemblies, assemblyAttendance, assemblyVoters, associates } from './governance-tables.ts';

type Attendance = ReturnType<typeof AttendanceRequest.parse>;

/**
 * Records how one associate takes part (cae-domain.md §3.2): present, remote (only if the statutes allow
 * it), postal vote (if allowed), represented by another associate of this assembly (within the proxy cap,
 * never a chain), or a proxy with no holder named. The assembly row is locked so that two proxies given at
 * once cannot both pass the cap. Once an associate has voted, or someone voted for them, their attendance
 * no longer changes: the votes already cast must stay consistent with who took part.
 */
async function writeAttendance(tx: Db, actor: Actor, assemblyId: string, data: Attendance, now: Date) {
  const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
  if (!a) throw new AppError('NOT_FOUND');
  if (a.status !== 'convened' && a.status !== 'inSession') throw new AppError('ASSEMBLY_NOT_CONVENED');
  const rules = a.rules!;
  if (data.mode === 'remote' && !rules.remoteAttendance) throw new AppError('REMOTE_ATTENDANCE_NOT_ALLOWED');
  if (data.mode === 'postal' && !rules.postalVoting) throw new AppError('POSTAL_VOTING_NOT_ALLOWED');
  const voters = await tx
    .select({ id: assemblyVoters.associateId })
    .from(assemblyVoters)
    .innerJoin(associates, eq(associates.id, assemblyVoters.associateId))
    .where(and(eq(assemblyVoters.assemblyId, assemblyId), isNull(associates.exitedOn)));
  const voterIds = new Set(voters.map((v) => v.id));
  if (!voterIds.has(data.associateId))
    throw new AppError('VOTER_NOT_ASSOCIATE', { associateId: data.associateId });
  const entries = (await assemblyAttendanceEntries(tx, assemblyId)).filter(
    (e) => e.associateId !== data.associateId,
  );
  if (data.mode === 'represented')
    checkProxy({
      principalId: data.associateId,
      holderId: data.proxyHolderId!,
      associateIds: voterIds,
      entries,
      cap: rules.proxyCap,
    });
  // Someone who holds proxies must keep taking part in person or remotely.
  if (
    data.mode !== 'present' &&
    data.mode !== 'remote' &&
    entries.some((e) => e.proxyHolderId === data.associateId)
  )
    throw new AppError('PROXY_HOLDER_ABSENT', { associateId: data.associateId });
  const [voted] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM ballot_participations p JOIN resolutions r ON r.id = p.resolution_id
        WHERE r.assembly_id = ${assemblyId} AND (p.associate_id = ${data.associateId} OR p.cast_by = ${data.associateId})`,
  );
  if (Number(voted!.n) > 0) throw new AppError('ATTENDANCE_LOCKED_BY_BALLOT');
  const values = {
    assemblyId,
    associateId: data.associateId,
    mode: data.mode,
    proxyHolderId: data.proxyHolderId,
    recordedBy: actor.userId,
    recordedAt: now,
  };
  await tx
    .insert(assemblyAttendance)
    .values(values)
    .onConflictDoUpdate({
      target: [assemblyAttendance.assemblyId, assemblyAttendance.associateId],
      set: {
        mode: values.mode,
        proxyHolderId: values.proxyHolderId,
        recordedBy: values.recordedBy,
        recordedAt: now,
      },
    });
  await recordAudit(tx, actor, {
    action: 'governance.assembly.attendance',
    objectType: 'assembly',
    objectId: assemblyId,
    changes: { associateId: data.associateId, mode: data.mode, proxyHolderId: data.proxyHolderId },
  });
  return values;
}

/** The chair or the secretariat records attendance (the attendance sheet). */
export async function recordAttendance(ctx: AppContext, actor: Actor, assemblyId: string, input: Attendance) {
  const data = AttendanceRequest.parse(input);
  return ctx.db.transaction((tx) => writeAttendance(tx, actor, assemblyId, data, ctx.now()));
}

/** The associate they are, for the person acting (an associate in the register today), or VOTER_NOT_ASSOCIATE. */
export async function ownAssociateId(db: Db, actor: Actor): Promise<string> {
  if (!actor.userId) throw new AppError('VOTER_NOT_ASSOCIATE');
  const [row] = await db
    .select({ id: associates.id })
    .from(associates)
    .where(and(eq(associates.userId, actor.userId), isNull(associates.exitedOn)));
  if (!row) throw new AppError('VOTER_NOT_ASSOCIATE');
  return row.id;
}

/** An associate gives their proxy to another associate (or takes it back by saying they will come). */
export async function giveProxy(
  ctx: AppContext,
  actor: Actor,
  assemblyId: string,
  holderAssociateId: string,
) {
  return ctx.db.transaction(async (tx) => {
    const me = await ownAssociateId(tx, actor);
    return writeAttendance(
      tx,
      actor,
      assemblyId,
      { associateId: me, mode: 'represented', proxyHolderId: holderAssociateId },
      ctx.now(),
    );
  });
}
