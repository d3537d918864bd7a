import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { countParticipants } from '../../core/governance/count-participants.ts';
import { smallestReaching } from '../../core/governance/fraction.ts';
import type { ResolutionTally } from '../../core/governance/tally-resolution.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { assemblyAttendanceEntries } from './assembly-attendance.ts';
import {
  assemblies,
  assemblyDocuments,
  assemblyMinutes,
  assemblyVoters,
  associates,
  ballotParticipations,
  resolutions,
} from './governance-tables.ts';

type Assembly = typeof assemblies.$inferSelect;

const summary = (a: Assembly) => ({
  id: a.id,
  title: a.title,
  type: a.type,
  call: a.call,
  firstCallId: a.firstCallId,
  meetingOn: a.meetingOn,
  startsAt: a.startsAt,
  place: a.place,
  onlineUrl: a.onlineUrl,
  status: a.status,
  noticeSentOn: a.noticeSentOn,
  openedAt: a.openedAt?.toISOString() ?? null,
  closedAt: a.closedAt?.toISOString() ?? null,
});

/** Assemblies, latest first; drafts only for those who prepare them. */
export async function listAssemblies(db: Db, options: { includeDrafts: boolean }) {
  const rows = await db
    .select()
    .from(assemblies)
    .where(options.includeDrafts ? undefined : ne(assemblies.status, 'draft'))
    .orderBy(desc(assemblies.meetingOn), desc(assemblies.createdAt));
  return rows.map(summary);
}

/**
 * One assembly as the chair follows it live: who takes part (per mode), the quorum for its type and call,
 * each resolution with the number of ballots cast so far — and its result only once its vote is closed.
 * The attendance sheet is for those who run the assembly.
 */
export async function readAssembly(db: Db, assemblyId: string, options: { manager: boolean }) {
  const [a] = await db.select().from(assemblies).where(eq(assemblies.id, assemblyId));
  if (!a || (a.status === 'draft' && !options.manager)) throw new AppError('NOT_FOUND');
  const agenda = await db
    .select()
    .from(resolutions)
    .where(eq(resolutions.assemblyId, assemblyId))
    .orderBy(asc(resolutions.position));
  const ballots = await queryRows<{ resolution_id: string; n: number }>(
    db,
    sql`SELECT resolution_id, count(*)::int AS n FROM ballot_participations
        WHERE resolution_id IN (SELECT id FROM resolutions WHERE assembly_id = ${assemblyId}) GROUP BY resolution_id`,
  );
  const ballotCount = new Map(ballots.map((b) => [b.resolution_id, Number(b.n)]));
  const documents = await db
    .select({ name: assemblyDocuments.name, sha256: assemblyDocuments.sha256 })
    .from(assemblyDocuments)
    .where(eq(assemblyDocuments.assemblyId, assemblyId));
  const [minutes] = await db.select().from(assemblyMinutes).where(eq(assemblyMinutes.assemblyId, assemblyId));
  const voters = await db
    .select({
      id: associates.id,
      number: associates.number,
      name: associates.name,
      college: assemblyVoters.college,
      notifiedBy: assemblyVoters.notifiedBy,
    })
    .from(assemblyVoters)
    .innerJoin(associates, eq(associates.id, assemblyVoters.associateId))
    .where(eq(assemblyVoters.assemblyId, assemblyId))
    .orderBy(asc(associates.number));
  const entries = await assemblyAttendanceEntries(db, assemblyId);
  const rules = a.rules;
  const participation = rules
    ? countParticipants(entries, {
        remoteAttendance: rules.remoteAttendance,
        postalVoting: rules.postalVoting,
      })
    : null;
  const needed = rules ? smallestReaching(voters.length, rules.quorum.fraction) : null;
  const byId = new Map(entries.map((e) => [e.associateId, e]));
  return {
    ...summary(a),
    rules,
    documents,
    minutesSha256: minutes?.sha256 ?? null,
    voters: voters.length,
    participation,
    quorum:
      participation && needed !== null
        ? {
            needed,
            participants: participation.total,
            eligible: voters.length,
            reached: participation.total >= needed,
          }
        : null,
    resolutions: agenda.map((r) => ({
      id: r.id,
      position: r.position,
      title: r.title,
      body: r.body,
      majority: r.majority,
      backedByBoard: r.backedByBoard,
      approvesAccounts: r.approvesAccounts,
      secret: r.secret,
      status: r.status,
      ballots: ballotCount.get(r.id) ?? 0,
      // Results stay hidden until the vote is closed.
      result: r.status === 'closed' ? (r.result as unknown as ResolutionTally) : null,
    })),
    attendanceSheet: options.manager
      ? voters.map((v) => ({
          associateId: v.id,
          number: v.number,
          name: v.name,
          college: v.college,
          notifiedBy: v.notifiedBy,
          mode: byId.get(v.id)?.mode ?? null,
          proxyHolderId: byId.get(v.id)?.proxyHolderId ?? null,
        }))
      : null,
  };
}

/**
 * What one associate may do at an assembly (the phone voting page): how they take part, whom they
 * represent, and for each resolution whether their ballot and each represented associate's ballot is in.
 */
export async function readMyBallot(db: Db, associateId: string, assemblyId: string) {
  const [voter] = await db
    .select()
    .from(assemblyVoters)
    .where(and(eq(assemblyVoters.assemblyId, assemblyId), eq(assemblyVoters.associateId, associateId)));
  if (!voter) throw new AppError('VOTER_NOT_ASSOCIATE');
  const entries = await assemblyAttendanceEntries(db, assemblyId);
  const mine = entries.find((e) => e.associateId === associateId);
  const represented = entries
    .filter((e) => e.mode === 'represented' && e.proxyHolderId === associateId)
    .map((e) => e.associateId);
  const people = represented.length
    ? await db
        .select({ id: associates.id, name: associates.name })
        .from(associates)
        .where(inArray(associates.id, represented))
    : [];
  const agenda = await db
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(eq(resolutions.assemblyId, assemblyId));
  const cast = agenda.length
    ? await db
        .select({
          resolutionId: ballotParticipations.resolutionId,
          associateId: ballotParticipations.associateId,
        })
        .from(ballotParticipations)
        .where(
          and(
            inArray(
              ballotParticipations.resolutionId,
              agenda.map((r) => r.id),
            ),
            inArray(ballotParticipations.associateId, [associateId, ...represented]),
          ),
        )
    : [];
  return {
    associateId,
    mode: mine?.mode ?? null,
    proxyHolderId: mine?.proxyHolderId ?? null,
    represented: people,
    cast: cast.map((c) => ({ resolutionId: c.resolutionId, associateId: c.associateId })),
  };
}

/**
 * The associates convened to an assembly, for an associate choosing whom to give their proxy to (a proxy
 * goes only to another associate of the same assembly, L225-106 / cae-domain.md §3.2): numbers and names,
 * nothing else. Only those convened may read it.
 */
export async function listAssemblyVoters(db: Db, assemblyId: string, associateId: string) {
  const voters = await db
    .select({ id: associates.id, number: associates.number, name: associates.name })
    .from(assemblyVoters)
    .innerJoin(associates, eq(associates.id, assemblyVoters.associateId))
    .where(eq(assemblyVoters.assemblyId, assemblyId))
    .orderBy(asc(associates.number));
  if (!voters.some((v) => v.id === associateId)) throw new AppError('VOTER_NOT_ASSOCIATE');
  return voters;
}
