import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { assemblies, resolutions } from './governance-tables.ts';
import { tallyStoredResolution } from './tally-stored-resolution.ts';

/** The chair opens the session on the meeting day (or later, when it runs late). */
export async function openAssembly(ctx: AppContext, actor: Actor, assemblyId: string) {
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('assembly', a.status, 'inSession');
    if (calendarDateOf(ctx.now()) < a.meetingOn)
      throw new AppError('ASSEMBLY_NOT_YET', { meetingOn: a.meetingOn });
    await tx
      .update(assemblies)
      .set({ status: 'inSession', openedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(assemblies.id, assemblyId));
    await recordAudit(tx, actor, {
      action: 'governance.assembly.open',
      objectType: 'assembly',
      objectId: assemblyId,
    });
  });
}

/** Cancels an assembly before it sits (a new notice is then needed). */
export async function cancelAssembly(ctx: AppContext, actor: Actor, assemblyId: string) {
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('assembly', a.status, 'cancelled');
    await tx
      .update(assemblies)
      .set({ status: 'cancelled', updatedAt: ctx.now() })
      .where(eq(assemblies.id, assemblyId));
    await recordAudit(tx, actor, {
      action: 'governance.assembly.cancel',
      objectType: 'assembly',
      objectId: assemblyId,
    });
  });
}

/** Opens the vote on one resolution; only one vote is open at a time, during the session. */
export async function openResolutionVote(ctx: AppContext, actor: Actor, resolutionId: string) {
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(resolutions).where(eq(resolutions.id, resolutionId)).for('update');
    if (!r) throw new AppError('NOT_FOUND');
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, r.assemblyId)).for('update');
    if (a!.status !== 'inSession') throw new AppError('ASSEMBLY_NOT_IN_SESSION');
    assertGovernanceTransition('resolution', r.status, 'open');
    const [other] = await tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(
        and(
          eq(resolutions.assemblyId, r.assemblyId),
          eq(resolutions.status, 'open'),
          ne(resolutions.id, r.id),
        ),
      );
    if (other) throw new AppError('VOTE_ALREADY_OPEN');
    await tx
      .update(resolutions)
      .set({ status: 'open', openedAt: ctx.now() })
      .where(eq(resolutions.id, resolutionId));
    await recordAudit(tx, actor, {
      action: 'governance.vote.open',
      objectType: 'resolution',
      objectId: resolutionId,
    });
  });
}

/**
 * Closes the vote on a resolution and fixes its result (shown from then on, hidden before). The row lock
 * waits for the ballots being cast, which hold a share lock on the resolution, so none is lost or late.
 */
export async function closeResolutionVote(ctx: AppContext, actor: Actor, resolutionId: string) {
  return ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(resolutions).where(eq(resolutions.id, resolutionId)).for('update');
    if (!r) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('resolution', r.status, 'closed');
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, r.assemblyId));
    const result = await tallyStoredResolution(tx, r, a!.rules!);
    await tx
      .update(resolutions)
      .set({ status: 'closed', closedAt: ctx.now(), result: result as unknown as Record<string, unknown> })
      .where(eq(resolutions.id, resolutionId));
    await recordAudit(tx, actor, {
      action: 'governance.vote.close',
      objectType: 'resolution',
      objectId: resolutionId,
      changes: { adopted: result.adopted, counts: result.counts, quorum: result.quorum },
    });
    return result;
  });
}
