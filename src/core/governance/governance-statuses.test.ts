import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { legalAssemblyRules } from './assembly-rules.ts';
import { checkResolutionMajority, remoteExcludedFor } from './check-resolution-majority.ts';
import {
  assertGovernanceTransition,
  canGovernanceTransition,
  governanceTransitions,
} from './governance-statuses.ts';

describe('governance statuses', () => {
  it('convenes, sits and closes an assembly; a closed assembly never reopens', () => {
    expect(canGovernanceTransition('assembly', 'draft', 'convened')).toBe(true);
    expect(canGovernanceTransition('assembly', 'convened', 'inSession')).toBe(true);
    expect(canGovernanceTransition('assembly', 'inSession', 'closed')).toBe(true);
    expect(canGovernanceTransition('assembly', 'draft', 'inSession')).toBe(false);
    expect(canGovernanceTransition('assembly', 'inSession', 'cancelled')).toBe(false);
    expect(() => assertGovernanceTransition('assembly', 'closed', 'inSession')).toThrow(AppError);
  });

  it('opens a vote once and closes it once', () => {
    expect(canGovernanceTransition('resolution', 'pending', 'open')).toBe(true);
    expect(canGovernanceTransition('resolution', 'closed', 'open')).toBe(false);
    expect(canGovernanceTransition('resolution', 'pending', 'closed')).toBe(false);
  });

  it('has final statuses with no way out, and every target is a known status', () => {
    for (const [kind, table] of Object.entries(governanceTransitions)) {
      const statuses = Object.keys(table);
      for (const targets of Object.values(table) as readonly string[][])
        for (const t of targets) expect(statuses, `${kind} → ${t}`).toContain(t);
    }
    expect(governanceTransitions.subscription.paid).toEqual([]);
    expect(governanceTransitions.refund.paid).toEqual([]);
    expect(governanceTransitions.consultation.closed).toEqual([]);
  });
});

describe('checkResolutionMajority', () => {
  const sa = legalAssemblyRules('SCOP_SA');
  it('refuses a resolution without a majority rule, or with one looser than its assembly’s', () => {
    expect(() => checkResolutionMajority(null, sa.extraordinary.first)).toThrow(
      'RESOLUTION_MAJORITY_REQUIRED',
    );
    expect(() =>
      checkResolutionMajority(
        { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' },
        sa.extraordinary.first,
      ),
    ).toThrow('RESOLUTION_MAJORITY_TOO_LOW');
    const stricter = { fraction: { num: 3, den: 4 }, strict: false, base: 'votesCast' as const };
    expect(checkResolutionMajority(stricter, sa.extraordinary.first)).toBe(stricter);
  });

  it('excludes remote participants from approving the accounts in a SARL only', () => {
    expect(remoteExcludedFor('SCOP_SARL', true)).toBe(true);
    expect(remoteExcludedFor('SCOP_SARL', false)).toBe(false);
    expect(remoteExcludedFor('SCOP_SA', true)).toBe(false);
  });
});
