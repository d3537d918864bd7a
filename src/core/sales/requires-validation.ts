/**
 * Whether a member's invoice must be validated by support before it is issued (issue 5): always for a
 * member under CAPE (the cooperative answers for the beneficiary's commitments, C. com. L127-4), and above
 * the amount ceiling set for the member. People who validate invoices issue their own directly.
 */
export function requiresValidation(input: {
  actorValidates: boolean;
  memberStage: string | null;
  ceilingCents: number | null;
  totalInclCents: number;
}): boolean {
  if (input.actorValidates) return false;
  if (input.memberStage === 'cape') return true;
  return input.ceilingCents !== null && input.totalInclCents > input.ceilingCents;
}
