import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LegalForm, legalForms } from '../cooperative/legal-forms.ts';
import { type AssemblyCall, type AssemblyType, type MajorityRule, majorityBases } from './assembly-rules.ts';
import {
  checkGovernanceSettings,
  defaultGovernanceSettings,
  GovernanceSettings,
} from './governance-settings.ts';
import { isMajorityAtLeastAsStrict, legalFloorRules } from './legal-floor-rules.ts';
import { tallyResolution } from './tally-resolution.ts';

const rules = (form: LegalForm) => defaultGovernanceSettings(form);

describe('governance settings', () => {
  it('accepts the legal defaults of every legal form, and they parse', () => {
    for (const form of legalForms) {
      expect(checkGovernanceSettings(form, rules(form)), form).toEqual([]);
      expect(GovernanceSettings.safeParse(rules(form)).success).toBe(true);
    }
  });

  it('accepts statutes that tighten: a higher quorum, a larger majority, a longer notice, fewer proxies', () => {
    const s = rules('SCOP_SA');
    s.rules.ordinary.first.quorum.fraction = { num: 1, den: 3 };
    s.rules.extraordinary.first.majority = {
      fraction: { num: 3, den: 4 },
      strict: false,
      base: 'presentOrRepresented',
    };
    s.noticeDays = { first: 21, second: 15 };
    s.proxyCap = 2;
    expect(checkGovernanceSettings('SCOP_SA', s)).toEqual([]);
  });

  it('refuses statutes that loosen the SA rules, naming each one', () => {
    const s = rules('SCOP_SA');
    s.rules.ordinary.first.quorum.fraction = { num: 1, den: 6 };
    s.rules.extraordinary.second.majority = {
      fraction: { num: 3, den: 5 },
      strict: false,
      base: 'votesCast',
    };
    s.noticeDays.first = 14;
    s.noticeDays.second = 9;
    s.postalVoting = false;
    expect(checkGovernanceSettings('SCOP_SA', s)).toEqual([
      { path: 'rules.ordinary.first.quorum', rule: 'quorumLooser' },
      { path: 'rules.extraordinary.second.majority', rule: 'majorityLooser' },
      { path: 'noticeDays.first', rule: 'noticeShorter' },
      { path: 'noticeDays.second', rule: 'noticeShorter' },
      { path: 'postalVoting', rule: 'postalVotingRequired' },
    ]);
  });

  it('refuses "at least half" where the law asks "more than half", and a smaller base at the same fraction', () => {
    const s = rules('SCOP_SARL');
    s.rules.ordinary.first.majority = { fraction: { num: 1, den: 2 }, strict: false, base: 'allAssociates' };
    s.rules.ordinary.second.majority = { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' };
    expect(checkGovernanceSettings('SCOP_SARL', s).map((v) => v.path)).toEqual([
      'rules.ordinary.first.majority',
      'rules.ordinary.second.majority',
    ]);
  });

  it('lets an SAS lower the SA quorums, down to a simple majority of votes cast and no quorum', () => {
    const s = rules('SCOP_SAS');
    s.rules.extraordinary.first = {
      quorum: { fraction: { num: 0, den: 1 }, base: 'allAssociates' },
      majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' },
    };
    expect(checkGovernanceSettings('SCOP_SAS', s)).toEqual([]);
    s.rules.extraordinary.first.majority.strict = false;
    expect(checkGovernanceSettings('SCOP_SAS', s)).toEqual([
      { path: 'rules.extraordinary.first.majority', rule: 'majorityLooser' },
    ]);
  });

  it('allows SCIC colleges only in a SCIC, at least 3, each weighing 10 % to 50 %, 100 % in all', () => {
    const colleges = [
      { key: 'employees', label: 'Salarié·es', weightBp: 5000 },
      { key: 'users', label: 'Usagers', weightBp: 3000 },
      { key: 'partners', label: 'Partenaires', weightBp: 2000 },
    ];
    expect(checkGovernanceSettings('SCIC_SA', { ...rules('SCIC_SA'), colleges })).toEqual([]);
    expect(checkGovernanceSettings('SCOP_SA', { ...rules('SCOP_SA'), colleges })).toEqual([
      { path: 'colleges', rule: 'collegesNotScic' },
    ]);
    const bad = [
      { key: 'a', label: 'A', weightBp: 5001 },
      { key: 'b', label: 'B', weightBp: 999 },
      { key: 'b', label: 'C', weightBp: 4000 },
    ];
    expect(checkGovernanceSettings('SCIC_SA', { ...rules('SCIC_SA'), colleges: bad })).toEqual([
      { path: 'colleges.0.weightBp', rule: 'collegeWeightOutOfRange' },
      { path: 'colleges.1.weightBp', rule: 'collegeWeightOutOfRange' },
      { path: 'colleges.2.key', rule: 'collegeKeyDuplicate' },
    ]);
    expect(
      checkGovernanceSettings('SCIC_SA', { ...rules('SCIC_SA'), colleges: colleges.slice(0, 2) }).map(
        (v) => v.rule,
      ),
    ).toEqual(['collegesTooFew', 'collegeWeightsTotal']);
  });

  it('refuses a fraction above one and a zero denominator', () => {
    const s = rules('SCOP_SA') as unknown as {
      rules: { ordinary: { first: { quorum: { fraction: unknown } } } };
    };
    s.rules.ordinary.first.quorum.fraction = { num: 5, den: 4 };
    expect(GovernanceSettings.safeParse(s).success).toBe(false);
    s.rules.ordinary.first.quorum.fraction = { num: 0, den: 0 };
    expect(GovernanceSettings.safeParse(s).success).toBe(false);
  });
});

describe('statutes never loosen, as a property', () => {
  const majority = fc
    .record({
      num: fc.integer({ min: 0, max: 12 }),
      den: fc.integer({ min: 1, max: 12 }),
      strict: fc.boolean(),
      base: fc.constantFrom(...majorityBases),
    })
    .filter((m) => m.num <= m.den)
    .map((m): MajorityRule => ({ fraction: { num: m.num, den: m.den }, strict: m.strict, base: m.base }));
  const tally = fc
    .record({ eligible: fc.integer({ min: 1, max: 300 }), a: fc.nat(), b: fc.nat(), c: fc.nat() })
    .map(({ eligible, a, b, c }) => {
      const participants = a % (eligible + 1);
      const yes = b % (participants + 1);
      const no = c % (participants - yes + 1);
      return { eligible, participants, yes, no, abstain: participants - yes - no };
    });
  const run = (
    m: MajorityRule,
    t: { eligible: number; participants: number; yes: number; no: number; abstain: number },
  ) =>
    tallyResolution({
      quorum: { fraction: { num: 0, den: 1 }, base: 'allAssociates' },
      majority: m,
      backedByBoard: true,
      colleges: [
        {
          college: '',
          weightBp: 10_000,
          eligible: t.eligible,
          participants: t.participants,
          counts: { ...t, blank: 0 },
          blankProxies: 0,
        },
      ],
    }).adopted;

  it('a majority accepted as at least as strict as the law never adopts what the law would reject', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LegalForm>(...legalForms),
        fc.constantFrom<AssemblyType>('ordinary', 'extraordinary'),
        fc.constantFrom<AssemblyCall>('first', 'second'),
        majority,
        tally,
        (form, type, call, mine, t) => {
          const law = legalFloorRules(form)[type][call].majority;
          if (isMajorityAtLeastAsStrict(mine, law) && run(mine, t)) expect(run(law, t)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
