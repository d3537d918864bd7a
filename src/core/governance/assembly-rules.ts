import { z } from 'zod';
import type { LegalForm } from '../cooperative/legal-forms.ts';
import { type Fraction, FractionSchema } from './fraction.ts';

/** AGO approves the accounts, elects, admits; AGE changes the statutes, excludes, dissolves (cae-domain.md §3.2). */
export const assemblyTypes = ['ordinary', 'extraordinary'] as const;
export const AssemblyType = z.enum(assemblyTypes);
export type AssemblyType = z.infer<typeof AssemblyType>;

/** First call, or a later call after the first one lacked its quorum. */
export const assemblyCalls = ['first', 'second'] as const;
export const AssemblyCall = z.enum(assemblyCalls);
export type AssemblyCall = z.infer<typeof AssemblyCall>;

/**
 * What a majority is counted on, from the smallest base to the largest:
 * - votesCast: yes + no; abstentions, blank and void votes are not votes cast (C. com. L225-96, L225-98
 *   as amended by loi 2019-744);
 * - presentOrRepresented: every associate taking part in the vote (an abstention then weighs as a no);
 * - allAssociates: every associate entitled to vote, present or not.
 * In a cooperative each associate has one vote whatever their capital, so bases count associates (votes
 * "that can be validly cast", loi 1947 / cae-domain.md §3.2), never capital.
 */
export const majorityBases = ['votesCast', 'presentOrRepresented', 'allAssociates'] as const;
export const MajorityBase = z.enum(majorityBases);
export type MajorityBase = z.infer<typeof MajorityBase>;

/** A majority: at least `fraction` of the base, or more than it when `strict` ("more than half"). */
export const MajorityRule = z.strictObject({
  fraction: FractionSchema,
  strict: z.boolean(),
  base: MajorityBase,
});
export type MajorityRule = { fraction: Fraction; strict: boolean; base: MajorityBase };

/**
 * A quorum: those taking part (present, remote when allowed, postal votes, represented) must be at least
 * `fraction` of the associates entitled to vote. A zero fraction means no quorum.
 */
export const QuorumRule = z.strictObject({
  fraction: FractionSchema,
  base: z.literal('allAssociates'),
});
export type QuorumRule = { fraction: Fraction; base: 'allAssociates' };

export type CallRules = { quorum: QuorumRule; majority: MajorityRule };
export type AssemblyRules = Record<AssemblyType, Record<AssemblyCall, CallRules>>;

export const CallRulesSchema = z.strictObject({ quorum: QuorumRule, majority: MajorityRule });

const f = (num: number, den: number): Fraction => ({ num, den });
const quorum = (num: number, den: number): QuorumRule => ({ fraction: f(num, den), base: 'allAssociates' });
const moreThanHalf = (base: MajorityBase): MajorityRule => ({ fraction: f(1, 2), strict: true, base });
const atLeast = (num: number, den: number, base: MajorityBase): MajorityRule => ({
  fraction: f(num, den),
  strict: false,
  base,
});

/**
 * SA (cae-domain.md §3.2, [37], [38]): AGO quorum 1/5 on first call, none on the second, majority of
 * votes cast (L225-98); AGE quorum 1/4 on first call and 1/5 on the second, 2/3 of votes cast (L225-96).
 */
const saRules: AssemblyRules = {
  ordinary: {
    first: { quorum: quorum(1, 5), majority: moreThanHalf('votesCast') },
    second: { quorum: quorum(0, 1), majority: moreThanHalf('votesCast') },
  },
  extraordinary: {
    first: { quorum: quorum(1, 4), majority: atLeast(2, 3, 'votesCast') },
    second: { quorum: quorum(1, 5), majority: atLeast(2, 3, 'votesCast') },
  },
};

/**
 * SCOP SARL (cae-domain.md §3.2, model statutes [33]; L223-29, L223-30 count on the associates present or
 * represented): AGO on first call needs a majority of all associates, on the second a majority of those
 * present or represented; AGE quorum 3/4 on first call and 1/2 on the second, majority 3/4 of those
 * present or represented.
 */
const sarlRules: AssemblyRules = {
  ordinary: {
    first: { quorum: quorum(0, 1), majority: moreThanHalf('allAssociates') },
    second: { quorum: quorum(0, 1), majority: moreThanHalf('presentOrRepresented') },
  },
  extraordinary: {
    first: { quorum: quorum(3, 4), majority: atLeast(3, 4, 'presentOrRepresented') },
    second: { quorum: quorum(1, 2), majority: atLeast(3, 4, 'presentOrRepresented') },
  },
};

export type CompanyForm = 'SA' | 'SAS' | 'SARL';

export function companyFormOf(legalForm: LegalForm): CompanyForm {
  return legalForm.split('_')[1] as CompanyForm;
}

/**
 * The legal defaults for a legal form. An SAS's statutes fix the rules freely (C. com. L227-9, [41]):
 * with no rule of its own, Mutua starts from the SA rules, the form an SAS cooperative's statutes most
 * often copy [NOTE]; the statutes then set their own (`resolveAssemblyRules`).
 */
export function legalAssemblyRules(legalForm: LegalForm): AssemblyRules {
  const rules = companyFormOf(legalForm) === 'SARL' ? sarlRules : saRules;
  return structuredClone(rules);
}

/** Whether the law itself sets the rules (SA, SARL) or leaves them to the statutes (SAS). */
export function statutesSetRulesFreely(legalForm: LegalForm): boolean {
  return companyFormOf(legalForm) === 'SAS';
}

/**
 * Notice delays, counted in days from sending to the meeting: at least 15 days on first call, 10 on later
 * calls (SA, R225-69, [39]); statutes can lengthen, never shorten them.
 */
export const legalNoticeDays: Record<AssemblyCall, number> = { first: 15, second: 10 };
