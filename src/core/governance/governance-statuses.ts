import { AppError } from '../errors/app-error.ts';

/**
 * Statuses of governance objects, each with its transition table (architecture.md, convention 9).
 * - assembly: prepared, convened (notice sent), in session, closed (minutes sealed) — or cancelled
 *   before it sits;
 * - resolution vote: pending on the agenda, open for voting, closed (result fixed and shown);
 * - consultation: draft, open, closed (outcome written) — or cancelled while not closed;
 * - subscription: subscribed, paid (certificate issued) — or cancelled before payment;
 * - refund: waiting for the close that fixes its amount, fixed, paid;
 * - associate: active until their exit.
 */
export const governanceTransitions = {
  assembly: {
    draft: ['convened', 'cancelled'],
    convened: ['inSession', 'cancelled'],
    inSession: ['closed'],
    closed: [],
    cancelled: [],
  },
  resolution: {
    pending: ['open'],
    open: ['closed'],
    closed: [],
  },
  consultation: {
    draft: ['open', 'cancelled'],
    open: ['closed', 'cancelled'],
    closed: [],
    cancelled: [],
  },
  subscription: {
    subscribed: ['paid', 'cancelled'],
    paid: [],
    cancelled: [],
  },
  refund: {
    awaitingClose: ['fixed'],
    fixed: ['paid'],
    paid: [],
  },
  associate: {
    active: ['exited'],
    exited: [],
  },
} as const;

type Tables = typeof governanceTransitions;
export type GovernanceObject = keyof Tables;
export type GovernanceStatus<K extends GovernanceObject> = keyof Tables[K] & string;

export const assemblyStatuses = Object.keys(governanceTransitions.assembly) as GovernanceStatus<'assembly'>[];
export const resolutionStatuses = Object.keys(
  governanceTransitions.resolution,
) as GovernanceStatus<'resolution'>[];
export const consultationStatuses = Object.keys(
  governanceTransitions.consultation,
) as GovernanceStatus<'consultation'>[];
export const subscriptionStatuses = Object.keys(
  governanceTransitions.subscription,
) as GovernanceStatus<'subscription'>[];
export const refundStatuses = Object.keys(governanceTransitions.refund) as GovernanceStatus<'refund'>[];

export function canGovernanceTransition<K extends GovernanceObject>(
  kind: K,
  from: GovernanceStatus<K>,
  to: GovernanceStatus<K>,
): boolean {
  const table = governanceTransitions[kind] as unknown as Record<string, readonly string[]>;
  return table[from]?.includes(to) ?? false;
}

/** Throws STATUS_TRANSITION_REFUSED (409) unless the table allows the move. */
export function assertGovernanceTransition<K extends GovernanceObject>(
  kind: K,
  from: GovernanceStatus<K>,
  to: GovernanceStatus<K>,
): void {
  if (!canGovernanceTransition(kind, from, to))
    throw new AppError('STATUS_TRANSITION_REFUSED', { kind, from, to });
}
