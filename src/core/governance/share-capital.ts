import { AppError } from '../errors/app-error.ts';

/**
 * Shares are indivisible and of one nominal value (cae-domain.md §3.3): an amount buys whole shares only.
 */
export function sharesForAmount(amountCents: bigint, nominalCents: bigint): bigint {
  if (nominalCents <= 0n) throw new RangeError('the nominal value must be positive');
  if (amountCents <= 0n || amountCents % nominalCents !== 0n)
    throw new AppError('SHARES_NOT_WHOLE', {
      amountCents: String(amountCents),
      nominalCents: String(nominalCents),
    });
  return amountCents / nominalCents;
}

/**
 * Checks a subscription: a whole, positive number of shares; on admission, at least the statutes' minimum.
 */
export function checkSubscription(input: {
  shares: number;
  alreadyHeld: number;
  minimumShares: number;
}): void {
  if (!Number.isSafeInteger(input.shares) || input.shares < 1)
    throw new AppError('SHARES_NOT_WHOLE', { shares: input.shares });
  if (input.alreadyHeld + input.shares < input.minimumShares)
    throw new AppError('SHARES_BELOW_MINIMUM', { minimum: input.minimumShares });
}

/** The highest capital ever reached, from the capital movements in order (the refund floor's reference). */
export function highestCapital(deltasInOrder: readonly bigint[], start = 0n): bigint {
  let capital = start;
  let highest = start;
  for (const d of deltasInOrder) {
    capital += d;
    if (capital > highest) highest = capital;
  }
  return highest;
}

/** Capital may not fall through refunds below half of the highest capital reached ([33]); rounded up. */
export function capitalFloor(highestCents: bigint): bigint {
  return (highestCents + 1n) / 2n;
}
