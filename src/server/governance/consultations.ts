import { and, desc, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { consultationOutcome } from '../../core/governance/consultation-outcome.ts';
import {
  AnswerConsultationRequest,
  CloseConsultationRequest,
  ConsultationRequest,
} from '../../core/governance/governance-schemas.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import {
  associates,
  consultationAnswers,
  consultationParticipations,
  consultations,
  consultationTallies,
  consultationVoters,
} from './governance-tables.ts';
import { ownAssociateId } from './record-attendance.ts';

type Row = typeof consultations.$inferSelect;

async function lockConsultation(tx: Db, id: string): Promise<Row> {
  const [c] = await tx.select().from(consultations).where(eq(consultations.id, id)).for('update');
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/**
 * Prepares a consultation outside assemblies (Loomio-style): a proposal, its options, a closing instant,
 * a participation quorum, the share of votes the leading option needs, and whether answers are anonymous.
 */
export async function createConsultation(ctx: AppContext, actor: Actor, input: unknown) {
  const data = ConsultationRequest.parse(input);
  const closesAt = new Date(data.closesAt);
  if (closesAt <= ctx.now()) throw new AppError('CONSULTATION_CLOSES_IN_PAST');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultations)
      .values({
        title: data.title,
        proposal: data.proposal,
        options: data.options,
        closesAt,
        participationQuorumBp: data.participationQuorumBp,
        requiredShareBp: data.requiredShareBp,
        anonymous: data.anonymous,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'governance.consultation.create',
      objectType: 'consultation',
      objectId: row!.id,
      changes: { created: data },
    });
    return row!;
  });
}

/** Opens it to the associates in the register today, who are the ones entitled to answer. */
export async function openConsultation(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await lockConsultation(tx, id);
    assertGovernanceTransition('consultation', c.status, 'open');
    if (c.closesAt <= ctx.now()) throw new AppError('CONSULTATION_CLOSES_IN_PAST');
    const today = calendarDateOf(ctx.now());
    const voters = await tx
      .select({ id: associates.id })
      .from(associates)
      .where(and(isNull(associates.exitedOn), lte(associates.admittedOn, today)));
    if (voters.length === 0) throw new AppError('ASSEMBLY_NO_ASSOCIATES');
    await tx
      .insert(consultationVoters)
      .values(voters.map((v) => ({ consultationId: id, associateId: v.id })));
    if (c.anonymous)
      await tx
        .insert(consultationTallies)
        .values({ consultationId: id, votes: c.options.map(() => 0), abstentions: 0 });
    await tx
      .update(consultations)
      .set({ status: 'open', eligible: voters.length, openedAt: ctx.now() })
      .where(eq(consultations.id, id));
    await recordAudit(tx, actor, {
      action: 'governance.consultation.open',
      objectType: 'consultation',
      objectId: id,
      changes: { eligible: voters.length },
    });
  });
}

/**
 * An associate answers once (an option, or abstains) until the closing instant. Anonymous answers only
 * move counters — the whole counter row is rewritten whatever the answer — while who answered is recorded
 * apart; named answers keep the option beside the associate.
 */
export async function answerConsultation(ctx: AppContext, actor: Actor, id: string, input: unknown) {
  const { option } = AnswerConsultationRequest.parse(input);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(consultations).where(eq(consultations.id, id)).for('share');
    if (!c) throw new AppError('NOT_FOUND');
    if (c.status !== 'open' || c.closesAt <= now) throw new AppError('CONSULTATION_NOT_OPEN');
    if (option !== null && option >= c.options.length)
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'option', key: 'consultation.option' }] });
    const me = await ownAssociateId(tx, actor);
    const [voter] = await tx
      .select()
      .from(consultationVoters)
      .where(and(eq(consultationVoters.consultationId, id), eq(consultationVoters.associateId, me)));
    if (!voter) throw new AppError('VOTER_NOT_ASSOCIATE');
    const inserted = await tx
      .insert(consultationParticipations)
      .values({ consultationId: id, associateId: me, castAt: now })
      .onConflictDoNothing()
      .returning({ id: consultationParticipations.associateId });
    if (inserted.length === 0) throw new AppError('VOTE_ALREADY_CAST');
    if (c.anonymous) {
      const add = c.options.map((_, i) => (i === option ? 1 : 0));
      await tx.execute(sql`
        UPDATE consultation_tallies SET
          votes = (SELECT array_agg(v + a ORDER BY i) FROM unnest(votes, ${sql.raw(`ARRAY[${add.join(',')}]::int[]`)}) WITH ORDINALITY AS x(v, a, i)),
          abstentions = abstentions + ${option === null ? 1 : 0}
        WHERE consultation_id = ${id}`);
    } else {
      await tx.insert(consultationAnswers).values({ consultationId: id, associateId: me, option });
    }
    await recordAudit(tx, actor, {
      action: 'governance.consultation.answer',
      objectType: 'consultation',
      objectId: id,
      changes: c.anonymous ? { associateId: me } : { associateId: me, option },
    });
    return { consultationId: id, castAt: now.toISOString() };
  });
}

async function countAnswers(db: Db, c: Row) {
  if (c.anonymous) {
    const [t] = await db
      .select()
      .from(consultationTallies)
      .where(eq(consultationTallies.consultationId, c.id));
    return {
      votes: (t?.votes ?? c.options.map(() => 0)).map(Number),
      abstentions: Number(t?.abstentions ?? 0),
    };
  }
  const rows = await queryRows<{ option: number | null; n: number }>(
    db,
    sql`SELECT option, count(*)::int AS n FROM consultation_answers WHERE consultation_id = ${c.id} GROUP BY option`,
  );
  const votes = c.options.map(() => 0);
  let abstentions = 0;
  for (const r of rows) {
    if (r.option === null) abstentions += Number(r.n);
    else votes[Number(r.option)] = Number(r.n);
  }
  return { votes, abstentions };
}

/** Closes it once the closing instant has passed; the computed result and the written outcome are final. */
export async function closeConsultation(ctx: AppContext, actor: Actor, id: string, input: unknown) {
  const { outcome } = CloseConsultationRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const c = await lockConsultation(tx, id);
    assertGovernanceTransition('consultation', c.status, 'closed');
    if (ctx.now() < c.closesAt)
      throw new AppError('CONSULTATION_STILL_RUNNING', { closesAt: c.closesAt.toISOString() });
    const { votes, abstentions } = await countAnswers(tx, c);
    const result = consultationOutcome({
      rules: {
        options: c.options,
        participationQuorumBp: c.participationQuorumBp,
        requiredShareBp: c.requiredShareBp,
      },
      eligible: c.eligible!,
      votes,
      abstentions,
    });
    await tx
      .update(consultations)
      .set({
        status: 'closed',
        closedAt: ctx.now(),
        result: result as unknown as Record<string, unknown>,
        outcome,
      })
      .where(eq(consultations.id, id));
    await recordAudit(tx, actor, {
      action: 'governance.consultation.close',
      objectType: 'consultation',
      objectId: id,
      changes: { result, outcome },
    });
    return result;
  });
}

/** Cancels a consultation that is not closed. */
export async function cancelConsultation(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await lockConsultation(tx, id);
    assertGovernanceTransition('consultation', c.status, 'cancelled');
    await tx.update(consultations).set({ status: 'cancelled' }).where(eq(consultations.id, id));
    await recordAudit(tx, actor, {
      action: 'governance.consultation.cancel',
      objectType: 'consultation',
      objectId: id,
    });
  });
}

const view = (c: Row, participants: number, answered: boolean | null) => ({
  id: c.id,
  title: c.title,
  proposal: c.proposal,
  options: c.options,
  closesAt: c.closesAt.toISOString(),
  participationQuorumBp: c.participationQuorumBp,
  requiredShareBp: c.requiredShareBp,
  anonymous: c.anonymous,
  status: c.status,
  eligible: c.eligible,
  participants,
  answered,
  // Hidden until the close.
  result: c.status === 'closed' ? c.result : null,
  outcome: c.outcome,
});

/** Consultations, latest first (drafts only for those who prepare them), with whether the reader answered. */
export async function listConsultations(
  db: Db,
  options: { includeDrafts: boolean; associateId: string | null },
) {
  const rows = await db
    .select()
    .from(consultations)
    .where(options.includeDrafts ? undefined : ne(consultations.status, 'draft'))
    .orderBy(desc(consultations.createdAt));
  const counts = await queryRows<{ consultation_id: string; n: number; mine: boolean }>(
    db,
    sql`SELECT consultation_id, count(*)::int AS n, bool_or(associate_id = ${options.associateId}) AS mine
        FROM consultation_participations GROUP BY consultation_id`,
  );
  const byId = new Map(counts.map((c) => [c.consultation_id, c]));
  return rows.map((c) =>
    view(c, Number(byId.get(c.id)?.n ?? 0), options.associateId ? Boolean(byId.get(c.id)?.mine) : null),
  );
}

export async function readConsultation(
  db: Db,
  id: string,
  options: { includeDrafts: boolean; associateId: string | null },
) {
  const list = await listConsultations(db, options);
  const found = list.find((c) => c.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}
