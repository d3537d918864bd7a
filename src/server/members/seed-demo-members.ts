import { eq } from 'drizzle-orm';
import { addDays, addMonths, type CalendarDate } from '../../core/members/calendar-date.ts';
import type { BenefitStatus } from '../../core/members/member-schemas.ts';
import { normalizeTag } from '../../core/members/normalize-tag.ts';
import { createActivity } from '../activities/create-activity.ts';
import { setActivityShares } from '../activities/set-activity-shares.ts';
import { updateActivity } from '../activities/update-activity.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { createAccount } from '../people/create-account.ts';
import { users } from '../people/people-tables.ts';
import { recordJourneyEntries } from './change-journey.ts';
import { createMember } from './create-member.ts';
import { journeyScenarios, type ScenarioName, type ScenarioStep } from './journey-scenarios.ts';
import { todayOf } from './member-access.ts';
import { updateRestrictedData } from './restricted-data.ts';
import { demoIban, demoNir, seededRandom } from './seeded-random.ts';

/** Support staff besides Sacha (seed-demo.ts), so that the demo shows several portfolios. */
export const demoSupportStaff = [
  { email: 'karim@demo.mutua.coop', name: 'Karim Benali' },
  { email: 'ines@demo.mutua.coop', name: 'Inès Moreau' },
];

type DemoMember = {
  first: string;
  last: string;
  trades: string[];
  skills: string[];
  scenario: ScenarioName | 'camille';
  sex: 1 | 2;
};

/** About 40 people at every stage: the trades of the seed story and more (product.md). */
export const demoMembers: DemoMember[] = [
  {
    first: 'Camille',
    last: 'Martin',
    trades: ['Graphiste'],
    skills: ['Identité visuelle', 'Mise en page', 'Illustration'],
    scenario: 'camille',
    sex: 2,
  },
  {
    first: 'Jeanne',
    last: 'Lefèvre',
    trades: ['Rempailleuse de chaises'],
    skills: ['Cannage', 'Paillage', 'Restauration de sièges'],
    scenario: 'cesa_plain',
    sex: 2,
  },
  {
    first: 'Hugo',
    last: 'Bernard',
    trades: ['Ébéniste'],
    skills: ['Marqueterie', 'Restauration de meubles'],
    scenario: 'associate',
    sex: 1,
  },
  {
    first: 'Nadia',
    last: 'Haddad',
    trades: ['Développeuse'],
    skills: ['TypeScript', 'React', 'Accessibilité'],
    scenario: 'associate',
    sex: 2,
  },
  {
    first: 'Théo',
    last: 'Petit',
    trades: ['Webdesigner'],
    skills: ['UX', 'Figma', 'Accessibilité'],
    scenario: 'cesa_plain',
    sex: 1,
  },
  {
    first: 'Lucie',
    last: 'Garnier',
    trades: ['Graphiste'],
    skills: ['Motion design', 'Illustration'],
    scenario: 'cesa_trial',
    sex: 2,
  },
  {
    first: 'Malik',
    last: 'Diallo',
    trades: ['Consultant'],
    skills: ['Stratégie', 'Économie sociale et solidaire'],
    scenario: 'associate_old',
    sex: 1,
  },
  {
    first: 'Sophie',
    last: 'Laurent',
    trades: ['E-commerçante'],
    skills: ['Thés et infusions', 'Boutique en ligne'],
    scenario: 'cesa_assoc_soon',
    sex: 2,
  },
  {
    first: 'Antoine',
    last: 'Roux',
    trades: ['Magicien'],
    skills: ['Close-up', 'Spectacles pour enfants'],
    scenario: 'cesa_plain',
    sex: 1,
  },
  {
    first: 'Élise',
    last: 'Fontaine',
    trades: ['Photographe'],
    skills: ['Portrait', 'Reportage'],
    scenario: 'cape_ending',
    sex: 2,
  },
  {
    first: 'Yasmine',
    last: 'Cherif',
    trades: ['Traductrice'],
    skills: ['Anglais', 'Arabe', 'Sous-titrage'],
    scenario: 'cape_renewed',
    sex: 2,
  },
  {
    first: 'Paul',
    last: 'Girard',
    trades: ['Menuisier'],
    skills: ['Agencement', 'Escaliers'],
    scenario: 'cape_last',
    sex: 1,
  },
  {
    first: 'Manon',
    last: 'Faure',
    trades: ['Céramiste'],
    skills: ['Tournage', 'Émaillage'],
    scenario: 'cape_overdue',
    sex: 2,
  },
  {
    first: 'Julien',
    last: 'Mercier',
    trades: ['Coach professionnel'],
    skills: ['Bilan de compétences', 'Reconversion'],
    scenario: 'cesa_assoc_overdue',
    sex: 1,
  },
  {
    first: 'Chloé',
    last: 'Lambert',
    trades: ['Couturière'],
    skills: ['Retouches', 'Upcycling'],
    scenario: 'cape_new',
    sex: 2,
  },
  {
    first: 'Romain',
    last: 'Dupuis',
    trades: ['Paysagiste'],
    skills: ['Potagers', 'Permaculture'],
    scenario: 'cape_new',
    sex: 1,
  },
  {
    first: 'Aïcha',
    last: 'Traoré',
    trades: ['Formatrice'],
    skills: ['Bureautique', 'Numérique pour tous'],
    scenario: 'cape_new',
    sex: 2,
  },
  {
    first: 'Thomas',
    last: 'Leroy',
    trades: ['Musicien'],
    skills: ['Guitare', 'Ateliers musicaux'],
    scenario: 'information',
    sex: 1,
  },
  {
    first: 'Léna',
    last: 'Moulin',
    trades: ['Illustratrice jeunesse'],
    skills: ['Aquarelle', 'Album jeunesse'],
    scenario: 'information',
    sex: 2,
  },
  {
    first: 'Baptiste',
    last: 'Colin',
    trades: ['Vidéaste'],
    skills: ['Montage', 'Drone'],
    scenario: 'intake',
    sex: 1,
  },
  {
    first: 'Clara',
    last: 'Rousseau',
    trades: ['Professeure de yoga'],
    skills: ['Hatha yoga', 'Yoga en entreprise'],
    scenario: 'intake',
    sex: 2,
  },
  {
    first: 'Maxime',
    last: 'André',
    trades: ['Community manager'],
    skills: ['Réseaux sociaux', 'Rédaction'],
    scenario: 'support',
    sex: 1,
  },
  {
    first: 'Zoé',
    last: 'Marchand',
    trades: ['Fleuriste'],
    skills: ['Événementiel', 'Fleurs de saison'],
    scenario: 'support',
    sex: 2,
  },
  {
    first: 'Nicolas',
    last: 'Blanc',
    trades: ['Développeur'],
    skills: ['Python', 'Données'],
    scenario: 'cesa_plain',
    sex: 1,
  },
  {
    first: 'Emma',
    last: 'Guérin',
    trades: ['Rédactrice web'],
    skills: ['SEO', 'Rédaction'],
    scenario: 'cesa_plain',
    sex: 2,
  },
  {
    first: 'Louis',
    last: 'Chevalier',
    trades: ['Consultant'],
    skills: ['RSE', 'Bilan carbone'],
    scenario: 'associate',
    sex: 1,
  },
  {
    first: 'Sarah',
    last: 'Meyer',
    trades: ["Architecte d'intérieur"],
    skills: ['Rénovation', 'Plans 3D'],
    scenario: 'associate',
    sex: 2,
  },
  {
    first: 'Mathieu',
    last: 'Robin',
    trades: ['Cuisinier à domicile'],
    skills: ['Cuisine végétarienne', 'Traiteur'],
    scenario: 'associate',
    sex: 1,
  },
  {
    first: 'Laura',
    last: 'Nicolas',
    trades: ['Sophrologue'],
    skills: ['Gestion du stress'],
    scenario: 'associate_old',
    sex: 2,
  },
  {
    first: 'Adrien',
    last: 'Perrin',
    trades: ['Électricien'],
    skills: ['Domotique', 'Mise aux normes'],
    scenario: 'associate_old',
    sex: 1,
  },
  {
    first: 'Julie',
    last: 'Morel',
    trades: ['Graphiste'],
    skills: ['Packaging', 'Typographie'],
    scenario: 'cesa_trial',
    sex: 2,
  },
  {
    first: 'Hélène',
    last: 'Simon',
    trades: ['Relieuse'],
    skills: ['Reliure d’art', 'Restauration de livres'],
    scenario: 'cape_ending',
    sex: 2,
  },
  {
    first: 'Victor',
    last: 'Gauthier',
    trades: ['Photographe'],
    skills: ['Culinaire', 'Packshot'],
    scenario: 'cape_renewed',
    sex: 1,
  },
  {
    first: 'Océane',
    last: 'Fournier',
    trades: ['E-commerçante'],
    skills: ['Bijoux', 'Boutique en ligne'],
    scenario: 'cesa_assoc_soon',
    sex: 2,
  },
  {
    first: 'Bruno',
    last: 'Lemoine',
    trades: ['Consultant'],
    skills: ['Informatique', 'Cybersécurité'],
    scenario: 'cesa_plain',
    sex: 1,
  },
  {
    first: 'Pauline',
    last: 'Henry',
    trades: ['Traductrice'],
    skills: ['Allemand'],
    scenario: 'exited_resign',
    sex: 2,
  },
  {
    first: 'Damien',
    last: 'Roger',
    trades: ['Brasseur'],
    skills: ['Bière artisanale'],
    scenario: 'exited_abandon',
    sex: 1,
  },
  {
    first: 'Margaux',
    last: 'Vincent',
    trades: ['Décoratrice'],
    skills: ['Home staging'],
    scenario: 'between',
    sex: 2,
  },
  {
    first: 'Kévin',
    last: 'Muller',
    trades: ['Développeur'],
    skills: ['PHP', 'WordPress'],
    scenario: 'exited_not_associate',
    sex: 1,
  },
  {
    first: 'Monique',
    last: 'Barbier',
    trades: ['Rempailleuse de chaises'],
    skills: ['Paillage'],
    scenario: 'exited_retired',
    sex: 2,
  },
];

/** The two cooperative groups: who, with which shares (basis points). */
export const demoGroups = [
  {
    code: 'BOIS-PAILLE',
    name: 'Atelier Bois & Paille',
    trade: 'Ébénisterie et rempaillage',
    members: [
      ['Jeanne', 5_000],
      ['Hugo', 5_000],
    ],
  },
  {
    code: 'PIXEL',
    name: 'Collectif Pixel',
    trade: 'Studio web',
    members: [
      ['Nadia', 4_000],
      ['Théo', 3_000],
      ['Lucie', 3_000],
    ],
  },
] as const;

const towns = [
  ['Paris', '75011'],
  ['Montreuil', '93100'],
  ['Saint-Denis', '93200'],
  ['Créteil', '94000'],
  ['Vincennes', '94300'],
  ['Ivry-sur-Seine', '94200'],
  ['Pantin', '93500'],
  ['Nanterre', '92000'],
] as const;

/** Camille (camille@demo.mutua.coop): CAPE renewed once, then a CESA; associate deadline in about a year. */
function camilleJourney(t: CalendarDate): ScenarioStep[] {
  const at = (m: number, d = 0) => addDays(addMonths(t, m), d);
  return [
    { kind: 'information_meeting', on: at(-26), note: '' },
    { kind: 'intake_interview', on: at(-25, -10), note: '' },
    { kind: 'support_agreement', on: at(-24, -5), note: 'Convention d’accompagnement signée.' },
    { kind: 'cape', start: at(-24), end: at(-12, -1), note: '' },
    { kind: 'support_interview', on: at(-20), note: '' },
    { kind: 'support_interview', on: at(-15), note: '' },
    { kind: 'cape_renewal', contractId: '@cape', on: at(-12, -20), end: at(-6, -1), note: '' },
    { kind: 'cesa', start: at(-6), trialEnd: null, fixedMonthlyCents: 30_000, note: '' },
    { kind: 'support_interview', on: at(-8), note: '' },
    { kind: 'support_interview', on: at(-3), note: '' },
  ];
}

const activityCode = (first: string, last: string) =>
  `${normalizeTag(last)
    .replace(/[^a-z]/g, '')
    .toUpperCase()
    .slice(0, 16)}-${normalizeTag(first).slice(0, 1).toUpperCase()}`;

/**
 * Seeds the demo members through the same use cases as the app: about 40 people at every stage with
 * their journeys, restricted data, activities alone and two cooperative groups, the structure activity
 * (STRUCT), and three support staff portfolios. Camille's account gets her member file and activity.
 * Deterministic: dates are relative to today, everything else comes from a seeded generator.
 */
export async function seedDemoMembers(ctx: AppContext, password?: string) {
  const actor = systemActor;
  const today = todayOf(ctx);
  const random = seededRandom(2004);
  const [sacha] = await ctx.db.select().from(users).where(eq(users.email, 'accompagnement@demo.mutua.coop'));
  const [camilleAccount] = await ctx.db
    .select()
    .from(users)
    .where(eq(users.email, 'camille@demo.mutua.coop'));
  const referents = sacha ? [sacha.id] : [];
  for (const s of demoSupportStaff) {
    const account = await createAccount(ctx, {
      ...s,
      roles: ['support'],
      password: password ?? `not-for-login-${random.uuid()}`,
    });
    referents.push(account.id);
  }
  await createActivity(ctx, actor, {
    code: 'STRUCT',
    name: 'Services mutualisés',
    brand: 'Coopérative Mutua Démo',
    trade: 'Fonctions support de la coopérative',
    kind: 'structure',
  });

  const memberIds = new Map<string, string>();
  const cesaStarts = new Map<string, CalendarDate>();
  for (const [i, p] of demoMembers.entries()) {
    const [city, postalCode] = random.pick(towns);
    const referentId = referents[i % 2 === 0 ? 0 : i % 4 === 1 ? 1 : 2] ?? referents[0]!;
    const steps = p.scenario === 'camille' ? camilleJourney(today) : journeyScenarios[p.scenario](today);
    const hasContract = steps.some((s) => s.kind === 'cape' || s.kind === 'cesa');
    const published = p.scenario === 'camille' || random.chance(0.7);
    const email = `${normalizeTag(p.first).replace(/[^a-z]/g, '')}.${normalizeTag(p.last).replace(/[^a-z]/g, '')}@exemple.coop`;
    const member = await createMember(ctx, actor, {
      firstName: p.first,
      lastName: p.last,
      email: p.scenario === 'camille' ? 'camille@demo.mutua.coop' : email,
      phone: `06 ${Array.from({ length: 4 }, () => String(random.int(10, 99))).join(' ')}`,
      addressLine1: `${random.int(1, 120)} rue ${random.pick(['de la Paix', 'des Lilas', 'Victor-Hugo', 'de la République', 'Jean-Jaurès', 'des Écoles'])}`,
      postalCode,
      city,
      trades: p.trades,
      skills: p.skills,
      iban: hasContract ? demoIban(random) : null,
      profile: {
        published,
        headline: `${p.trades[0]} · ${p.skills.slice(0, 2).join(', ')}`,
        bio: published ? `${p.trades[0]} en Île-de-France. Spécialités : ${p.skills.join(', ')}.` : '',
        showEmail: published && random.chance(0.6),
      },
      referentId,
      userId: p.scenario === 'camille' ? (camilleAccount?.id ?? null) : null,
    });
    memberIds.set(p.first, member.id);
    // One transaction per journey; '@cape' / '@cesa' point to the contract recorded before in the batch.
    const latest: Record<string, number> = {};
    const inputs = steps.map((step, index) => {
      if (step.kind === 'cape' || step.kind === 'cesa') latest[`@${step.kind}`] = index;
      if (step.kind === 'cesa') cesaStarts.set(p.first, step.start);
      return 'contractId' in step ? { ...step, contractId: `#${latest[step.contractId]}` } : step;
    });
    await recordJourneyEntries(ctx, actor, member.id, inputs);
    if (hasContract) {
      const benefit: BenefitStatus = steps.some((s) => s.kind === 'cape')
        ? random.pick(['are', 'are', 'rsa', 'none'] as const)
        : 'none';
      await updateRestrictedData(ctx, actor, member.id, {
        benefitStatus: benefit,
        benefitNote: benefit === 'are' ? 'ARE maintenue pendant le CAPE.' : '',
        disabilityRecognized: random.chance(0.08),
        otherEmployment: random.chance(0.15) ? 'Salariée à temps partiel ailleurs (mi-temps).' : '',
        socialSecurityNumber: demoNir(random, p.sex),
      });
    }
    const inGroup = demoGroups.some((g) => g.members.some(([first]) => first === p.first));
    if (hasContract && !inGroup) {
      const start = steps.find((s) => s.kind === 'cape' || s.kind === 'cesa')!;
      const activity = await createActivity(ctx, actor, {
        code: activityCode(p.first, p.last),
        name: p.scenario === 'camille' ? 'Studio Camille Martin' : `${p.first} ${p.last} — ${p.trades[0]}`,
        brand: p.scenario === 'camille' ? 'Camille Martin Graphisme' : '',
        trade: p.trades[0]!,
        nafCode: p.trades[0] === 'Graphiste' ? '74.10Z' : null,
        referentId,
        members: {
          from: 'start' in start ? start.start : today,
          shares: [{ memberId: member.id, shareBp: 10_000 }],
        },
      });
      if (p.scenario.startsWith('exited'))
        await updateActivity(ctx, actor, activity.id, { status: 'closed' });
    }
  }

  // Cooperative groups: Pixel started with two members, Lucie joined with her CESA.
  for (const g of demoGroups) {
    const first = g.members.map(([f]) => cesaStarts.get(f)!).sort();
    const group = await createActivity(ctx, actor, {
      code: g.code,
      name: g.name,
      trade: g.trade,
      referentId: referents[0]!,
    });
    if (g.code === 'PIXEL') {
      await setActivityShares(ctx, actor, group.id, {
        from: [cesaStarts.get('Nadia')!, cesaStarts.get('Théo')!].sort()[1]!,
        shares: [
          { memberId: memberIds.get('Nadia')!, shareBp: 5_000 },
          { memberId: memberIds.get('Théo')!, shareBp: 5_000 },
        ],
      });
    }
    await setActivityShares(ctx, actor, group.id, {
      from: first[first.length - 1]!,
      shares: g.members.map(([f, bp]) => ({ memberId: memberIds.get(f)!, shareBp: bp })),
    });
  }
  return { members: demoMembers.length, referents };
}
