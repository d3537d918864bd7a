import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { AdmitAssociateRequest } from '../../core/governance/governance-schemas.ts';
import { checkSubscription } from '../../core/governance/share-capital.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { members } from '../members/members-tables.ts';
import { users } from '../people/people-tables.ts';
import { associates, resolutions, shareSubscriptions } from './governance-tables.ts';
import { isUniqueViolation } from './is-unique-violation.ts';
import { loadGovernance } from './load-governance.ts';
import { nextGovernanceNumber } from './next-governance-number.ts';
import { recordAssociateStep } from './record-associate-step.ts';

/** Refuses an admission decision that points to a resolution not adopted at a closed assembly. */
async function assertAdoptedResolution(db: Db, resolutionId: string) {
  const [r] = await db.select().from(resolutions).where(eq(resolutions.id, resolutionId));
  if (r?.status !== 'closed' || (r.result as { adopted?: boolean } | null)?.adopted !== true)
    throw new AppError('ADMISSION_RESOLUTION_INVALID');
}

/**
 * Enters an associate in the register (cae-domain.md §3.1): the decision that admitted them, their
 * category and SCIC college, and their first subscription of whole shares (at least the statutes'
 * minimum). A member of the cooperative completes the associate step of their journey in the same
 * transaction. Number from the register's gapless sequence.
 */
export async function admitAssociate(ctx: AppContext, actor: Actor, input: AdmitAssociateRequest) {
  const data = AdmitAssociateRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const gov = await loadGovernance(tx);
    checkSubscription({ shares: data.shares, alreadyHeld: 0, minimumShares: gov.settings.minimumShares });
    const collegeKeys = gov.settings.colleges.map((c) => c.key);
    if (collegeKeys.length > 0 ? !collegeKeys.includes(data.college) : data.college !== '')
      throw new AppError('ASSOCIATE_COLLEGE_INVALID', { colleges: collegeKeys.join(', ') || '—' });
    if (data.admissionResolutionId) await assertAdoptedResolution(tx, data.admissionResolutionId);

    let { name, email, userId } = data;
    if (data.memberId) {
      const [m] = await tx.select().from(members).where(eq(members.id, data.memberId));
      if (!m) throw new AppError('NOT_FOUND');
      name ||= `${m.firstName} ${m.lastName}`;
      email ??= m.email;
      userId ??= m.userId;
    }
    if (!name) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'name', key: 'name.required' }] });
    if (userId) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!u) throw new AppError('NOT_FOUND');
    }
    const owner = data.memberId
      ? eq(associates.memberId, data.memberId)
      : userId
        ? eq(associates.userId, userId)
        : null;
    if (owner) {
      const active = await tx
        .select({ id: associates.id })
        .from(associates)
        .where(and(isNull(associates.exitedOn), owner))
        .limit(1);
      if (active.length > 0) throw new AppError('ASSOCIATE_ALREADY_ACTIVE');
    }

    const number = await nextGovernanceNumber(tx, 'associate');
    let row: typeof associates.$inferSelect;
    try {
      [row] = (await tx
        .insert(associates)
        .values({
          number,
          memberId: data.memberId,
          userId,
          name,
          email,
          category: data.category,
          college: data.college,
          emailNoticeConsent: data.emailNoticeConsent,
          admittedOn: data.admittedOn,
          admissionDecision: data.admissionDecision,
          admissionResolutionId: data.admissionResolutionId,
          createdBy: actor.userId,
        })
        .returning()) as [typeof associates.$inferSelect];
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('ASSOCIATE_ALREADY_ACTIVE');
      throw error;
    }
    if (data.memberId)
      await recordAssociateStep(
        tx,
        actor,
        data.memberId,
        data.admittedOn,
        `Associé·e n° ${number} : ${data.admissionDecision}`,
      );
    const nominal = BigInt(gov.settings.nominalCents);
    const shares = data.shares;
    const [subscription] = await tx
      .insert(shareSubscriptions)
      .values({
        associateId: row.id,
        shares,
        nominalCents: nominal,
        amountCents: nominal * BigInt(shares),
        subscribedOn: data.admittedOn,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'governance.associate.admit',
      objectType: 'associate',
      objectId: row.id,
      changes: {
        number,
        name,
        category: data.category,
        college: data.college,
        admittedOn: data.admittedOn,
        decision: data.admissionDecision,
        shares,
      },
    });
    return { associate: row, subscription: subscription! };
  });
}
