import type { ErrorCode } from '../errors/error-catalog.ts';

/**
 * The rules a journey must follow, each with the text it comes from (cae-domain.md §1). The error catalog
 * holds the message that names the rule; this table holds the citation shown beside it.
 */
export const journeyRules = {
  JOURNEY_DATES_OUT_OF_ORDER: { citation: null },
  JOURNEY_CAPE_TOO_LONG: { citation: 'C. com. L127-2' },
  JOURNEY_CAPE_TOO_MANY_RENEWALS: { citation: 'C. com. L127-2' },
  JOURNEY_CAPE_RENEWAL_AFTER_TERM: { citation: 'C. com. L127-2' },
  JOURNEY_TRIAL_TOO_LONG: { citation: 'C. trav. L7332-1' },
  JOURNEY_TRIAL_RENEWED_AFTER_END: { citation: 'C. trav. L1221-21' },
  JOURNEY_CONTRACTS_OVERLAP: { citation: null },
  JOURNEY_ASSOCIATE_BEFORE_CONTRACT: { citation: 'C. trav. L7331-2' },
  JOURNEY_CONTRACT_ENDED_TWICE: { citation: null },
  JOURNEY_ENTRY_AFTER_EXIT: { citation: null },
  JOURNEY_DUPLICATE_ENTRY: { citation: null },
  JOURNEY_AMENDMENT_NUMBERING: { citation: null },
  JOURNEY_AMENDMENT_AFTER_END: { citation: null },
  JOURNEY_UNKNOWN_CONTRACT: { citation: null },
} as const satisfies Partial<Record<ErrorCode, { citation: string | null }>>;

export type JourneyRule = keyof typeof journeyRules;

/** Legal limits, with their sources. Constants of the law ([LAW] in cae-domain.md), not settings. */
export const journeyLimits = {
  /** C. com. L127-2: a CAPE lasts at most 12 months… */
  capeTermMonths: 12,
  /** …renewable twice, by written amendment. */
  capeMaxRenewals: 2,
  /** C. trav. L7332-1: trial period at most 8 months, renewal included, minus earlier contracts. */
  trialMaxMonths: 8,
  /** C. trav. L7331-3: associate within 3 years of the CESA, minus earlier contracts. */
  associateWithinMonths: 36,
  /** Décret 2015-1363 (C. trav. R7331-…): at least two individual support interviews a year. */
  supportInterviewsPerYear: 2,
} as const;

/** What a refusal carries: the rule, where it comes from, the entry at fault and the figures to explain. */
export type JourneyViolation = {
  rule: JourneyRule;
  citation: string | null;
  entryId: string;
  details: Record<string, string | number>;
};
