import { asc, eq, sql } from 'drizzle-orm';
import { defaultGovernanceSettings } from '../../core/governance/governance-settings.ts';
import { addDays, addMonths, type CalendarDate, maxDate } from '../../core/members/calendar-date.ts';
import type { AppContext } from '../app-context.ts';
import { type Actor, systemActor } from '../audit/actor.ts';
import { queryRows } from '../db/query-rows.ts';
import { todayOf } from '../members/member-access.ts';
import { members } from '../members/members-tables.ts';
import { updateMember } from '../members/update-member.ts';
import { users } from '../people/people-tables.ts';
import { admitAssociate } from './admit-associate.ts';
import { castVote } from './cast-vote.ts';
import { closeAssembly } from './close-assembly.ts';
import {
  answerConsultation,
  closeConsultation,
  createConsultation,
  openConsultation,
} from './consultations.ts';
import { conveneAssembly } from './convene-assembly.ts';
import { createAssembly } from './create-assembly.ts';
import { exitAssociate } from './exit-associate.ts';
import { resolutions } from './governance-tables.ts';
import { loadGovernance } from './load-governance.ts';
import { paySubscription } from './pay-subscription.ts';
import { recordAttendance } from './record-attendance.ts';
import { closeResolutionVote, openAssembly, openResolutionVote } from './run-assembly.ts';
import { subscribeShares } from './subscribe-shares.ts';
import { updateGovernanceSettings } from './update-governance-settings.ts';

/** The demo's books begin in January 2025 (seed-demo-ledger.ts): earlier payments are entered on their first banking day. */
const booksStart = '2025-01-02';
/** Shares held by the demo associates, in register order (25 € each): nobody near half of the capital. */
const sharesByIndex = [40, 12, 20, 16, 8, 24, 10, 12, 8, 6, 4];

/** The demo's associates who log in to vote (created by seed-demo.ts with the other demo accounts). */
export const demoVoters = {
  manager: 'direction@demo.mutua.coop',
  hugo: 'hugo.bernard@exemple.coop',
  nadia: 'nadia.haddad@exemple.coop',
} as const;

/**
 * Seeds the demo's democratic life through the same use cases as the app, on a clock set to each event's
 * day (the notice of an assembly leaves weeks before it sits):
 * - the statutes' settings (legal defaults for a SCOP SA, remote attendance allowed so that an associate
 *   can vote from a phone);
 * - the associates register: the direction, every member whose journey has an associate step (admitted on
 *   that day, their shares paid through the ledger — D 512 / C 1013 — with a numbered certificate), an
 *   outside associate, a member who left two months ago (her refund waits for the close of the year), and
 *   a subscription not paid yet;
 * - a past ordinary assembly (five months ago) with attendance, a proxy, open and secret ballots, and its
 *   sealed minutes;
 * - the next assembly, convened 16 days ago for today, ready for the chair to open;
 * - an open consultation (two answers in) and a closed one with its outcome.
 * Deterministic apart from the generated ids. Call it after the members and before the ledger demo (the
 * payments are dated in 2025, which the ledger demo closes).
 */
export async function seedDemoGovernance(ctx: AppContext) {
  const today = todayOf(ctx);
  const on = (date: CalendarDate, hour = 10): AppContext => ({
    ...ctx,
    now: () => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`),
  });
  const gov = await loadGovernance(ctx.db);
  await updateGovernanceSettings(ctx, systemActor, {
    ...defaultGovernanceSettings(gov.legalForm),
    remoteAttendance: true,
  });

  const accounts = new Map(
    (await ctx.db.select({ id: users.id, email: users.email, name: users.name }).from(users)).map((u) => [
      u.email,
      u,
    ]),
  );
  const actorOf = (email: string): Actor => {
    const u = accounts.get(email)!;
    return { userId: u.id, label: u.email, roles: ['member'], locale: 'fr', ipAddress: null };
  };
  const manager = accounts.get(demoVoters.manager);
  const chair: Actor = manager
    ? { userId: manager.id, label: manager.email, roles: ['manager'], locale: 'fr', ipAddress: null }
    : systemActor;

  // Members with an associate step, in the order they joined; their accounts linked to their files.
  const candidates = await queryRows<{
    id: string;
    email: string | null;
    name: string;
    on_date: string;
    exit_on: string | null;
  }>(
    ctx.db,
    sql`SELECT m.id, m.email, m.first_name || ' ' || m.last_name AS name, j.on_date::text AS on_date,
               (SELECT min(x.on_date)::text FROM journey_entries x WHERE x.member_id = m.id AND x.kind = 'exit') AS exit_on
        FROM members m JOIN journey_entries j ON j.member_id = m.id AND j.kind = 'associate'
        ORDER BY j.on_date, m.last_name, m.first_name`,
  );
  for (const c of candidates) {
    const account = c.email ? accounts.get(c.email) : undefined;
    if (account) {
      const [file] = await ctx.db
        .select({ userId: members.userId })
        .from(members)
        .where(eq(members.id, c.id));
      if (!file?.userId) await updateMember(ctx, systemActor, c.id, { userId: account.id });
    }
  }

  type Admission = {
    memberId?: string;
    userId?: string;
    name?: string;
    category: 'employee' | 'other';
    admittedOn: CalendarDate;
    decision: string;
    exitOn?: string | null;
  };
  const admissions = (
    [
      {
        userId: manager?.id,
        name: manager?.name ?? 'Dominique Gérant',
        category: 'employee',
        admittedOn: addMonths(today, -72),
        decision: 'Assemblée constitutive',
      },
      ...candidates.map(
        (c): Admission => ({
          memberId: c.id,
          category: 'employee',
          admittedOn: c.on_date,
          decision: `Conseil d’administration du ${c.on_date.slice(8, 10)}/${c.on_date.slice(5, 7)}/${c.on_date.slice(0, 4)}`,
          exitOn: c.exit_on,
        }),
      ),
      {
        name: 'Association Coopérer en Île-de-France',
        category: 'other',
        admittedOn: addMonths(today, -30),
        decision: 'Assemblée générale ordinaire (admission d’un associé extérieur)',
      },
    ] as Admission[]
  ).sort((a, b) => (a.admittedOn < b.admittedOn ? -1 : a.admittedOn > b.admittedOn ? 1 : 0));

  const ids = new Map<string, string>();
  // Departures are recorded on their day, after the assemblies they were still convened to.
  const exits: { id: string; on: CalendarDate }[] = [];
  for (const [i, a] of admissions.entries()) {
    const { associate, subscription } = await admitAssociate(on(a.admittedOn), chair, {
      memberId: a.memberId ?? null,
      userId: a.userId ?? null,
      name: a.name ?? '',
      category: a.category,
      admittedOn: a.admittedOn,
      admissionDecision: a.decision,
      shares: sharesByIndex[i % sharesByIndex.length]!,
    });
    const paidOn = maxDate(addDays(a.admittedOn, 3), booksStart);
    await paySubscription(on(paidOn), chair, subscription.id, { paidOn });
    ids.set(associate.name, associate.id);
    if (a.exitOn) exits.push({ id: associate.id, on: a.exitOn });
  }
  const byName = (name: string) => ids.get(name)!;
  const recordExits = async (when: (on: CalendarDate) => boolean) => {
    for (const x of exits.filter((e) => when(e.on)))
      await exitAssociate(on(x.on), chair, x.id, {
        exitedOn: x.on,
        reason: 'resignation',
        decision: 'Démission (départ à la retraite)',
      });
  };
  // Sarah subscribes more shares this week: the subscription waits for her transfer.
  if (ids.has('Sarah Meyer'))
    await subscribeShares(on(addDays(today, -3)), chair, byName('Sarah Meyer'), {
      shares: 8,
      subscribedOn: addDays(today, -3),
    });

  const hugo = accounts.has(demoVoters.hugo) ? actorOf(demoVoters.hugo) : null;
  const nadia = accounts.has(demoVoters.nadia) ? actorOf(demoVoters.nadia) : null;
  const managerVoter = manager ? chair : null;
  const vote = async (
    when: AppContext,
    who: Actor | null,
    resolutionId: string,
    choice: string,
    onBehalfOf?: string,
  ) => {
    if (who)
      await castVote(when, who, resolutionId, {
        choice: choice as 'yes',
        onBehalfOf: onBehalfOf ?? null,
      });
  };

  // The annual ordinary assembly, five months ago: accounts approved, result allocated, a secret ballot.
  const pastOn = addMonths(today, -5);
  const year = Number(pastOn.slice(0, 4)) - 1;
  const past = await createAssembly(on(addDays(pastOn, -25)), chair, {
    title: `Assemblée générale ordinaire annuelle ${pastOn.slice(0, 4)}`,
    type: 'ordinary',
    call: 'first',
    meetingOn: pastOn,
    startsAt: '18:00',
    place: 'Salle du conseil, 12 rue de la Coopération, 75011 Paris',
    onlineUrl: 'https://visio.demo.mutua.coop/ag',
    resolutions: [
      {
        title: `Approbation des comptes de l’exercice ${year}`,
        body: `L’assemblée, après avoir entendu le rapport de gestion, approuve les comptes de l’exercice ${year}.`,
        majority: gov.callRules('ordinary', 'first').majority,
        approvesAccounts: true,
      },
      {
        title: 'Affectation du résultat aux réserves impartageables',
        body: 'Le résultat est affecté pour 45 % à la réserve légale et aux réserves, 40 % à la participation des salarié·es, 15 % aux dividendes sur parts.',
        majority: gov.callRules('ordinary', 'first').majority,
      },
      {
        title: 'Renouvellement du mandat d’administratrice de Nadia Haddad',
        majority: gov.callRules('ordinary', 'first').majority,
        secret: true,
      },
    ],
  });
  const pastNotice = addDays(pastOn, -20);
  await recordExits((d) => d < pastNotice);
  await conveneAssembly(on(pastNotice), chair, past.id);
  const sitting = on(pastOn, 17);
  await openAssembly(sitting, chair, past.id);
  const attend = async (name: string, mode: 'present' | 'represented', holder?: string) => {
    if (ids.has(name) && (!holder || ids.has(holder)))
      await recordAttendance(sitting, chair, past.id, {
        associateId: byName(name),
        mode,
        proxyHolderId: holder ? byName(holder) : null,
      });
  };
  if (manager) await attend(manager.name, 'present');
  await attend('Hugo Bernard', 'present');
  await attend('Laura Nicolas', 'represented', 'Hugo Bernard');
  if (manager) await attend('Adrien Perrin', 'represented', manager.name);
  const agenda = await ctx.db
    .select({ id: resolutions.id })
    .from(resolutions)
    .where(eq(resolutions.assemblyId, past.id))
    .orderBy(asc(resolutions.position));
  const ballots: [Actor | null, string, string?][][] = [
    [
      [managerVoter, 'yes'],
      [managerVoter, 'yes', 'Adrien Perrin'],
      [hugo, 'yes'],
      [hugo, 'yes', 'Laura Nicolas'],
      [nadia, 'yes'],
    ],
    [
      [managerVoter, 'yes'],
      [managerVoter, 'yes', 'Adrien Perrin'],
      [hugo, 'yes'],
      [hugo, 'no', 'Laura Nicolas'],
      [nadia, 'abstain'],
    ],
    [
      [managerVoter, 'yes'],
      [managerVoter, 'yes', 'Adrien Perrin'],
      [hugo, 'blank'],
      [hugo, 'yes', 'Laura Nicolas'],
    ],
  ];
  for (const [i, r] of agenda.entries()) {
    await openResolutionVote(sitting, chair, r.id);
    for (const [who, choice, behalf] of ballots[i] ?? [])
      if (!behalf || ids.has(behalf))
        await vote(sitting, who, r.id, choice, behalf ? byName(behalf) : undefined);
    await closeResolutionVote(sitting, chair, r.id);
  }
  await closeAssembly(on(pastOn, 20), chair, past.id);
  await recordExits((d) => d >= pastNotice);

  // The next assembly sits today: the notice left 16 days ago; the chair opens it on the day.
  const next = await createAssembly(on(addDays(today, -20)), chair, {
    title: 'Assemblée générale ordinaire : Union régionale et fonds de solidarité',
    type: 'ordinary',
    call: 'first',
    meetingOn: today,
    startsAt: '18:30',
    place: 'Salle du conseil, 12 rue de la Coopération, 75011 Paris',
    onlineUrl: 'https://visio.demo.mutua.coop/ag',
    resolutions: [
      {
        title: 'Adhésion de la coopérative à l’Union régionale des Scop',
        body: 'La coopérative adhère à l’Union régionale des Scop et Scic d’Île-de-France ; la cotisation est prise en charge par la structure.',
        majority: gov.callRules('ordinary', 'first').majority,
      },
      {
        title: 'Création d’un fonds de solidarité entre entrepreneur·es',
        body: 'Un fonds alimenté par 0,5 % du chiffre d’affaires de chaque activité aide les entrepreneur·es en difficulté passagère.',
        majority: gov.callRules('ordinary', 'first').majority,
      },
    ],
  });
  await conveneAssembly(on(addDays(today, -16)), chair, next.id);
  // Laura cannot come: her proxy form, naming the direction, came back by post.
  if (manager && ids.has('Laura Nicolas'))
    await recordAttendance(on(addDays(today, -2)), chair, next.id, {
      associateId: byName('Laura Nicolas'),
      mode: 'represented',
      proxyHolderId: byName(manager.name),
    });

  // Consultations: one closed with its outcome, one open.
  const closedStart = addMonths(today, -3);
  const closedEnd = addDays(closedStart, 14);
  const done = await createConsultation(on(closedStart), chair, {
    title: 'Horaires des permanences d’accompagnement',
    proposal: 'Faut-il ajouter une permanence le samedi matin, un samedi sur deux ?',
    options: ['Oui, un samedi sur deux', 'Non, garder la semaine seulement'],
    closesAt: `${closedEnd}T18:00:00Z`,
    participationQuorumBp: 2500,
    requiredShareBp: 5000,
    anonymous: false,
  });
  await openConsultation(on(closedStart), chair, done.id);
  const answer = async (when: AppContext, who: Actor | null, id: string, option: number | null) => {
    if (who) await answerConsultation(when, who, id, { option });
  };
  await answer(on(addDays(closedStart, 2)), hugo, done.id, 0);
  await answer(on(addDays(closedStart, 3)), nadia, done.id, 0);
  await answer(on(addDays(closedStart, 5)), managerVoter, done.id, 1);
  await closeConsultation(on(addDays(closedEnd, 1)), chair, done.id, {
    outcome:
      'Adopté : une permanence le samedi matin, un samedi sur deux, à partir du mois suivant. Bilan dans six mois.',
  });

  const open = await createConsultation(on(addDays(today, -4)), chair, {
    title: 'Lieu du séminaire coopératif de printemps',
    proposal:
      'Deux jours pour travailler ensemble sur le projet coopératif. Où préférez-vous que nous nous retrouvions ?',
    options: ['Lyon', 'Nantes', 'Lille'],
    closesAt: `${addDays(today, 10)}T18:00:00Z`,
    participationQuorumBp: 3000,
    requiredShareBp: 5000,
    anonymous: true,
  });
  await openConsultation(on(addDays(today, -4)), chair, open.id);
  await answer(on(addDays(today, -3)), managerVoter, open.id, 1);
  await answer(on(addDays(today, -2)), nadia, open.id, 0);

  const [count] = await queryRows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM associates WHERE exited_on IS NULL`,
  );
  return { associates: Number(count?.n ?? 0), pastAssemblyId: past.id, nextAssemblyId: next.id };
}
