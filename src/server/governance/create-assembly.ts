import { and, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { checkResolutionMajority } from '../../core/governance/check-resolution-majority.ts';
import { AssemblyRequest } from '../../core/governance/governance-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/open-database.ts';
import { assemblies, resolutions } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';

type Parsed = ReturnType<typeof AssemblyRequest.parse>;

async function writeAgenda(tx: Db, assemblyId: string, data: Parsed) {
  const gov = await loadGovernance(tx);
  const callRules = gov.callRules(data.type, data.call);
  const rows = data.resolutions.map((r, i) => ({
    assemblyId,
    position: i + 1,
    title: r.title,
    body: r.body,
    // Every resolution states its majority, at least that of its assembly type and call.
    majority: checkResolutionMajority(r.majority, callRules),
    backedByBoard: r.backedByBoard,
    approvesAccounts: r.approvesAccounts,
    secret: r.secret,
  }));
  await tx.insert(resolutions).values(rows);
}

async function checkFirstCall(tx: Db, data: Parsed) {
  if (!data.firstCallId) return;
  const [first] = await tx.select().from(assemblies).where(eq(assemblies.id, data.firstCallId));
  if (first?.call !== 'first' || first.type !== data.type || first.meetingOn >= data.meetingOn)
    throw new AppError('ASSEMBLY_FIRST_CALL_INVALID');
}

/**
 * Prepares a general assembly (cae-domain.md §3.2): ordinary or extraordinary, first or second call, date,
 * place and/or online link, and its agenda of resolutions, each with its majority rule.
 */
export async function createAssembly(ctx: AppContext, actor: Actor, input: AssemblyRequest) {
  const data = AssemblyRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    await checkFirstCall(tx, data);
    const [row] = await tx
      .insert(assemblies)
      .values({
        title: data.title,
        type: data.type,
        call: data.call,
        firstCallId: data.firstCallId,
        meetingOn: data.meetingOn,
        startsAt: data.startsAt,
        place: data.place,
        onlineUrl: data.onlineUrl,
        createdBy: actor.userId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    await writeAgenda(tx, row!.id, data);
    await recordAudit(tx, actor, {
      action: 'governance.assembly.create',
      objectType: 'assembly',
      objectId: row!.id,
      changes: { created: data },
    });
    return row!;
  });
}

/** Rewrites a prepared assembly and its agenda; refused once the notice has been sent. */
export async function updateAssembly(
  ctx: AppContext,
  actor: Actor,
  assemblyId: string,
  input: AssemblyRequest,
) {
  const data = AssemblyRequest.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    if (a.status !== 'draft') throw new AppError('ASSEMBLY_NOT_DRAFT');
    await checkFirstCall(tx, data);
    await tx
      .update(assemblies)
      .set({
        title: data.title,
        type: data.type,
        call: data.call,
        firstCallId: data.firstCallId,
        meetingOn: data.meetingOn,
        startsAt: data.startsAt,
        place: data.place,
        onlineUrl: data.onlineUrl,
        updatedAt: ctx.now(),
      })
      .where(eq(assemblies.id, assemblyId));
    await tx
      .delete(resolutions)
      .where(and(eq(resolutions.assemblyId, assemblyId), eq(resolutions.status, 'pending')));
    await writeAgenda(tx, assemblyId, data);
    await recordAudit(tx, actor, {
      action: 'governance.assembly.update',
      objectType: 'assembly',
      objectId: assemblyId,
      changes: { to: data },
    });
  });
}
