import type { LegalForm } from '../cooperative/legal-forms.ts';
import {
  type AssemblyRules,
  companyFormOf,
  legalAssemblyRules,
  type MajorityBase,
  type MajorityRule,
  majorityBases,
} from './assembly-rules.ts';
import { compareFractions } from './fraction.ts';

/**
 * The loosest rules the statutes may set. In an SA and a SARL, the law's own rules (statutes may only
 * raise them, [37]). In an SAS the statutes are free (L227-9, [41]); Mutua still refuses less than a
 * simple majority of the votes cast, below which a "decision" could pass with more noes than yeses [NOTE].
 */
export function legalFloorRules(legalForm: LegalForm): AssemblyRules {
  if (companyFormOf(legalForm) !== 'SAS') return legalAssemblyRules(legalForm);
  const free = {
    quorum: { fraction: { num: 0, den: 1 }, base: 'allAssociates' as const },
    majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'votesCast' as const },
  };
  return {
    ordinary: { first: structuredClone(free), second: structuredClone(free) },
    extraordinary: { first: structuredClone(free), second: structuredClone(free) },
  };
}

const baseRank = (base: MajorityBase) => majorityBases.indexOf(base);

/**
 * Whether every vote that passes `mine` also passes `law`. Yes-votes are the same under both rules, and
 * votes cast ≤ present or represented ≤ all associates; so a rule is at least as strict when its base is
 * at least as large and its threshold at least as high (a strict "more than" beats "at least" at the same
 * fraction). This is sufficient, and the only comparison that holds whatever the attendance.
 */
export function isMajorityAtLeastAsStrict(mine: MajorityRule, law: MajorityRule): boolean {
  if (baseRank(mine.base) < baseRank(law.base)) return false;
  const c = compareFractions(mine.fraction, law.fraction);
  if (c !== 0) return c > 0;
  return mine.strict || !law.strict;
}
