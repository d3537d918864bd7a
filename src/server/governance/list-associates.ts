import { asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { Actor } from '../audit/actor.ts';
import type { Db } from '../db/open-database.ts';
import { associates, shareMovements, shareRefunds, shareSubscriptions } from './governance-tables.ts';
import { capitalByAssociate } from './read-capital.ts';

type AssociateRow = typeof associates.$inferSelect;

const associateView = (a: AssociateRow, held: { shares: number; capitalCents: bigint } | undefined) => ({
  id: a.id,
  number: a.number,
  memberId: a.memberId,
  userId: a.userId,
  name: a.name,
  email: a.email,
  category: a.category,
  college: a.college,
  emailNoticeConsent: a.emailNoticeConsent,
  admittedOn: a.admittedOn,
  admissionDecision: a.admissionDecision,
  admissionResolutionId: a.admissionResolutionId,
  exitedOn: a.exitedOn,
  exitReason: a.exitReason,
  exitDecision: a.exitDecision,
  shares: held?.shares ?? 0,
  capitalCents: held?.capitalCents ?? 0n,
});

/** The associates register, in register order, with the shares each holds (from the register of movements). */
export async function listAssociates(db: Db, options: { status: 'active' | 'exited' | 'all' }) {
  const rows = await db
    .select()
    .from(associates)
    .where(
      options.status === 'all'
        ? undefined
        : options.status === 'active'
          ? sql`${associates.exitedOn} IS NULL`
          : sql`${associates.exitedOn} IS NOT NULL`,
    )
    .orderBy(asc(associates.number));
  const held = await capitalByAssociate(db);
  return rows.map((a) => associateView(a, held.get(a.id)));
}

export const subscriptionView = (s: typeof shareSubscriptions.$inferSelect) => ({
  id: s.id,
  associateId: s.associateId,
  shares: s.shares,
  nominalCents: s.nominalCents,
  amountCents: s.amountCents,
  subscribedOn: s.subscribedOn,
  status: s.status,
  paidOn: s.paidOn,
  entryId: s.entryId,
  certificateNumber: s.certificateNumber,
});

export const refundView = (r: typeof shareRefunds.$inferSelect) => ({
  id: r.id,
  shares: r.shares,
  exitOn: r.exitOn,
  fixedOn: r.fixedOn,
  dueBy: r.dueBy,
  status: r.status,
  amountCents: r.amountCents,
  paidOn: r.paidOn,
});

/** One associate with their subscriptions, movements and refund. */
export async function readAssociate(db: Db, associateId: string) {
  const [a] = await db.select().from(associates).where(eq(associates.id, associateId));
  if (!a) throw new AppError('NOT_FOUND');
  const held = await capitalByAssociate(db);
  const subs = await db
    .select()
    .from(shareSubscriptions)
    .where(eq(shareSubscriptions.associateId, associateId))
    .orderBy(asc(shareSubscriptions.subscribedOn));
  const [refund] = await db.select().from(shareRefunds).where(eq(shareRefunds.associateId, associateId));
  return {
    ...associateView(a, held.get(a.id)),
    subscriptions: subs.map(subscriptionView),
    refund: refund ? refundView(refund) : null,
  };
}

/** "My shares": the person's associate records (current and past), with certificates and refunds. */
export async function readMyShares(db: Db, actor: Actor) {
  if (!actor.userId) return [];
  const mine = await db
    .select({ id: associates.id })
    .from(associates)
    .where(eq(associates.userId, actor.userId))
    .orderBy(desc(associates.admittedOn));
  return Promise.all(mine.map((m) => readAssociate(db, m.id)));
}

/** The register of share movements, in order. */
export async function listShareMovements(db: Db) {
  const rows = await db
    .select({ m: shareMovements, name: associates.name, associateNumber: associates.number })
    .from(shareMovements)
    .innerJoin(associates, eq(associates.id, shareMovements.associateId))
    .orderBy(asc(shareMovements.number));
  let running = 0n;
  return rows.map(({ m, name, associateNumber }) => {
    running += m.capitalCents;
    return {
      number: m.number,
      associateId: m.associateId,
      associateNumber,
      name,
      kind: m.kind,
      onDate: m.onDate,
      shares: m.shares,
      capitalCents: m.capitalCents,
      cashCents: m.cashCents,
      capitalAfterCents: running,
    };
  });
}

/** The certificate PDF of a paid subscription: its owner or a reader of the register. */
export async function certificateOf(db: Db, subscriptionId: string) {
  const [s] = await db
    .select({
      sha256: shareSubscriptions.certificateSha256,
      number: shareSubscriptions.certificateNumber,
      userId: associates.userId,
    })
    .from(shareSubscriptions)
    .innerJoin(associates, eq(associates.id, shareSubscriptions.associateId))
    .where(eq(shareSubscriptions.id, subscriptionId));
  if (!s?.sha256) throw new AppError('NOT_FOUND');
  return s;
}
