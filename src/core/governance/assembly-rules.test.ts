import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LegalForm, legalForms } from '../cooperative/legal-forms.ts';
import {
  type AssemblyCall,
  type AssemblyType,
  assemblyCalls,
  assemblyTypes,
  legalAssemblyRules,
  type MajorityBase,
} from './assembly-rules.ts';
import { smallestReaching } from './fraction.ts';
import { tallyResolution } from './tally-resolution.ts';

/** A one-college vote: `yes` for, `no` against, `abstain` abstaining, among `participants` of `eligible`. */
function vote(
  form: LegalForm,
  type: AssemblyType,
  call: AssemblyCall,
  t: { eligible: number; participants: number; yes: number; no: number; abstain?: number; blank?: number },
) {
  const rules = legalAssemblyRules(form)[type][call];
  return tallyResolution({
    quorum: rules.quorum,
    majority: rules.majority,
    backedByBoard: true,
    colleges: [
      {
        college: '',
        weightBp: 10_000,
        eligible: t.eligible,
        participants: t.participants,
        counts: { yes: t.yes, no: t.no, abstain: t.abstain ?? 0, blank: t.blank ?? 0 },
        blankProxies: 0,
      },
    ],
  });
}

describe('legal assembly rules', () => {
  it('gives an SA the quorums of L225-96 and L225-98: 1/5, none, 1/4, 1/5', () => {
    const r = legalAssemblyRules('SCOP_SA');
    expect(r.ordinary.first.quorum.fraction).toEqual({ num: 1, den: 5 });
    expect(r.ordinary.second.quorum.fraction).toEqual({ num: 0, den: 1 });
    expect(r.extraordinary.first.quorum.fraction).toEqual({ num: 1, den: 4 });
    expect(r.extraordinary.second.quorum.fraction).toEqual({ num: 1, den: 5 });
    expect(r.ordinary.first.majority).toEqual({
      fraction: { num: 1, den: 2 },
      strict: true,
      base: 'votesCast',
    });
    expect(r.extraordinary.second.majority).toEqual({
      fraction: { num: 2, den: 3 },
      strict: false,
      base: 'votesCast',
    });
  });

  it('starts an SAS from the SA rules, and a SARL from the SCOP SARL model statutes', () => {
    expect(legalAssemblyRules('SCIC_SAS')).toEqual(legalAssemblyRules('SCOP_SA'));
    const sarl = legalAssemblyRules('SCOP_SARL');
    expect(sarl.ordinary.first.majority.base).toBe('allAssociates');
    expect(sarl.ordinary.second.majority.base).toBe('presentOrRepresented');
    expect(sarl.extraordinary.first.quorum.fraction).toEqual({ num: 3, den: 4 });
    expect(sarl.extraordinary.second.quorum.fraction).toEqual({ num: 1, den: 2 });
    expect(sarl.extraordinary.first.majority).toEqual({
      fraction: { num: 3, den: 4 },
      strict: false,
      base: 'presentOrRepresented',
    });
  });

  it('returns a copy that callers may change without touching the defaults', () => {
    const r = legalAssemblyRules('SCOP_SA');
    r.ordinary.first.quorum.fraction.num = 9;
    expect(legalAssemblyRules('SCOP_SA').ordinary.first.quorum.fraction.num).toBe(1);
  });
});

describe('SA quorum at the exact boundary (100 associates)', () => {
  // Everyone present votes yes, so only the quorum decides.
  const cases: [AssemblyType, AssemblyCall, number][] = [
    ['ordinary', 'first', 20],
    ['ordinary', 'second', 0],
    ['extraordinary', 'first', 25],
    ['extraordinary', 'second', 20],
  ];
  for (const [type, call, needed] of cases) {
    it(`${type} ${call} call: ${needed} of 100 reach it${needed ? `, ${needed - 1} do not` : ''}`, () => {
      const at = (n: number) =>
        vote('SCOP_SA', type, call, { eligible: 100, participants: n, yes: n, no: 0 });
      expect(at(needed).quorum.reached).toBe(true);
      if (needed > 0) {
        expect(at(needed - 1).quorum.reached).toBe(false);
        expect(at(needed - 1).adopted).toBe(false);
      } else {
        expect(at(1).adopted).toBe(true);
      }
      expect(at(needed + 1).quorum.reached).toBe(true);
    });
  }

  it('rounds a quorum of 1/5 of 101 associates up to 21', () => {
    const r = vote('SCOP_SA', 'ordinary', 'first', { eligible: 101, participants: 20, yes: 20, no: 0 });
    expect(r.quorum).toEqual({ reached: false, participants: 20, eligible: 101, needed: 21 });
  });
});

describe('SA majority at the exact boundary: one vote short, one vote over', () => {
  it('ordinary: more than half of votes cast (50 for, 50 against fails; 51 for passes)', () => {
    const base = { eligible: 200, participants: 120 };
    expect(vote('SCOP_SA', 'ordinary', 'first', { ...base, yes: 50, no: 50, abstain: 20 }).adopted).toBe(
      false,
    );
    expect(vote('SCOP_SA', 'ordinary', 'first', { ...base, yes: 51, no: 50, abstain: 19 }).adopted).toBe(
      true,
    );
    expect(vote('SCOP_SA', 'ordinary', 'second', { ...base, yes: 50, no: 51, abstain: 19 }).adopted).toBe(
      false,
    );
    expect(vote('SCOP_SA', 'ordinary', 'second', { ...base, yes: 51, no: 49, abstain: 20 }).adopted).toBe(
      true,
    );
  });

  it('extraordinary: two thirds of votes cast (40 for 20 against passes, 39 for 20 against fails, 41 passes)', () => {
    const base = { eligible: 100, participants: 70 };
    for (const call of assemblyCalls) {
      expect(vote('SCOP_SA', 'extraordinary', call, { ...base, yes: 40, no: 20, abstain: 10 }).adopted).toBe(
        true,
      );
      expect(vote('SCOP_SA', 'extraordinary', call, { ...base, yes: 39, no: 20, abstain: 11 }).adopted).toBe(
        false,
      );
      expect(vote('SCOP_SA', 'extraordinary', call, { ...base, yes: 41, no: 20, abstain: 9 }).adopted).toBe(
        true,
      );
    }
  });

  it('does not count abstentions nor blank votes as votes cast', () => {
    const r = vote('SCOP_SA', 'ordinary', 'first', {
      eligible: 100,
      participants: 100,
      yes: 2,
      no: 1,
      abstain: 90,
      blank: 7,
    });
    expect(r.votesCast).toBe(3);
    expect(r.yesNeeded).toBe(2);
    expect(r.adopted).toBe(true);
  });
});

describe('SARL majority at the exact boundary', () => {
  it('ordinary first call: more than half of ALL associates (26 of 50 passes, 25 fails)', () => {
    expect(
      vote('SCOP_SARL', 'ordinary', 'first', { eligible: 50, participants: 30, yes: 26, no: 4 }).adopted,
    ).toBe(true);
    expect(
      vote('SCOP_SARL', 'ordinary', 'first', { eligible: 50, participants: 30, yes: 25, no: 0, abstain: 5 })
        .adopted,
    ).toBe(false);
  });

  it('ordinary second call: more than half of those present or represented, abstentions weighing against', () => {
    const base = { eligible: 50, participants: 20 };
    expect(vote('SCOP_SARL', 'ordinary', 'second', { ...base, yes: 10, no: 2, abstain: 8 }).adopted).toBe(
      false,
    );
    expect(vote('SCOP_SARL', 'ordinary', 'second', { ...base, yes: 11, no: 2, abstain: 7 }).adopted).toBe(
      true,
    );
  });

  it('extraordinary: quorum 3/4 then 1/2, majority 3/4 of those present or represented', () => {
    expect(
      vote('SCOP_SARL', 'extraordinary', 'first', { eligible: 40, participants: 29, yes: 29, no: 0 }).quorum
        .reached,
    ).toBe(false);
    expect(
      vote('SCOP_SARL', 'extraordinary', 'first', { eligible: 40, participants: 30, yes: 30, no: 0 }).adopted,
    ).toBe(true);
    expect(
      vote('SCOP_SARL', 'extraordinary', 'second', { eligible: 40, participants: 19, yes: 19, no: 0 })
        .adopted,
    ).toBe(false);
    expect(
      vote('SCOP_SARL', 'extraordinary', 'second', { eligible: 40, participants: 20, yes: 15, no: 5 })
        .adopted,
    ).toBe(true);
    expect(
      vote('SCOP_SARL', 'extraordinary', 'second', {
        eligible: 40,
        participants: 20,
        yes: 14,
        no: 0,
        abstain: 6,
      }).adopted,
    ).toBe(false);
  });
});

describe('legal rules, as properties', () => {
  const tallies = fc
    .record({
      eligible: fc.integer({ min: 1, max: 2000 }),
      p: fc.double({ min: 0, max: 1, noNaN: true }),
      y: fc.double({ min: 0, max: 1, noNaN: true }),
      n: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ eligible, p, y, n }) => {
      const participants = Math.floor(eligible * p);
      const yes = Math.floor(participants * y);
      const no = Math.floor((participants - yes) * n);
      return { eligible, participants, yes, no, abstain: participants - yes - no };
    });
  const forms = fc.constantFrom<LegalForm>(...legalForms);
  const types = fc.constantFrom<AssemblyType>(...assemblyTypes);
  const calls = fc.constantFrom<AssemblyCall>(...assemblyCalls);

  it('adopts exactly when the quorum is reached and yes reaches the fraction of its base', () => {
    fc.assert(
      fc.property(forms, types, calls, tallies, (form, type, call, t) => {
        const rules = legalAssemblyRules(form)[type][call];
        const r = vote(form, type, call, t);
        const base: Record<MajorityBase, number> = {
          votesCast: t.yes + t.no,
          presentOrRepresented: t.participants,
          allAssociates: t.eligible,
        };
        const b = base[rules.majority.base];
        const quorumOk = t.participants >= smallestReaching(t.eligible, rules.quorum.fraction);
        const majorityOk =
          b > 0 && t.yes >= smallestReaching(b, rules.majority.fraction, rules.majority.strict);
        expect(r.adopted).toBe(quorumOk && majorityOk);
      }),
    );
  });

  it('one more yes never turns an adopted resolution down, and a second call never asks more than the first', () => {
    fc.assert(
      fc.property(forms, types, tallies, (form, type, t) => {
        if (t.abstain === 0) return;
        const before = vote(form, type, 'first', t);
        const after = vote(form, type, 'first', { ...t, yes: t.yes + 1, abstain: t.abstain - 1 });
        if (before.adopted) expect(after.adopted).toBe(true);
        if (before.adopted) expect(vote(form, type, 'second', t).adopted).toBe(true);
      }),
    );
  });
});
