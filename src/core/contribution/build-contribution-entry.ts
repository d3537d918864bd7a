import type { PostEntryInput } from '../ledger/entry-schemas.ts';
import { allocate } from '../money/allocate.ts';
import type { ProceedsShare } from './contribution-policy.ts';

/** The accounts of the contribution (minimal-chart.ts; ledger.md, posting rules). */
export const contributionAccounts = { expense: '628100', income: '708100', bank: '512000' } as const;

/**
 * Splits a contribution between the funds named by the policy and the structure, which keeps the rest;
 * the parts add up to the amount exactly (largest remainder). Parts of zero are left out.
 */
export function splitProceeds(
  amountCents: bigint,
  split: readonly ProceedsShare[],
  structureId: string,
): { activityId: string; cents: bigint }[] {
  const rest = 10_000 - split.reduce((s, p) => s + p.shareBp, 0);
  const targets = [...split.map((p) => ({ id: p.activityId, w: p.shareBp })), { id: structureId, w: rest }];
  const parts = allocate(
    amountCents,
    targets.map((t) => t.w),
  );
  return targets.map((t, i) => ({ activityId: t.id, cents: parts[i]! })).filter((p) => p.cents !== 0n);
}

/**
 * The internal transfer for one activity and month (ledger.md: D 628100 · C 512 on the activity; D 512 ·
 * C 708100 on the structure, and on each fund for its share). A negative amount (a credit note, a new
 * exemption) gives back: the same lines on the other side.
 */
export function buildContributionEntry(input: {
  activity: { id: string; code: string };
  month: string;
  entryDate: string;
  amountCents: bigint;
  split: readonly ProceedsShare[];
  structureId: string;
  idempotencyKey: string;
}): PostEntryInput {
  const { activity, month, amountCents } = input;
  if (amountCents === 0n) throw new RangeError('nothing to post for a zero contribution');
  const abs = amountCents < 0n ? -amountCents : amountCents;
  const give = amountCents > 0n;
  const side = (cents: bigint, debit: boolean) => (debit ? { debitCents: cents } : { creditCents: cents });
  const lines: PostEntryInput['lines'] = [
    { accountNumber: contributionAccounts.expense, activityId: activity.id, ...side(abs, give) },
    { accountNumber: contributionAccounts.bank, activityId: activity.id, ...side(abs, !give) },
  ];
  for (const part of splitProceeds(abs, input.split, input.structureId)) {
    lines.push({
      accountNumber: contributionAccounts.bank,
      activityId: part.activityId,
      ...side(part.cents, give),
    });
    lines.push({
      accountNumber: contributionAccounts.income,
      activityId: part.activityId,
      ...side(part.cents, !give),
    });
  }
  const label = give ? `Contribution coopérative ${month}` : `Régularisation de contribution ${month}`;
  return {
    journalCode: 'CTB',
    entryDate: input.entryDate,
    pieceRef: `CTB-${activity.code}-${month}`.slice(0, 60),
    pieceDate: input.entryDate,
    label: `${label} ${activity.code}`.slice(0, 200),
    source: { type: 'contribution_run', id: `${month}:${activity.id}` },
    idempotencyKey: input.idempotencyKey,
    lines,
  };
}
