import type { LegalForm } from '../cooperative/legal-forms.ts';
import { AppError } from '../errors/app-error.ts';
import { type CallRules, companyFormOf, type MajorityRule } from './assembly-rules.ts';
import { formatFraction } from './fraction.ts';
import { isMajorityAtLeastAsStrict } from './legal-floor-rules.ts';

/**
 * Every resolution on an agenda carries its majority rule; it may be stricter than the rule of its
 * assembly type and call (statutes often ask more to exclude an associate), never looser.
 */
export function checkResolutionMajority(
  majority: MajorityRule | null | undefined,
  callRules: CallRules,
): MajorityRule {
  if (!majority) throw new AppError('RESOLUTION_MAJORITY_REQUIRED');
  if (!isMajorityAtLeastAsStrict(majority, callRules.majority))
    throw new AppError('RESOLUTION_MAJORITY_TOO_LOW', {
      required: `${callRules.majority.strict ? '>' : '≥'} ${formatFraction(callRules.majority.fraction)}`,
    });
  return majority;
}

/** SARL: taking part remotely does not count for approving the annual accounts (L223-27, [41]). */
export function remoteExcludedFor(legalForm: LegalForm, approvesAccounts: boolean): boolean {
  return approvesAccounts && companyFormOf(legalForm) === 'SARL';
}
