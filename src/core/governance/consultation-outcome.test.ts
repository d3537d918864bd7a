import { describe, expect, it } from 'vitest';
import { consultationOutcome } from './consultation-outcome.ts';

const rules = {
  options: ['Pour', 'Contre', 'Autre date'],
  participationQuorumBp: 2500,
  requiredShareBp: 5001,
};

describe('consultationOutcome', () => {
  it('needs the participation quorum: 25 of 100 taking part reach 25 %, 24 do not; abstentions take part', () => {
    expect(consultationOutcome({ rules, eligible: 100, votes: [20, 4, 0], abstentions: 1 })).toMatchObject({
      quorumReached: true,
      winner: 0,
      result: 'adopted',
      participationBp: 2500,
    });
    expect(consultationOutcome({ rules, eligible: 100, votes: [20, 3, 0], abstentions: 1 })).toMatchObject({
      quorumReached: false,
      winner: null,
      result: 'noQuorum',
    });
  });

  it('needs the required share of votes cast, abstentions left out', () => {
    // 50.01 % needed: 5001 of 10 000 pass, 5000 do not.
    const wide = { ...rules, participationQuorumBp: 0 };
    expect(
      consultationOutcome({ rules: wide, eligible: 20_000, votes: [5001, 4999, 0], abstentions: 9000 })
        .result,
    ).toBe('adopted');
    expect(
      consultationOutcome({ rules: wide, eligible: 20_000, votes: [5000, 4000, 1000], abstentions: 0 })
        .result,
    ).toBe('belowRequiredShare');
  });

  it('declares no winner on a tie at the top, or with no votes', () => {
    const loose = { ...rules, participationQuorumBp: 0, requiredShareBp: 1 };
    expect(consultationOutcome({ rules: loose, eligible: 10, votes: [3, 3, 1], abstentions: 0 }).result).toBe(
      'tie',
    );
    expect(consultationOutcome({ rules: loose, eligible: 10, votes: [0, 0, 0], abstentions: 2 }).result).toBe(
      'noVotes',
    );
    expect(consultationOutcome({ rules: loose, eligible: 10, votes: [1, 3, 2], abstentions: 0 }).winner).toBe(
      1,
    );
  });

  it('refuses counts that do not match the options or exceed the associates', () => {
    expect(() => consultationOutcome({ rules, eligible: 10, votes: [1, 2], abstentions: 0 })).toThrow(
      RangeError,
    );
    expect(() => consultationOutcome({ rules, eligible: 2, votes: [1, 1, 1], abstentions: 0 })).toThrow(
      RangeError,
    );
  });
});
