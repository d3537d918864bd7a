import { z } from 'zod';
import type { LegalForm } from '../cooperative/legal-forms.ts';
import {
  type AssemblyCall,
  type AssemblyType,
  assemblyCalls,
  assemblyTypes,
  CallRulesSchema,
  companyFormOf,
  legalAssemblyRules,
  legalNoticeDays,
} from './assembly-rules.ts';
import { compareFractions } from './fraction.ts';
import { isMajorityAtLeastAsStrict, legalFloorRules } from './legal-floor-rules.ts';

/** A college of a SCIC (loi 1947 art. 19 octies): a group of associates whose votes carry a weight. */
export const College = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, { error: 'college.key' }),
  label: z.string().trim().min(1).max(100),
  /** Share of all votes, in basis points (10 % = 1000). */
  weightBp: z.number().int().min(0).max(10_000),
});
export type College = z.infer<typeof College>;

const callRulesByCall = z.strictObject({ first: CallRulesSchema, second: CallRulesSchema });

/**
 * What the statutes say about assemblies and capital. Each value has a legal default for the legal form
 * (`defaultGovernanceSettings`); the statutes may tighten the rules, never loosen them
 * (`checkGovernanceSettings`).
 */
export const GovernanceSettings = z.strictObject({
  rules: z.strictObject({ ordinary: callRulesByCall, extraordinary: callRulesByCall }),
  noticeDays: z.strictObject({
    first: z.number().int().min(1).max(365),
    second: z.number().int().min(1).max(365),
  }),
  /** A lower cap on proxies per holder than the law's; null keeps the legal cap. */
  proxyCap: z.number().int().min(1).max(10_000).nullable(),
  /** Associates taking part by video or telephone count as present (only if the statutes say so, L225-107). */
  remoteAttendance: z.boolean(),
  /** Postal voting forms (always allowed in an SA, L225-107; per statutes otherwise). */
  postalVoting: z.boolean(),
  /** Nominal value of one share, in cents (statutes, cae-domain.md §3.3). */
  nominalCents: z.number().int().min(1).max(100_000_000),
  /** Shares to subscribe on admission (nobody must subscribe more than one unless the statutes say so). */
  minimumShares: z.number().int().min(1).max(100_000),
  /** Years within which a departed associate's shares are refunded (5 at most, model statutes [33]). */
  refundYears: z.number().int().min(1).max(5),
  /** SCIC colleges with their weights; empty when the cooperative has none. */
  colleges: z.array(College).max(10),
});
export type GovernanceSettings = z.infer<typeof GovernanceSettings>;

/** The legal defaults for a legal form; an SCOP SA with €25 shares unless the statutes say otherwise. */
export function defaultGovernanceSettings(legalForm: LegalForm): GovernanceSettings {
  const sa = companyFormOf(legalForm) === 'SA';
  return {
    rules: legalAssemblyRules(legalForm),
    noticeDays: { ...legalNoticeDays },
    proxyCap: null,
    remoteAttendance: false,
    // L225-107: postal voting is always open to SA shareholders; elsewhere only when the statutes say so.
    postalVoting: sa,
    nominalCents: 2500,
    minimumShares: 1,
    refundYears: 5,
    colleges: [],
  };
}

/** One way the settings break the law, with the path of the offending value. */
export type SettingsViolation = {
  path: string;
  rule:
    | 'quorumLooser'
    | 'majorityLooser'
    | 'noticeShorter'
    | 'postalVotingRequired'
    | 'collegesNotScic'
    | 'collegeWeightOutOfRange'
    | 'collegeWeightsTotal'
    | 'collegesTooFew'
    | 'collegeKeyDuplicate';
};

/**
 * Every way the settings loosen the law for this legal form: a lower quorum, a looser majority, a
 * shorter notice, postal voting removed in an SA, colleges outside a SCIC or with weights outside
 * 10–50 % (loi 1947 art. 19 octies: no college above 50 % nor below 10 % of the votes; at least 3).
 */
export function checkGovernanceSettings(legalForm: LegalForm, s: GovernanceSettings): SettingsViolation[] {
  const violations: SettingsViolation[] = [];
  const floor = legalFloorRules(legalForm);
  for (const type of assemblyTypes as readonly AssemblyType[]) {
    for (const call of assemblyCalls as readonly AssemblyCall[]) {
      const mine = s.rules[type][call];
      const law = floor[type][call];
      if (compareFractions(mine.quorum.fraction, law.quorum.fraction) < 0)
        violations.push({ path: `rules.${type}.${call}.quorum`, rule: 'quorumLooser' });
      if (!isMajorityAtLeastAsStrict(mine.majority, law.majority))
        violations.push({ path: `rules.${type}.${call}.majority`, rule: 'majorityLooser' });
    }
  }
  for (const call of assemblyCalls) {
    if (s.noticeDays[call] < legalNoticeDays[call])
      violations.push({ path: `noticeDays.${call}`, rule: 'noticeShorter' });
  }
  if (companyFormOf(legalForm) === 'SA' && !s.postalVoting)
    violations.push({ path: 'postalVoting', rule: 'postalVotingRequired' });
  if (s.colleges.length > 0) {
    if (!legalForm.startsWith('SCIC_')) violations.push({ path: 'colleges', rule: 'collegesNotScic' });
    if (s.colleges.length < 3) violations.push({ path: 'colleges', rule: 'collegesTooFew' });
    const keys = new Set<string>();
    s.colleges.forEach((c, i) => {
      if (c.weightBp < 1000 || c.weightBp > 5000)
        violations.push({ path: `colleges.${i}.weightBp`, rule: 'collegeWeightOutOfRange' });
      if (keys.has(c.key)) violations.push({ path: `colleges.${i}.key`, rule: 'collegeKeyDuplicate' });
      keys.add(c.key);
    });
    if (s.colleges.reduce((a, c) => a + c.weightBp, 0) !== 10_000)
      violations.push({ path: 'colleges', rule: 'collegeWeightsTotal' });
  }
  return violations;
}
