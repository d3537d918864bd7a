import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MajorityRule, QuorumRule } from './assembly-rules.ts';
import { type CollegeFigures, tallyResolution } from './tally-resolution.ts';

const noQuorum: QuorumRule = { fraction: { num: 0, den: 1 }, base: 'allAssociates' };
const simple: MajorityRule = { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' };
const college = (c: Partial<CollegeFigures> & Pick<CollegeFigures, 'counts'>): CollegeFigures => ({
  college: '',
  weightBp: 10_000,
  eligible: 100,
  participants: c.counts.yes + c.counts.no + c.counts.abstain + c.counts.blank + (c.blankProxies ?? 0),
  blankProxies: 0,
  ...c,
});

describe('tallyResolution', () => {
  it('votes blank proxies for a resolution the board backs and against the others', () => {
    const colleges = [college({ counts: { yes: 3, no: 4, abstain: 0, blank: 0 }, blankProxies: 2 })];
    const backed = tallyResolution({ quorum: noQuorum, majority: simple, backedByBoard: true, colleges });
    expect(backed.counts).toEqual({ yes: 5, no: 4, abstain: 0, blank: 0 });
    expect(backed.adopted).toBe(true);
    const notBacked = tallyResolution({ quorum: noQuorum, majority: simple, backedByBoard: false, colleges });
    expect(notBacked.counts.no).toBe(6);
    expect(notBacked.adopted).toBe(false);
  });

  it('adopts nothing when nobody casts a vote', () => {
    const r = tallyResolution({
      quorum: noQuorum,
      majority: simple,
      backedByBoard: true,
      colleges: [college({ counts: { yes: 0, no: 0, abstain: 5, blank: 2 } })],
    });
    expect(r.adopted).toBe(false);
    expect(r.yesBp).toBeNull();
    expect(r.yesNeeded).toBeNull();
  });

  it('refuses figures where more people vote than take part', () => {
    expect(() =>
      tallyResolution({
        quorum: noQuorum,
        majority: simple,
        backedByBoard: true,
        colleges: [college({ counts: { yes: 5, no: 0, abstain: 0, blank: 0 }, participants: 4 })],
      }),
    ).toThrow(RangeError);
  });

  it('weighs SCIC colleges by their weight, not by their size', () => {
    // 50 % employees all for (2 of 2), 30 % users all against (0 of 50), 20 % partners all for (10 of 10):
    // weighted yes = 0.5 + 0 + 0.2 = 70 %, though 12 of 62 heads voted for.
    const colleges: CollegeFigures[] = [
      college({
        college: 'employees',
        weightBp: 5000,
        eligible: 2,
        counts: { yes: 2, no: 0, abstain: 0, blank: 0 },
      }),
      college({
        college: 'users',
        weightBp: 3000,
        eligible: 50,
        counts: { yes: 0, no: 50, abstain: 0, blank: 0 },
      }),
      college({
        college: 'partners',
        weightBp: 2000,
        eligible: 10,
        counts: { yes: 10, no: 0, abstain: 0, blank: 0 },
      }),
    ];
    const r = tallyResolution({
      quorum: noQuorum,
      majority: { fraction: { num: 2, den: 3 }, strict: false, base: 'votesCast' },
      backedByBoard: true,
      colleges,
    });
    expect(r.yesBp).toBe(7000);
    expect(r.adopted).toBe(true);
    expect(r.counts.yes).toBe(12);
    // At 7/10 exactly, a strict "more than 70 %" fails and "at least 70 %" passes.
    expect(
      tallyResolution({
        quorum: noQuorum,
        majority: { fraction: { num: 7, den: 10 }, strict: true, base: 'votesCast' },
        backedByBoard: true,
        colleges,
      }).adopted,
    ).toBe(false);
    expect(
      tallyResolution({
        quorum: noQuorum,
        majority: { fraction: { num: 7, den: 10 }, strict: false, base: 'votesCast' },
        backedByBoard: true,
        colleges,
      }).adopted,
    ).toBe(true);
  });

  it("shares an empty college's weight among the others", () => {
    const colleges: CollegeFigures[] = [
      college({
        college: 'a',
        weightBp: 5000,
        eligible: 10,
        counts: { yes: 0, no: 0, abstain: 0, blank: 0 },
      }),
      college({
        college: 'b',
        weightBp: 3000,
        eligible: 10,
        counts: { yes: 1, no: 1, abstain: 0, blank: 0 },
      }),
      college({
        college: 'c',
        weightBp: 2000,
        eligible: 10,
        counts: { yes: 1, no: 0, abstain: 0, blank: 0 },
      }),
    ];
    // (0.3 × 1/2 + 0.2 × 1) / 0.5 = 70 %
    expect(tallyResolution({ quorum: noQuorum, majority: simple, backedByBoard: true, colleges }).yesBp).toBe(
      7000,
    );
  });

  it('with one college, adopts exactly when yes reaches the votes it needs', () => {
    fc.assert(
      fc.property(
        fc.nat(200),
        fc.nat(200),
        fc.nat(50),
        fc.nat(50),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (yes, no, abstain, blankProxies, a, b, strict) => {
          const fraction = a <= b ? { num: a, den: b } : { num: b, den: a };
          const majority: MajorityRule = { fraction, strict, base: 'votesCast' };
          const r = tallyResolution({
            quorum: noQuorum,
            majority,
            backedByBoard: false,
            colleges: [college({ eligible: 1000, counts: { yes, no, abstain, blank: 0 }, blankProxies })],
          });
          expect(r.votesCast).toBe(yes + no + blankProxies);
          expect(r.adopted).toBe(r.yesNeeded !== null && yes >= r.yesNeeded);
        },
      ),
    );
  });
});
