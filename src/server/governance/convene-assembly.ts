import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { assertGovernanceTransition } from '../../core/governance/governance-statuses.ts';
import { checkNoticeDelay, noticeDelayDays } from '../../core/governance/notice-delay.ts';
import { proxyCap } from '../../core/governance/proxy-cap.ts';
import { calendarDateOf } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { users } from '../people/people-tables.ts';
import {
  type AssemblyRulesSnapshot,
  assemblies,
  assemblyDocuments,
  assemblyVoters,
  associates,
  resolutions,
} from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';

const frDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * Sends the notice (cae-domain.md §3.2): refused when later than the legal delay (15 days on first call,
 * 10 on the second, or the statutes' longer delay), counted from today, the day it leaves. Fixes the list
 * of associates convened — those in the register today, who are the ones entitled to vote — and the rules
 * that will apply (copied from the statutes' settings, with the proxy cap for this number of associates).
 * Each associate who agreed to electronic notice (R225-63) gets an e-mail with the agenda and documents;
 * the others are listed to be sent a letter.
 */
export async function conveneAssembly(ctx: AppContext, actor: Actor, assemblyId: string) {
  const today = calendarDateOf(ctx.now());
  return ctx.db.transaction(async (tx) => {
    const gov = await loadGovernance(tx);
    const [a] = await tx.select().from(assemblies).where(eq(assemblies.id, assemblyId)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    assertGovernanceTransition('assembly', a.status, 'convened');
    checkNoticeDelay({
      sentOn: today,
      meetingOn: a.meetingOn,
      call: a.call,
      statutory: gov.settings.noticeDays,
    });
    const voters = await tx
      .select({
        id: associates.id,
        name: associates.name,
        email: associates.email,
        consent: associates.emailNoticeConsent,
        college: associates.college,
        userEmail: users.email,
        locale: users.locale,
      })
      .from(associates)
      .leftJoin(users, eq(users.id, associates.userId))
      .where(and(isNull(associates.exitedOn), lte(associates.admittedOn, today)))
      .orderBy(asc(associates.number));
    if (voters.length === 0) throw new AppError('ASSEMBLY_NO_ASSOCIATES');
    const callRules = gov.callRules(a.type, a.call);
    const rules: AssemblyRulesSnapshot = {
      legalForm: gov.legalForm,
      quorum: callRules.quorum,
      majority: callRules.majority,
      proxyCap: proxyCap(voters.length, gov.settings.proxyCap),
      remoteAttendance: gov.settings.remoteAttendance,
      postalVoting: gov.settings.postalVoting,
      noticeDays: noticeDelayDays(a.call, gov.settings.noticeDays),
      colleges: gov.settings.colleges,
    };
    const agenda = await tx
      .select({ position: resolutions.position, title: resolutions.title })
      .from(resolutions)
      .where(eq(resolutions.assemblyId, assemblyId))
      .orderBy(asc(resolutions.position));
    const documents = await tx
      .select({ name: assemblyDocuments.name })
      .from(assemblyDocuments)
      .where(eq(assemblyDocuments.assemblyId, assemblyId));
    const rows = voters.map((v) => {
      const to = v.email ?? v.userEmail;
      return { voter: v, to: v.consent && to ? to : null };
    });
    await tx.insert(assemblyVoters).values(
      rows.map(({ voter, to }) => ({
        assemblyId,
        associateId: voter.id,
        college: voter.college,
        notifiedBy: to ? ('email' as const) : ('post' as const),
      })),
    );
    await tx
      .update(assemblies)
      .set({ status: 'convened', rules, noticeSentOn: today, updatedAt: ctx.now() })
      .where(eq(assemblies.id, assemblyId));
    const url = `${ctx.config.publicUrl}/governance/assemblies/${assemblyId}`;
    for (const { voter, to } of rows) {
      if (!to) continue;
      await enqueueEmail(tx, {
        to,
        toName: voter.name,
        locale: voter.locale ?? 'fr',
        template: 'assemblyNotice',
        vars: {
          name: voter.name,
          cooperativeName: gov.legalName,
          title: a.title,
          type: a.type,
          call: a.call,
          date: frDate(a.meetingOn),
          time: a.startsAt,
          place: a.place,
          onlineUrl: a.onlineUrl,
          agenda: agenda.map((r) => `${r.position}. ${r.title}`),
          documents: documents.map((d) => d.name),
          url,
        },
        now: ctx.now(),
      });
    }
    const byPost = rows.filter((r) => !r.to).map((r) => ({ associateId: r.voter.id, name: r.voter.name }));
    await recordAudit(tx, actor, {
      action: 'governance.assembly.convene',
      objectType: 'assembly',
      objectId: assemblyId,
      changes: {
        sentOn: today,
        voters: voters.length,
        emailed: voters.length - byPost.length,
        byPost: byPost.length,
        rules,
      },
    });
    return { sentOn: today, voters: voters.length, emailed: voters.length - byPost.length, byPost };
  });
}
