import type { MajorityRule, QuorumRule } from './assembly-rules.ts';
import { basisPoints, reaches, smallestReaching } from './fraction.ts';

export const voteChoices = ['yes', 'no', 'abstain', 'blank'] as const;
export type VoteChoice = (typeof voteChoices)[number];
export type VoteCounts = Record<VoteChoice, number>;

/** One college's figures (or the whole assembly, as a single college '' weighing 100 %). */
export type CollegeFigures = {
  college: string;
  /** Share of the votes, in basis points; 10 000 without colleges. */
  weightBp: number;
  /** Associates entitled to vote. */
  eligible: number;
  /** Associates taking part in this vote: present, remote when it counts, postal, represented, blank proxies. */
  participants: number;
  /** Ballots cast, one per associate (a proxy holder casts one per associate represented). */
  counts: VoteCounts;
  /** Proxies with no holder named: for the resolution if the board backs it, against otherwise ([33]). */
  blankProxies: number;
};

export type CollegeResult = {
  college: string;
  weightBp: number;
  counts: VoteCounts;
  votesCast: number;
  base: number;
  /** yes / base in basis points, rounded down; null when the base is empty. */
  yesBp: number | null;
};

export type ResolutionTally = {
  quorum: { reached: boolean; participants: number; eligible: number; needed: number };
  majority: MajorityRule;
  colleges: CollegeResult[];
  counts: VoteCounts;
  votesCast: number;
  /** Yes votes needed (without colleges), null when weighted by colleges. */
  yesNeeded: number | null;
  /** The weighted yes share, in basis points rounded down; null when no base has any vote. */
  yesBp: number | null;
  adopted: boolean;
};

const baseOf = (rule: MajorityRule, c: CollegeFigures, counts: VoteCounts) =>
  rule.base === 'votesCast'
    ? counts.yes + counts.no
    : rule.base === 'presentOrRepresented'
      ? c.participants
      : c.eligible;

/**
 * The result of one resolution (cae-domain.md §3.2): the quorum (those taking part against all associates
 * entitled to vote), then the majority on its base. Abstentions and blank votes are not votes cast
 * (L225-96, L225-98). In a SCIC with colleges, each college's yes share weighs by the college's weight;
 * the weights of colleges with nobody on the base are shared among the others (loi 1947 art. 19 octies)
 * [NOTE: the usual statutory clause]. A resolution without its quorum is not adopted.
 */
export function tallyResolution(input: {
  quorum: QuorumRule;
  majority: MajorityRule;
  backedByBoard: boolean;
  colleges: readonly CollegeFigures[];
}): ResolutionTally {
  const rule = input.majority;
  const colleges: CollegeResult[] = input.colleges.map((c) => {
    const counts = { ...c.counts };
    const ballots = counts.yes + counts.no + counts.abstain + counts.blank;
    if (ballots + c.blankProxies > c.participants || c.participants > c.eligible || c.weightBp < 0)
      throw new RangeError(`inconsistent figures for college '${c.college}'`);
    if (input.backedByBoard) counts.yes += c.blankProxies;
    else counts.no += c.blankProxies;
    const base = baseOf(rule, c, counts);
    return {
      college: c.college,
      weightBp: c.weightBp,
      counts,
      votesCast: counts.yes + counts.no,
      base,
      yesBp: basisPoints(counts.yes, base),
    };
  });
  const eligible = input.colleges.reduce((a, c) => a + c.eligible, 0);
  const participants = input.colleges.reduce((a, c) => a + c.participants, 0);
  const needed = smallestReaching(eligible, input.quorum.fraction);
  const quorumReached = participants >= needed;
  const counts: VoteCounts = { yes: 0, no: 0, abstain: 0, blank: 0 };
  for (const c of colleges) for (const k of Object.keys(counts) as VoteChoice[]) counts[k] += c.counts[k];

  // Σ w·yes/base over colleges with a base, against f·Σ w: exact in bigint over the product of the bases.
  const counted = colleges.filter((c) => c.base > 0 && c.weightBp > 0);
  let adopted = false;
  let yesBp: number | null = null;
  if (counted.length > 0) {
    const product = counted.reduce((a, c) => a * BigInt(c.base), 1n);
    const weights = counted.reduce((a, c) => a + BigInt(c.weightBp), 0n);
    const weightedYes = counted.reduce(
      (a, c) => a + BigInt(c.weightBp) * BigInt(c.counts.yes) * (product / BigInt(c.base)),
      0n,
    );
    const whole = weights * product;
    adopted = quorumReached && reaches(weightedYes, whole, rule.fraction, rule.strict);
    yesBp = basisPoints(weightedYes, whole);
  }
  const single = colleges.length === 1 ? colleges[0]! : null;
  return {
    quorum: { reached: quorumReached, participants, eligible, needed },
    majority: rule,
    colleges,
    counts,
    votesCast: counts.yes + counts.no,
    yesNeeded: single && single.base > 0 ? smallestReaching(single.base, rule.fraction, rule.strict) : null,
    yesBp,
    adopted,
  };
}
