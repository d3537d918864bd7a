import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { allocate } from '../money/allocate.ts';
import {
  checkRefundPayment,
  computeRefundAmount,
  type PendingRefund,
  planRefunds,
  refundTerms,
} from './plan-refunds.ts';

const r = (
  id: string,
  exitOn: string,
  amountCents: bigint | null,
  capitalCents = amountCents ?? 1n,
): PendingRefund => ({
  id,
  exitOn,
  capitalCents,
  amountCents,
  dueBy: '2031-01-01',
});
const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

describe('refund terms', () => {
  it('fixes the amount at the close of the year of departure and pays within five years', () => {
    expect(refundTerms('2026-03-15', '12-31', 5)).toEqual({ fixedOn: '2026-12-31', dueBy: '2031-03-15' });
    expect(refundTerms('2026-07-01', '06-30', 5)).toEqual({ fixedOn: '2027-06-30', dueBy: '2031-07-01' });
    expect(refundTerms('2026-06-30', '06-30', 3).fixedOn).toBe('2026-06-30');
  });
});

describe('computeRefundAmount', () => {
  it('refunds the nominal value when the close left no loss on the capital', () => {
    expect(
      computeRefundAmount({
        nominalCents: 10_000n,
        capitalAtCloseCents: 1_000_000n,
        uncoveredLossesCents: 0n,
      }),
    ).toBe(10_000n);
  });

  it('takes the share of losses pro rata of the capital, rounded in the cooperative’s favour', () => {
    // 10 % of the capital lost: 100 € of shares refund 90 €.
    expect(
      computeRefundAmount({
        nominalCents: 10_000n,
        capitalAtCloseCents: 1_000_000n,
        uncoveredLossesCents: 100_000n,
      }),
    ).toBe(9_000n);
    // 1/3 of a cent of loss share rounds up to one cent.
    expect(computeRefundAmount({ nominalCents: 1n, capitalAtCloseCents: 3n, uncoveredLossesCents: 1n })).toBe(
      0n,
    );
    expect(
      computeRefundAmount({ nominalCents: 100n, capitalAtCloseCents: 300n, uncoveredLossesCents: 1n }),
    ).toBe(99n);
    expect(
      computeRefundAmount({ nominalCents: 100n, capitalAtCloseCents: 300n, uncoveredLossesCents: 5000n }),
    ).toBe(0n);
  });

  it('never refunds more than the nominal, nor in total more than the capital left after losses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (holdings, lossSeed) => {
          const capital = holdings.reduce((a, b) => a + BigInt(b), 0n);
          const losses = BigInt(lossSeed) % (capital + 1n);
          const refunds = holdings.map((n) =>
            computeRefundAmount({
              nominalCents: BigInt(n),
              capitalAtCloseCents: capital,
              uncoveredLossesCents: losses,
            }),
          );
          refunds.forEach((amount, i) => {
            expect(amount >= 0n && amount <= BigInt(holdings[i]!)).toBe(true);
          });
          expect(refunds.reduce((a, b) => a + b, 0n) <= capital - losses).toBe(true);
          // Within one cent per associate of an exact split of the losses.
          const exact = allocate(capital - losses, holdings);
          for (const [i, amount] of refunds.entries()) expect(exact[i]! - amount <= 1n).toBe(true);
        },
      ),
    );
  });
});

describe('planRefunds', () => {
  it('pays in the order of departure while the capital stays above half of the highest reached', () => {
    // Highest 10 000, floor 5 000; capital 8 000.
    const plan = planRefunds({
      capitalCents: 8000n,
      highestCapitalCents: 10_000n,
      refunds: [
        r('late', '2026-05-01', 1000n),
        r('early', '2026-01-15', 2000n),
        r('last', '2026-09-01', 500n),
      ],
      today: '2026-12-31',
    });
    expect(plan.map((p) => [p.id, p.payable, p.reason, p.capitalAfterCents])).toEqual([
      ['early', true, null, 6000n],
      ['late', true, null, 5000n],
      ['last', false, 'capitalFloor', 4500n],
    ]);
  });

  it('makes later departures wait behind one that waits, even a small one that would fit', () => {
    const plan = planRefunds({
      capitalCents: 8000n,
      highestCapitalCents: 10_000n,
      refunds: [r('big', '2026-01-01', 3001n), r('small', '2026-02-01', 10n), r('open', '2026-03-01', null)],
      today: '2026-12-31',
    });
    expect(plan.map((p) => [p.id, p.reason])).toEqual([
      ['big', 'capitalFloor'],
      ['small', 'earlierRefundWaiting'],
      ['open', 'earlierRefundWaiting'],
    ]);
    expect(
      planRefunds({
        capitalCents: 8000n,
        highestCapitalCents: 10_000n,
        refunds: [r('open', '2026-03-01', null), r('b', '2026-04-01', 1n)],
        today: '2026-12-31',
      }).map((p) => p.reason),
    ).toEqual(['amountNotFixed', 'earlierRefundWaiting']);
  });

  it('pays the refund that lands exactly on the floor, and holds the one a cent below', () => {
    const at = (amount: bigint) =>
      planRefunds({
        capitalCents: 8000n,
        highestCapitalCents: 10_000n,
        refunds: [r('a', '2026-01-01', amount)],
        today: '2026-01-02',
      })[0]!;
    expect(at(3000n).payable).toBe(true);
    expect(at(3001n)).toMatchObject({ payable: false, reason: 'capitalFloor', floorCents: 5000n });
  });

  it('lowers the capital by the nominal value, not by the smaller amount paid after losses', () => {
    // 3 000 of shares refunded 2 700 after losses: the capital still falls by 3 000, to the floor exactly.
    const [ok] = planRefunds({
      capitalCents: 8000n,
      highestCapitalCents: 10_000n,
      refunds: [r('a', '2026-01-01', 2700n, 3000n)],
      today: '2026-01-02',
    });
    expect(ok).toMatchObject({ payable: true, capitalAfterCents: 5000n });
    const [held] = planRefunds({
      capitalCents: 8000n,
      highestCapitalCents: 10_000n,
      refunds: [r('a', '2026-01-01', 2700n, 3001n)],
      today: '2026-01-02',
    });
    expect(held).toMatchObject({ payable: false, reason: 'capitalFloor', capitalAfterCents: 4999n });
  });

  it('flags refunds past their due date', () => {
    const [p] = planRefunds({
      capitalCents: 100n,
      highestCapitalCents: 100n,
      refunds: [r('a', '2026-01-01', 10n)],
      today: '2031-01-02',
    });
    expect(p!.overdue).toBe(true);
  });

  it('refuses paying out of order, before the amount is fixed, or through the floor', () => {
    const plan = planRefunds({
      capitalCents: 8000n,
      highestCapitalCents: 10_000n,
      refunds: [r('a', '2026-01-01', 1000n), r('b', '2026-02-01', 1000n), r('c', '2026-03-01', 5000n)],
      today: '2026-12-31',
    });
    expect(checkRefundPayment(plan, 'a').id).toBe('a');
    expect(code(() => checkRefundPayment(plan, 'b'))).toBe('REFUND_OUT_OF_ORDER');
    expect(code(() => checkRefundPayment(plan, 'c'))).toBe('REFUND_CAPITAL_FLOOR');
    expect(code(() => checkRefundPayment(plan, 'zzz'))).toBe('NOT_FOUND');
    const open = planRefunds({
      capitalCents: 8000n,
      highestCapitalCents: 10_000n,
      refunds: [r('x', '2026-01-01', null)],
      today: '2026-12-31',
    });
    expect(code(() => checkRefundPayment(open, 'x'))).toBe('REFUND_NOT_FIXED');
  });

  it('never plans a payment that takes the capital below the floor, and keeps the order of departure', () => {
    const refund = fc.record({
      id: fc.uuid(),
      exitOn: fc.integer({ min: 0, max: 2000 }),
      amount: fc.option(fc.bigInt({ min: 0n, max: 5000n })),
      nominal: fc.bigInt({ min: 1n, max: 5000n }),
    });
    fc.assert(
      fc.property(
        fc.array(refund, { maxLength: 20 }),
        fc.bigInt({ min: 0n, max: 50_000n }),
        fc.bigInt({ min: 0n, max: 50_000n }),
        (items, capital, extra) => {
          const highest = capital + extra;
          const plan = planRefunds({
            capitalCents: capital,
            highestCapitalCents: highest,
            refunds: items.map((i) =>
              r(
                i.id,
                new Date(Date.UTC(2026, 0, 1 + i.exitOn)).toISOString().slice(0, 10),
                i.amount,
                i.nominal,
              ),
            ),
            today: '2030-01-01',
          });
          let c = capital;
          let waiting = false;
          for (let i = 0; i < plan.length; i++) {
            const p = plan[i]!;
            if (i > 0) expect(plan[i - 1]!.exitOn <= p.exitOn).toBe(true);
            if (waiting) expect(p.payable).toBe(false);
            if (p.payable) {
              c -= items.find((i) => i.id === p.id)!.nominal;
              expect(c >= (highest + 1n) / 2n).toBe(true);
            } else waiting = true;
          }
        },
      ),
    );
  });
});
