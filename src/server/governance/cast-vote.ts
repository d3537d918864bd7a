import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { LegalForm } from '../../core/cooperative/legal-forms.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { remoteExcludedFor } from '../../core/governance/check-resolution-majority.ts';
import { CastVoteRequest, PostalVoteRequest } from '../../core/governance/governance-schemas.ts';
import type { VoteChoice } from '../../core/governance/tally-resolution.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import {
  assemblies,
  assemblyAttendance,
  assemblyVoters,
  associates,
  ballotParticipations,
  openBallots,
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
  },
) {
  const inserted = await tx
    .insert(ballotParticipations)
    .values({
      resolutionId: b.resolutionId,
      associateId: b.associateId,
      castBy: b.castBy,
      postal: b.postal,
      castAt: b.now,
    })
    .onConflictDoNothing()
    .returning({ id: ballotParticipations.associateId });
  if (inserted.length === 0) throw new AppError('VOTE_ALREADY_CAST');
  if (b.secret) {
    const one = (c: VoteChoice) => (b.choice === c ? 1 : 0);
    await tx.execute(sql`
      INSERT INTO secret_tallies AS t (resolution_id, college, yes, no, abstain, blank)
      VALUES (${b.resolutionId}, ${b.college}, ${one('yes')}, ${one('no')}, ${one('abstain')}, ${one('blank')})
      ON CONFLICT (resolution_id, college) DO UPDATE SET
        yes = t.yes + EXCLUDED.yes, no = t.no + EXCLUDED.no,
        abstain = t.abstain + EXCLUDED.abstain, blank = t.blank + EXCLUDED.blank`);
  } else {
    await tx.insert(openBallots).values({
      resolutionId: b.resolutionId,
      associateId: b.associateId,
      college: b.college,
      choice: b.choice,
    });
  }
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
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(resolutions).where(eq(resolutions.id, resolutionId)).for('share');
    if (!r) throw new AppError('NOT_FOUND');
    if (r.status !== 'open') throw new AppError(r.status === 'closed' ? 'VOTE_CLOSED' : 'VOTE_NOT_OPEN');
    const [a] = await tx
      .select({ rules: assemblies.rules, status: assemblies.status })
      .from(assemblies)
      .where(eq(assemblies.id, r.assemblyId));
    if (a!.status !== 'inSession') throw new AppError('VOTE_NOT_OPEN');
    const rules = a!.rules!;
    const voter = await voterOf(tx, actor, r.assemblyId);
    const targetId = data.onBehalfOf ?? voter.id;
    const attendance = await tx
      .select()
      .from(assemblyAttendance)
      .where(
        and(
          eq(assemblyAttendance.assemblyId, r.assemblyId),
          inArray(assemblyAttendance.associateId, [voter.id, targetId]),
        ),
      );
    let mine = attendance.find((e) => e.associateId === voter.id);
    if (!mine) {
      if (!rules.remoteAttendance) throw new AppError('ATTENDANCE_REQUIRED');
      await tx
        .insert(assemblyAttendance)
        .values({
          assemblyId: r.assemblyId,
          associateId: voter.id,
          mode: 'remote',
          recordedBy: actor.userId,
          recordedAt: now,
        })
        .onConflictDoNothing();
      mine = {
        assemblyId: r.assemblyId,
        associateId: voter.id,
        mode: 'remote',
        proxyHolderId: null,
        recordedBy: actor.userId,
        recordedAt: now,
      };
    }
    if (mine.mode !== 'present' && mine.mode !== 'remote')
      throw new AppError('VOTER_NOT_ATTENDING', { mode: mine.mode });
    if (mine.mode === 'remote' && !rules.remoteAttendance)
      throw new AppError('REMOTE_ATTENDANCE_NOT_ALLOWED');
    if (mine.mode === 'remote' && remoteExcludedFor(rules.legalForm as LegalForm, r.approvesAccounts))
      throw new AppError('REMOTE_EXCLUDED_FOR_ACCOUNTS');
    let college = voter.college;
    if (targetId !== voter.id) {
      const principal = attendance.find((e) => e.associateId === targetId);
      if (principal?.mode !== 'represented' || principal.proxyHolderId !== voter.id)
        throw new AppError('PROXY_NOT_HELD');
      const [p] = await tx
        .select({ college: assemblyVoters.college })
        .from(assemblyVoters)
        .where(and(eq(assemblyVoters.assemblyId, r.assemblyId), eq(assemblyVoters.associateId, targetId)));
      college = p!.college;
    }
    await writeBallot(tx, {
      resolutionId,
      associateId: targetId,
      castBy: voter.id,
      college,
      choice: data.choice,
      secret: r.secret,
      postal: false,
      now,
    });
    await recordAudit(tx, actor, {
      action: 'governance.vote.cast',
      objectType: 'resolution',
      objectId: resolutionId,
      // A secret ballot's audit record says who took part, never how they voted.
      changes: r.secret
        ? { associateId: targetId, castBy: voter.id }
        : { associateId: targetId, castBy: voter.id, choice: data.choice },
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
