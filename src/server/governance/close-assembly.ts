import { asc, eq } from 'drizzle-orm';
import { legalFormLabel } from '../../core/cooperative/legal-forms.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import type { ResolutionTally } from '../../core/governance/tally-resolution.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import { storeFile } from '../files/store-file.ts';
import { assemblyAttendanceEntries } from './assembly-attendance.ts';
import { drawMinutesPdf } from './draw-minutes-pdf.ts';
import { assemblies, assemblyMinutes, assemblyVoters, associates, resolutions } from './governance-tables.ts';

/**
 * Closes the assembly: every vote must be closed. The minutes (PDF with the attendance sheet and each
 * result) are drawn, hashed and stored in the same transaction; from then on neither the assembly, its
 * resolutions, its ballots nor the minutes can change (database triggers refuse it).
 */
export async function closeAssembly(ctx: AppContext, actor: Actor, assemblyId: string) {
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('assembly', a.status, 'closed');
    const agenda = await tx
      .select()
      .from(resolutions)
      .where(eq(resolutions.assemblyId, assemblyId))
      .orderBy(asc(resolutions.position));
    const unfinished = agenda.filter((r) => r.status !== 'closed');
    if (unfinished.length > 0) throw new AppError('ASSEMBLY_VOTES_NOT_CLOSED', { count: unfinished.length });
    const [coop] = await tx.select().from(cooperative).limit(1);
    const voters = await tx
      .select({
        id: associates.id,
        number: associates.number,
        name: associates.name,
        college: assemblyVoters.college,
      })
      .from(assemblyVoters)
      .innerJoin(associates, eq(associates.id, assemblyVoters.associateId))
      .where(eq(assemblyVoters.assemblyId, assemblyId))
      .orderBy(asc(associates.number));
    const names = new Map(voters.map((v) => [v.id, v.name]));
    const entries = new Map((await assemblyAttendanceEntries(tx, assemblyId)).map((e) => [e.associateId, e]));
    const closedAt = ctx.now();
    const rules = a.rules!;
    const pdf = await drawMinutesPdf({
      cooperativeName: coop!.legalName,
      legalFormLabel: legalFormLabel(coop!.legalForm, coop!.variableCapital),
      title: a.title,
      type: a.type,
      call: a.call,
      meetingOn: a.meetingOn,
      startsAt: a.startsAt,
      place: a.place,
      onlineUrl: a.onlineUrl,
      noticeSentOn: a.noticeSentOn!,
      quorum: rules.quorum.fraction,
      proxyCap: rules.proxyCap,
      closedAt,
      attendance: voters.map((v) => {
        const e = entries.get(v.id);
        return {
          number: v.number,
          name: v.name,
          college: v.college,
          mode: e?.mode ?? 'absent',
          holder: e?.proxyHolderId ? (names.get(e.proxyHolderId) ?? null) : null,
        };
      }),
      resolutions: agenda.map((r) => ({
        position: r.position,
        title: r.title,
        body: r.body,
        secret: r.secret,
        majority: r.majority,
        result: r.result as unknown as ResolutionTally,
      })),
    });
    const sha256 = await storeFile(tx, pdf, 'application/pdf');
    await tx
      .update(assemblies)
      .set({ status: 'closed', closedAt, updatedAt: closedAt })
      .where(eq(assemblies.id, assemblyId));
    await tx
      .insert(assemblyMinutes)
      .values({ assemblyId, sha256, createdBy: actor.userId, createdAt: closedAt });
    await recordAudit(tx, actor, {
      action: 'governance.assembly.close',
      objectType: 'assembly',
      objectId: assemblyId,
      changes: {
        minutesSha256: sha256,
        adopted: agenda.filter((r) => (r.result as { adopted?: boolean }).adopted).map((r) => r.position),
      },
    });
    return { sha256 };
  });
}
