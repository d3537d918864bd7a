import { and, eq, isNull, sql } from 'drizzle-orm';
import type { LegalForm } from '../../core/cooperative/legal-forms.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { remoteExcludedFor } from '../../core/governance/check-resolution-majority.ts';
import type { AttendanceMode } from '../../core/governance/count-participants.ts';
import { CastVoteRequest, PostalVoteRequest } from '../../core/governance/governance-schemas.ts';
import type { VoteChoice } from '../../core/governance/tally-resolution.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import {
  type AssemblyRulesSnapshot,
  assemblies,
  assemblyAttendance,
  assemblyVoters,
  associates,
  resolutions,
} from './governance-tables.ts';

/**
 * Writes one ballot: the participation row first — its primary key (resolution, associate) refuses a second
 * ballot, even from two simultaneous requests (the second waits for the first to commit, then finds the
 * row: VOTE_ALREADY_CAST) — then the choice.
 *
 * An open ballot stores the choice beside the voter. A secret ballot stores none: it adds one to its
 * college's counters, rewriting the whole counter row whatever the choice, so no column, row order or live
 * row version links a voter to a choice (the live row's transaction id names only the last voter, not
 * what they chose). Residual risk: until VACUUM removes them, superseded counter versions stay in the
 * table's pages, and a superuser with page-inspection tools could compare consecutive versions with the
 * transaction ids of participation rows. Nothing an application role or a plain SQL query can read does.
 */
async function writeBallot(
  tx: Db,
  b: {
    resolutionId: string;
    associateId: string;
    castBy: string;
    college: string;
    choice: VoteChoice;
    secret: boolean;
    postal: boolean;
    now: Date;
    /** Record the voter as taking part remotely, in the same statement (their first vote). */
    remoteAttendance?: { assemblyId: string; recordedBy: string | null };
  },
) {
  const one = (c: VoteChoice) => (b.choice === c ? 1 : 0);
  const att = b.remoteAttendance;
  // One statement, one round trip: the attendance (first vote only), the participation, then the ballot
  // only if the participation went in.
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`WITH att AS (
          INSERT INTO assembly_attendance (assembly_id, associate_id, mode, recorded_by, recorded_at)
          SELECT ${att?.assemblyId ?? null}::uuid, ${b.castBy}::uuid, 'remote', ${att?.recordedBy ?? null}::uuid, ${b.now}
          WHERE ${att !== undefined}
          ON CONFLICT DO NOTHING
        ), p AS (
          INSERT INTO ballot_participations (resolution_id, associate_id, cast_by, postal, cast_at)
          VALUES (${b.resolutionId}, ${b.associateId}, ${b.castBy}, ${b.postal}, ${b.now})
          ON CONFLICT DO NOTHING
          RETURNING resolution_id
        ), named AS (
          INSERT INTO open_ballots (resolution_id, associate_id, college, choice)
          SELECT resolution_id, ${b.associateId}, ${b.college}, ${b.choice} FROM p WHERE NOT ${b.secret}
        ), secret AS (
          INSERT INTO secret_tallies AS t (resolution_id, college, yes, no, abstain, blank)
          SELECT resolution_id, ${b.college}, ${one('yes')}, ${one('no')}, ${one('abstain')}, ${one('blank')}
          FROM p WHERE ${b.secret}
          ON CONFLICT (resolution_id, college) DO UPDATE SET
            yes = t.yes + EXCLUDED.yes, no = t.no + EXCLUDED.no,
            abstain = t.abstain + EXCLUDED.abstain, blank = t.blank + EXCLUDED.blank
        )
        SELECT count(*)::int AS n FROM p`,
  );
  if (Number(row!.n) === 0) throw new AppError('VOTE_ALREADY_CAST');
}

/** The voter's associate record for this assembly: in the register today and convened to it. */
async function voterOf(tx: Db, actor: Actor, assemblyId: string) {
  if (!actor.userId) throw new AppError('VOTER_NOT_ASSOCIATE');
  const [voter] = await tx
    .select({ id: associates.id, college: assemblyVoters.college })
    .from(associates)
    .innerJoin(
      assemblyVoters,
      and(eq(assemblyVoters.associateId, associates.id), eq(assemblyVoters.assemblyId, assemblyId)),
    )
    .where(and(eq(associates.userId, actor.userId), isNull(associates.exitedOn)));
  if (!voter) throw new AppError('VOTER_NOT_ASSOCIATE');
  return voter;
}

/**
 * Casts a vote on the open resolution (cae-domain.md §3.2): one associate, one vote, plus one for each
 * associate they represent (`onBehalfOf`). The voter takes part in person or remotely; an associate who has
 * no attendance yet is recorded as taking part remotely when the statutes allow it. A postal voter or an
 * associate who gave a proxy does not vote in session. In a SARL, remote participants do not vote on the
 * annual accounts. The resolution's share lock makes the close wait for ballots in flight.
 */
export async function castVote(ctx: AppContext, actor: Actor, resolutionId: string, input: CastVoteRequest) {
  const data = CastVoteRequest.parse(input);
  const now = ctx.now();
  if (!actor.userId) throw new AppError('VOTER_NOT_ASSOCIATE');
  return ctx.db.transaction(async (tx) => {
    // Everything the checks need in one round trip: the resolution (share-locked), its assembly, the voter
    // (in the register and convened), their attendance, and the represented associate's.
    const [c] = await queryRows<{
      status: 'pending' | 'open' | 'closed';
      secret: boolean;
      approves_accounts: boolean;
      assembly_id: string;
      assembly_status: string;
      rules: AssemblyRulesSnapshot;
      voter_id: string | null;
      voter_college: string | null;
      my_mode: AttendanceMode | null;
      target_mode: AttendanceMode | null;
      target_holder: string | null;
      target_college: string | null;
    }>(
      tx,
      sql`SELECT r.status, r.secret, r.approves_accounts, r.assembly_id, a.status AS assembly_status, a.rules,
                 v.associate_id AS voter_id, v.college AS voter_college, me.mode AS my_mode,
                 tg.mode AS target_mode, tg.proxy_holder_id AS target_holder, tv.college AS target_college
          FROM resolutions r
          JOIN assemblies a ON a.id = r.assembly_id
          LEFT JOIN LATERAL (
            SELECT av.associate_id, av.college FROM associates s
            JOIN assembly_voters av ON av.associate_id = s.id AND av.assembly_id = r.assembly_id
            WHERE s.user_id = ${actor.userId} AND s.exited_on IS NULL LIMIT 1
          ) v ON true
          LEFT JOIN assembly_attendance me ON me.assembly_id = r.assembly_id AND me.associate_id = v.associate_id
          LEFT JOIN assembly_attendance tg
            ON tg.assembly_id = r.assembly_id AND tg.associate_id = ${data.onBehalfOf}::uuid
          LEFT JOIN assembly_voters tv ON tv.assembly_id = r.assembly_id AND tv.associate_id = ${data.onBehalfOf}::uuid
          WHERE r.id = ${resolutionId}
          FOR SHARE OF r`,
    );
    if (!c) throw new AppError('NOT_FOUND');
    if (c.status !== 'open') throw new AppError(c.status === 'closed' ? 'VOTE_CLOSED' : 'VOTE_NOT_OPEN');
    if (c.assembly_status !== 'inSession') throw new AppError('VOTE_NOT_OPEN');
    if (!c.voter_id) throw new AppError('VOTER_NOT_ASSOCIATE');
    const rules = c.rules;
    const voterId = c.voter_id;
    let mode = c.my_mode;
    if (!mode) {
      if (!rules.remoteAttendance) throw new AppError('ATTENDANCE_REQUIRED');
      mode = 'remote';
    }
    if (mode !== 'present' && mode !== 'remote') throw new AppError('VOTER_NOT_ATTENDING', { mode });
    if (mode === 'remote' && !rules.remoteAttendance) throw new AppError('REMOTE_ATTENDANCE_NOT_ALLOWED');
    if (mode === 'remote' && remoteExcludedFor(rules.legalForm as LegalForm, c.approves_accounts))
      throw new AppError('REMOTE_EXCLUDED_FOR_ACCOUNTS');
    const targetId = data.onBehalfOf ?? voterId;
    let college = c.voter_college ?? '';
    if (targetId !== voterId) {
      if (c.target_mode !== 'represented' || c.target_holder !== voterId)
        throw new AppError('PROXY_NOT_HELD');
      college = c.target_college ?? '';
    }
    // The audit record first: a secret ballot's counter row stays locked from its update to the commit,
    // so the update comes last (a failed ballot rolls the record back with it).
    await recordAudit(tx, actor, {
      action: 'governance.vote.cast',
      objectType: 'resolution',
      objectId: resolutionId,
      // A secret ballot's audit record says who took part, never how they voted.
      changes: c.secret
        ? { associateId: targetId, castBy: voterId }
        : { associateId: targetId, castBy: voterId, choice: data.choice },
    });
    await writeBallot(tx, {
      resolutionId,
      associateId: targetId,
      castBy: voterId,
      college,
      choice: data.choice,
      secret: c.secret,
      postal: false,
      now,
      ...(c.my_mode ? {} : { remoteAttendance: { assemblyId: c.assembly_id, recordedBy: actor.userId } }),
    });
    return { resolutionId, associateId: targetId, castAt: now.toISOString() };
  });
}

/**
 * A postal voting form (L225-107), sent before the meeting while the assembly is convened: the associate is
 * recorded as voting by post and their choices count when each vote is closed. Resolutions left out of the
 * form are abstentions (not votes cast). A form can be sent once.
 */
export async function castPostalVotes(ctx: AppContext, actor: Actor, assemblyId: string, input: unknown) {
  const data = PostalVoteRequest.parse(input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    if (a.status !== 'convened') throw new AppError('POSTAL_VOTE_TOO_LATE');
    if (!a.rules!.postalVoting) throw new AppError('POSTAL_VOTING_NOT_ALLOWED');
    const voter = await voterOf(tx, actor, assemblyId);
    const [existing] = await tx
      .select()
      .from(assemblyAttendance)
      .where(
        and(eq(assemblyAttendance.assemblyId, assemblyId), eq(assemblyAttendance.associateId, voter.id)),
      );
    if (existing?.mode === 'postal') throw new AppError('VOTE_ALREADY_CAST');
    const [holding] = await queryRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM assembly_attendance WHERE assembly_id = ${assemblyId} AND proxy_holder_id = ${voter.id}`,
    );
    if (Number(holding!.n) > 0) throw new AppError('PROXY_HOLDER_ABSENT', { associateId: voter.id });
    const agenda = await tx.select().from(resolutions).where(eq(resolutions.assemblyId, assemblyId));
    const byId = new Map(agenda.map((r) => [r.id, r]));
    const seen = new Set<string>();
    for (const c of data.choices) {
      if (!byId.has(c.resolutionId) || seen.has(c.resolutionId))
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'choices', key: 'postal.resolution' }] });
      seen.add(c.resolutionId);
    }
    await tx
      .insert(assemblyAttendance)
      .values({
        assemblyId,
        associateId: voter.id,
        mode: 'postal',
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .onConflictDoUpdate({
        target: [assemblyAttendance.assemblyId, assemblyAttendance.associateId],
        set: { mode: 'postal', proxyHolderId: null, recordedBy: actor.userId, recordedAt: now },
      });
    for (const c of data.choices) {
      const r = byId.get(c.resolutionId)!;
      await writeBallot(tx, {
        resolutionId: r.id,
        associateId: voter.id,
        castBy: voter.id,
        college: voter.college,
        choice: c.choice,
        secret: r.secret,
        postal: true,
        now,
      });
    }
    await recordAudit(tx, actor, {
      action: 'governance.vote.postal',
      objectType: 'assembly',
      objectId: assemblyId,
      changes: { associateId: voter.id, resolutions: data.choices.length },
    });
    return { assemblyId, associateId: voter.id, ballots: data.choices.length };
  });
}
