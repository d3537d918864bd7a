import { z } from 'zod';
import { basisPoints, reaches } from './fraction.ts';

/**
 * A consultation outside assemblies (Loomio-style): a proposal with options, a closing instant, a
 * participation quorum (share of the associates who took part, abstentions included) and a share of the
 * votes cast that the leading option needs. It informs; it does not replace an assembly's decision (some
 * statutes forbid written consultations, [33]).
 */
export const ConsultationRules = z.strictObject({
  options: z.array(z.string().trim().min(1).max(200)).min(2).max(20),
  participationQuorumBp: z.number().int().min(0).max(10_000),
  requiredShareBp: z.number().int().min(1).max(10_000),
  anonymous: z.boolean(),
});
export type ConsultationRules = z.infer<typeof ConsultationRules>;

export type ConsultationOutcome = {
  eligible: number;
  participants: number;
  abstentions: number;
  votesCast: number;
  /** Votes per option, in the options' order. */
  votes: number[];
  participationBp: number | null;
  quorumReached: boolean;
  /** The option that won, or null: no quorum, a tie at the top, or the leader below the required share. */
  winner: number | null;
  result: 'adopted' | 'noQuorum' | 'tie' | 'belowRequiredShare' | 'noVotes';
};

/**
 * The outcome of a closed consultation. Abstentions count for participation, not as votes cast. The
 * leading option wins when it is alone at the top and holds at least the required share of votes cast.
 */
export function consultationOutcome(input: {
  rules: Pick<ConsultationRules, 'options' | 'participationQuorumBp' | 'requiredShareBp'>;
  eligible: number;
  votes: readonly number[];
  abstentions: number;
}): ConsultationOutcome {
  const { rules, eligible, abstentions } = input;
  if (input.votes.length !== rules.options.length) throw new RangeError('one count per option');
  const votes = [...input.votes];
  const votesCast = votes.reduce((a, v) => a + v, 0);
  const participants = votesCast + abstentions;
  if (participants > eligible) throw new RangeError('more participants than associates');
  const quorumReached = reaches(participants, eligible, { num: rules.participationQuorumBp, den: 10_000 });
  const top = Math.max(...votes);
  const leaders = votes.flatMap((v, i) => (v === top ? [i] : []));
  const base = {
    eligible,
    participants,
    abstentions,
    votesCast,
    votes,
    participationBp: basisPoints(participants, eligible),
    quorumReached,
  };
  if (!quorumReached) return { ...base, winner: null, result: 'noQuorum' };
  if (votesCast === 0) return { ...base, winner: null, result: 'noVotes' };
  if (leaders.length > 1) return { ...base, winner: null, result: 'tie' };
  if (!reaches(top, votesCast, { num: rules.requiredShareBp, den: 10_000 }))
    return { ...base, winner: null, result: 'belowRequiredShare' };
  return { ...base, winner: leaders[0]!, result: 'adopted' };
}
