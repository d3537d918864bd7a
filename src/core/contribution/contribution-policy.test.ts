import { describe, expect, it } from 'vitest';
import {
  ContributionExemptionRequest,
  ContributionPolicy,
  ContributionPolicyVersion,
} from './contribution-policy.ts';
import { findOverlappingVersions, isVersionEditable, versionInForce } from './policy-versions.ts';

const good = {
  base: 'gross_margin',
  marginPurchaseAccounts: ['604', '611'],
  schedule: {
    brackets: [
      { fromCents: 0, rateBp: 1_350 },
      { fromCents: 5_000_000, rateBp: 1_000 },
    ],
    monthlyFeeCents: 3_000,
  },
};
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('the contribution policy', () => {
  it('accepts Coopaname-like and sliding-scale policies', () => {
    expect(ContributionPolicy.safeParse(good).success).toBe(true);
    const parsed = ContributionPolicy.parse({ ...good, base: 'collected', marginPurchaseAccounts: [] });
    expect(parsed.cape).toEqual({ mode: 'same' });
    expect(parsed.split).toEqual([]);
  });

  it('refuses brackets that do not increase, negative rates or fees, rates above 100 %', () => {
    const bad = (schedule: unknown) => messages(ContributionPolicy.safeParse({ ...good, schedule }));
    expect(
      bad({
        brackets: [
          { fromCents: 0, rateBp: 1_000 },
          { fromCents: 0, rateBp: 500 },
        ],
        monthlyFeeCents: 0,
      }),
    ).toContain('contribution.bracketsIncreasing');
    expect(bad({ brackets: [{ fromCents: 100, rateBp: 1_000 }], monthlyFeeCents: 0 })).toContain(
      'contribution.firstBracket',
    );
    expect(bad({ brackets: [{ fromCents: 0, rateBp: -1 }], monthlyFeeCents: 0 })).toContain(
      'contribution.negative',
    );
    expect(bad({ brackets: [{ fromCents: 0, rateBp: 10_001 }], monthlyFeeCents: 0 })).toContain(
      'contribution.rateAbove100',
    );
    expect(bad({ brackets: [{ fromCents: 0, rateBp: 1_000 }], monthlyFeeCents: -3_000 })).toContain(
      'contribution.negative',
    );
    expect(bad({ brackets: [], monthlyFeeCents: 0 })).toContain('contribution.bracketsRequired');
    expect(bad({ brackets: [{ fromCents: 0, rateBp: 12.5 }], monthlyFeeCents: 0 })).toContain(
      'contribution.rate',
    );
  });

  it('refuses a gross margin without purchase accounts, a split above 100 %, duplicate targets', () => {
    expect(messages(ContributionPolicy.safeParse({ ...good, marginPurchaseAccounts: [] }))).toContain(
      'contribution.marginAccounts',
    );
    expect(messages(ContributionPolicy.safeParse({ ...good, marginPurchaseAccounts: ['411'] }))).toContain(
      'contribution.purchaseAccount',
    );
    const fund = '00000000-0000-4000-8000-00000000000f';
    expect(
      messages(
        ContributionPolicy.safeParse({
          ...good,
          split: [
            { activityId: fund, shareBp: 6_000 },
            { activityId: '00000000-0000-4000-8000-00000000000e', shareBp: 5_000 },
          ],
        }),
      ),
    ).toContain('contribution.splitAbove100');
    expect(
      messages(
        ContributionPolicy.safeParse({
          ...good,
          overrides: [
            { target: { type: 'kind', kind: 'member' }, schedule: good.schedule },
            { target: { type: 'kind', kind: 'member' }, schedule: good.schedule },
          ],
        }),
      ),
    ).toContain('contribution.duplicate');
  });

  it('starts a version on the first of a month and refuses an end before its start', () => {
    expect(ContributionPolicyVersion.safeParse({ validFrom: '2026-01-01', policy: good }).success).toBe(true);
    expect(
      messages(ContributionPolicyVersion.safeParse({ validFrom: '2026-01-15', policy: good })),
    ).toContain('contribution.monthStart');
    expect(
      messages(
        ContributionPolicyVersion.safeParse({ validFrom: '2026-03-01', validTo: '2026-02-28', policy: good }),
      ),
    ).toContain('contribution.validToBeforeFrom');
  });

  it('finds overlapping versions and the one in force; only a future version is editable', () => {
    const versions = [
      { validFrom: '2025-01-01', validTo: '2025-12-31' },
      { validFrom: '2026-01-01', validTo: null },
    ];
    expect(findOverlappingVersions(versions)).toEqual([]);
    expect(findOverlappingVersions([...versions, { validFrom: '2026-06-01', validTo: null }])).toEqual([
      [1, 2],
    ]);
    expect(
      findOverlappingVersions([{ validFrom: '2025-06-01', validTo: '2026-01-01' }, ...versions]),
    ).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(versionInForce(versions, '2026-03-01')).toBe(versions[1]);
    expect(versionInForce(versions, '2024-12-31')).toBeUndefined();
    expect(isVersionEditable({ validFrom: '2026-04-01', validTo: null }, '2026-03-02')).toBe(true);
    expect(isVersionEditable({ validFrom: '2026-03-01', validTo: null }, '2026-03-02')).toBe(false);
  });

  it('refuses an exemption without a reason or ending before it starts', () => {
    const e = { memberId: '00000000-0000-4000-8000-000000000001', fromOn: '2026-03-16', toOn: '2026-05-15' };
    expect(messages(ContributionExemptionRequest.safeParse(e))).toContain('contribution.reasonRequired');
    expect(messages(ContributionExemptionRequest.safeParse({ ...e, reason: '  ' }))).toContain(
      'contribution.reasonRequired',
    );
    expect(
      messages(
        ContributionExemptionRequest.safeParse({ ...e, toOn: '2026-03-01', reason: 'Bénéficiaire du RSA' }),
      ),
    ).toContain('contribution.validToBeforeFrom');
    expect(ContributionExemptionRequest.safeParse({ ...e, reason: 'Bénéficiaire du RSA' }).success).toBe(
      true,
    );
  });
});
