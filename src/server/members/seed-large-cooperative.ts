import { sql } from 'drizzle-orm';
import { equalSharesBp } from '../../core/activities/change-activity-shares.ts';
import { addDays, type CalendarDate } from '../../core/members/calendar-date.ts';
import type { JourneyEntry } from '../../core/members/journey-schemas.ts';
import { normalizeTag } from '../../core/members/normalize-tag.ts';
import { validateJourney } from '../../core/members/validate-journey.ts';
import type { activities, activityMembers } from '../activities/activities-tables.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { queryRows } from '../db/query-rows.ts';
import { users } from '../people/people-tables.ts';
import {
  bulkWriteMembers,
  insertInChunks,
  insertJsonRows,
  type PreparedMember,
} from './bulk-write-members.ts';
import { journeyScenarios, materializeScenario, type ScenarioName } from './journey-scenarios.ts';
import { todayOf } from './member-access.ts';
import { memberKeys } from './member-keys.ts';
import { demoIban, seededRandom } from './seeded-random.ts';

/** How often each stage appears in a generated cooperative (a rough picture of a large CAE). */
const scenarioWeights: [ScenarioName, number][] = [
  ['information', 3],
  ['intake', 3],
  ['support', 3],
  ['cape_new', 8],
  ['cape_ending', 3],
  ['cape_renewed', 5],
  ['cape_last', 2],
  ['cape_overdue', 1],
  ['cesa_trial', 4],
  ['cesa_plain', 24],
  ['cesa_assoc_soon', 4],
  ['cesa_assoc_overdue', 1],
  ['associate', 15],
  ['associate_old', 10],
  ['exited_resign', 5],
  ['exited_abandon', 3],
  ['between', 2],
  ['exited_not_associate', 1],
  ['exited_retired', 3],
];
const totalWeight = scenarioWeights.reduce((n, [, w]) => n + w, 0);

const firstNames = [
  'Camille',
  'Léa',
  'Hugo',
  'Nadia',
  'Théo',
  'Lucie',
  'Malik',
  'Sophie',
  'Antoine',
  'Élise',
  'Yasmine',
  'Paul',
  'Manon',
  'Julien',
  'Chloé',
  'Romain',
  'Aïcha',
  'Thomas',
  'Léna',
  'Baptiste',
  'Clara',
  'Maxime',
  'Zoé',
  'Nicolas',
  'Emma',
  'Louis',
  'Sarah',
  'Mathieu',
  'Laura',
  'Adrien',
  'Julie',
  'Hélène',
  'Victor',
  'Océane',
  'Bruno',
  'Pauline',
  'Damien',
  'Margaux',
  'Kévin',
  'Monique',
  'Fatou',
  'Mehdi',
  'Inès',
  'Arthur',
  'Jade',
  'Gabriel',
  'Lina',
  'Noah',
  'Rose',
  'Sacha',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
];
const trades = [
  'Graphiste',
  'Rempailleuse de chaises',
  'Consultant',
  'E-commerçant',
  'Développeur',
  'Magicien',
  'Photographe',
  'Traductrice',
  'Menuisier',
  'Céramiste',
  'Coach professionnel',
  'Couturière',
  'Paysagiste',
  'Formatrice',
  'Musicien',
  'Illustratrice',
  'Vidéaste',
  'Professeure de yoga',
  'Community manager',
  'Fleuriste',
  'Rédactrice web',
  'Architecte d’intérieur',
  'Cuisinier à domicile',
  'Sophrologue',
  'Électricien',
  'Relieuse',
  'Brasseur',
  'Décoratrice',
  'Ébéniste',
  'Webdesigner',
  'Comédienne',
  'Plombier',
  'Naturopathe',
  'Jardinier',
  'Bijoutière',
  'Tapissier',
  'Libraire itinérante',
  'Interprète',
  'Data analyst',
  'Animateur nature',
];
const skills = [
  'Identité visuelle',
  'Mise en page',
  'Illustration',
  'Cannage',
  'Paillage',
  'Stratégie',
  'Boutique en ligne',
  'TypeScript',
  'React',
  'Close-up',
  'Portrait',
  'Reportage',
  'Anglais',
  'Espagnol',
  'Agencement',
  'Tournage',
  'Bilan de compétences',
  'Retouches',
  'Permaculture',
  'Bureautique',
  'Guitare',
  'Aquarelle',
  'Montage',
  'Hatha yoga',
  'Réseaux sociaux',
  'Événementiel',
  'SEO',
  'Rénovation',
  'Traiteur',
  'Gestion du stress',
  'Domotique',
  'Reliure d’art',
  'Bière artisanale',
  'Home staging',
  'Marqueterie',
  'UX',
  'Théâtre',
  'Chauffage',
  'Phytothérapie',
  'Potagers',
  'Bijoux',
  'Garnissage',
  'Animation',
  'Interprétariat',
  'Python',
  'Sorties nature',
  'Accessibilité',
  'Formation',
  'Photographie culinaire',
  'Motion design',
];
const towns: [string, string][] = [
  ['Paris', '75011'],
  ['Paris', '75018'],
  ['Paris', '75020'],
  ['Montreuil', '93100'],
  ['Saint-Denis', '93200'],
  ['Créteil', '94000'],
  ['Vincennes', '94300'],
  ['Ivry-sur-Seine', '94200'],
  ['Pantin', '93500'],
  ['Nanterre', '92000'],
  ['Lyon', '69001'],
  ['Villeurbanne', '69100'],
  ['Marseille', '13001'],
  ['Lille', '59000'],
  ['Roubaix', '59100'],
  ['Nantes', '44000'],
  ['Rennes', '35000'],
  ['Bordeaux', '33000'],
  ['Toulouse', '31000'],
  ['Montpellier', '34000'],
  ['Strasbourg', '67000'],
  ['Grenoble', '38000'],
  ['Dijon', '21000'],
  ['Tours', '37000'],
  ['Rouen', '76000'],
  ['Amiens', '80000'],
  ['Limoges', '87000'],
  ['Clermont-Ferrand', '63000'],
  ['Poitiers', '86000'],
  ['Besançon', '25000'],
];

function pickScenario(r: number): ScenarioName {
  let x = r * totalWeight;
  for (const [name, w] of scenarioWeights) {
    x -= w;
    if (x < 0) return name;
  }
  return 'cesa_plain';
}

export type LargeCooperativeOptions = {
  members: number;
  /** The generator's seed: the same seed (and day) gives the same cooperative. */
  seed?: number;
  /** Members written per transaction. */
  batchSize?: number;
  /** The day the journeys are dated from; today by default. */
  today?: CalendarDate;
  progress?: (done: number, total: number) => void;
};

/**
 * Generates a large, realistic cooperative for benchmarks: members at every stage with valid journeys
 * (src/core/members checks each one), support referents, activities alone and in groups, written with
 * multi-row INSERTs in batches. Deterministic: no Math.random, ids included. Adds to what is there.
 */
export async function seedLargeCooperative(ctx: AppContext, options: LargeCooperativeOptions) {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 1947);
  const today = options.today ?? todayOf(ctx);
  const batchSize = options.batchSize ?? 2000;
  const [existing] = await queryRows<{ members: number; generated: number }>(
    ctx.db,
    sql`SELECT (SELECT count(*)::int FROM members) AS members,
               (SELECT count(*)::int FROM users WHERE email LIKE '%@generated.mutua.coop') AS generated`,
  );
  const offset = Number(existing?.members ?? 0);
  const now = ctx.now();

  // One support referent for about 150 members; accounts without a password (invite them to log in).
  const referentCount = Math.max(3, Math.ceil(options.members / 150));
  const firstReferent = Number(existing?.generated ?? 0);
  const referents = Array.from({ length: referentCount }, (_, k) => ({
    id: random.uuid(),
    email: `accompagnement-${firstReferent + k + 1}@generated.mutua.coop`,
    name: `${random.pick(firstNames)} ${random.pick(lastNames)} (accompagnement)`,
    roles: ['support' as const],
    createdAt: now,
    updatedAt: now,
  }));
  await insertInChunks(referents, 1000, (chunk) => ctx.db.insert(users).values(chunk));

  let activityCount = 0;
  for (let from = 0; from < options.members; from += batchSize) {
    const size = Math.min(batchSize, options.members - from);
    const batch: PreparedMember[] = [];
    const activityRows: (typeof activities.$inferInsert & { id: string })[] = [];
    const shareRows: (typeof activityMembers.$inferInsert)[] = [];
    let group: { ids: string[]; from: CalendarDate; referentId: string; index: number; size: number } | null =
      null;
    for (let k = 0; k < size; k++) {
      const index = offset + from + k + 1;
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      const [city, postalCode] = random.pick(towns);
      const trade = random.pick(trades);
      const memberSkills = Array.from({ length: random.int(1, 3) }, () => random.pick(skills));
      const scenario = pickScenario(random.next());
      // Each journey is dated from a day near today, so that deadlines spread over the calendar.
      const anchor = addDays(today, random.int(-90, 90));
      const entries: JourneyEntry[] = materializeScenario(journeyScenarios[scenario](anchor), random.uuid);
      const violations = validateJourney(entries);
      if (violations.length)
        throw new Error(`generated journey breaks ${violations[0]!.rule} (${scenario}, ${anchor})`);
      const referentId = referents[index % referentCount]!.id;
      const published = random.chance(0.6);
      const values = {
        id: random.uuid(),
        firstName: first,
        lastName: last,
        email: `${normalizeTag(first).replace(/[^a-z]/g, '')}.${normalizeTag(last).replace(/[^a-z]/g, '')}.${index}@generated.mutua.coop`,
        phone: `06 ${String(random.int(10_000_000, 99_999_999)).replace(/(\d\d)(?=\d)/g, '$1 ')}`,
        addressLine1: `${random.int(1, 150)} rue ${random.pick(lastNames)}`,
        postalCode,
        city,
        trades: [trade],
        skills: [...new Set(memberSkills)],
        iban: entries.length > 2 ? demoIban(random) : null,
        profilePublished: published,
        profileHeadline: published ? `${trade} à ${city}` : '',
        profileBio: '',
        profileShowEmail: published && random.chance(0.5),
        referentId,
        createdAt: now,
        updatedAt: now,
      };
      batch.push({
        values: {
          ...values,
          ...memberKeys({ ...values, email: values.email, profileHeadline: values.profileHeadline }),
        },
        entries,
      });
      const firstContract = entries.find((e) => e.kind === 'cape' || e.kind === 'cesa');
      if (!firstContract || !('start' in firstContract)) continue;
      const closed = scenario.startsWith('exited');
      // About one member in ten works in a cooperative group of two or three.
      if (group === null && !closed && random.chance(0.1))
        group = { ids: [], from: firstContract.start, referentId, index, size: random.int(2, 3) };
      if (group && !closed) {
        group.ids.push(values.id);
        if (firstContract.start > group.from) group.from = firstContract.start;
        if (group.ids.length === group.size) {
          const id = random.uuid();
          activityRows.push({
            id,
            code: `GRP${String(group.index).padStart(7, '0')}`,
            name: `Groupe ${trade} ${city}`,
            trade,
            kind: 'member',
            referentId: group.referentId,
            createdAt: now,
            updatedAt: now,
          });
          const parts = equalSharesBp(group.ids.length);
          for (const [i, memberId] of group.ids.entries())
            shareRows.push({ activityId: id, memberId, shareBp: parts[i]!, validFrom: group.from });
          group = null;
        }
        continue;
      }
      const id = random.uuid();
      activityRows.push({
        id,
        code: `A${String(index).padStart(7, '0')}`,
        name: `${first} ${last} — ${trade}`,
        trade,
        kind: 'member',
        status: closed ? 'closed' : 'active',
        referentId,
        createdAt: now,
        updatedAt: now,
      });
      shareRows.push({
        activityId: id,
        memberId: values.id,
        shareBp: 10_000,
        validFrom: firstContract.start,
      });
    }
    // A group left incomplete at the end of a batch runs with the members it has.
    if (group?.ids.length) {
      const id = random.uuid();
      activityRows.push({
        id,
        code: `GRP${String(group.index).padStart(7, '0')}`,
        name: 'Groupe',
        kind: 'member',
        referentId: group.referentId,
        createdAt: now,
        updatedAt: now,
      });
      const parts = equalSharesBp(group.ids.length);
      for (const [i, memberId] of group.ids.entries())
        shareRows.push({ activityId: id, memberId, shareBp: parts[i]!, validFrom: group.from });
    }
    await ctx.db.transaction(async (tx) => {
      await bulkWriteMembers(tx, batch, null);
      await insertJsonRows(
        tx,
        'activities',
        {
          id: 'uuid',
          code: 'text',
          name: 'text',
          trade: 'text',
          kind: 'text',
          status: 'text',
          referent_id: 'uuid',
        },
        activityRows.map((a) => ({
          id: a.id,
          code: a.code,
          name: a.name,
          trade: a.trade ?? '',
          kind: a.kind,
          status: a.status ?? 'active',
          referent_id: a.referentId,
        })),
      );
      await insertJsonRows(
        tx,
        'activity_members',
        { activity_id: 'uuid', member_id: 'uuid', share_bp: 'integer', valid_from: 'date' },
        shareRows.map((r) => ({
          activity_id: r.activityId,
          member_id: r.memberId,
          share_bp: r.shareBp,
          valid_from: r.validFrom,
        })),
      );
    });
    activityCount += activityRows.length;
    options.progress?.(from + size, options.members);
  }
  // Fresh statistics for the planner: PGlite runs no autovacuum, and a server's would come later.
  await ctx.db.execute(
    sql`ANALYZE members, member_restricted, journey_entries, member_stage_periods, member_deadlines, activities, activity_members`,
  );
  const ms = performance.now() - started;
  await recordAudit(ctx.db, systemActor, {
    action: 'members.generate',
    objectType: 'member',
    changes: {
      members: options.members,
      activities: activityCount,
      referents: referentCount,
      seed: options.seed ?? 1947,
    },
  });
  return { members: options.members, activities: activityCount, referents: referentCount, ms };
}
