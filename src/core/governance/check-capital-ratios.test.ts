import { describe, expect, it } from 'vitest';
import { type CapitalHolder, checkCapitalRatios } from './check-capital-ratios.ts';

const h = (
  associateId: string,
  category: CapitalHolder['category'],
  capitalCents: bigint,
): CapitalHolder => ({ associateId, category, capitalCents });
const ok = (checks: ReturnType<typeof checkCapitalRatios>) =>
  Object.fromEntries(checks.map((c) => [c.rule, c.ok]));

describe('checkCapitalRatios', () => {
  it('accepts employees holding exactly 51 % of the capital and refuses 50.99 %', () => {
    const at = (employee: bigint) =>
      ok(
        checkCapitalRatios('SCOP_SA', [
          h('e1', 'employee', employee),
          h('o1', 'other', 10_000n - employee),
          h('e2', 'employee', 0n),
        ]),
      );
    // e1 alone would hold > 50 %: split the employee capital in two.
    const split = (employee: bigint) =>
      ok(
        checkCapitalRatios('SCOP_SA', [
          h('e1', 'employee', employee / 2n),
          h('e2', 'employee', employee - employee / 2n),
          h('o1', 'other', (10_000n - employee) / 2n),
          h('o2', 'other', 10_000n - employee - (10_000n - employee) / 2n),
          h('e3', 'employee', 0n),
          h('e4', 'employee', 0n),
        ]),
      );
    expect(split(5100n).employeeCapital).toBe(true);
    expect(split(5099n).employeeCapital).toBe(false);
    expect(at(5100n).largestHolder).toBe(false);
  });

  it('counts votes per head: 65 % of associates employees passes, one fewer fails', () => {
    const people = (employees: number, others: number) => [
      ...Array.from({ length: employees }, (_, i) => h(`e${i}`, 'employee', 100n)),
      ...Array.from({ length: others }, (_, i) => h(`o${i}`, 'other', 1n)),
    ];
    expect(ok(checkCapitalRatios('SCOP_SAS', people(13, 7))).employeeVotes).toBe(true); // 65 %
    expect(ok(checkCapitalRatios('SCOP_SAS', people(12, 8))).employeeVotes).toBe(false); // 60 %
    expect(ok(checkCapitalRatios('SCOP_SAS', people(65, 35))).employeeVotes).toBe(true);
    expect(ok(checkCapitalRatios('SCOP_SAS', people(64, 36))).employeeVotes).toBe(false);
  });

  it('refuses one associate above half of the capital, accepts exactly half', () => {
    const r = checkCapitalRatios('SCOP_SARL', [h('a', 'employee', 5001n), h('b', 'employee', 4999n)]);
    expect(r.find((c) => c.rule === 'largestHolder')).toMatchObject({
      ok: false,
      associateId: 'a',
      valueBp: 5001,
    });
    expect(
      ok(checkCapitalRatios('SCOP_SARL', [h('a', 'employee', 5000n), h('b', 'employee', 5000n)]))
        .largestHolder,
    ).toBe(true);
  });

  it('binds SCOPs only, and fails the ratios of an empty register', () => {
    const r = checkCapitalRatios('SCIC_SA', [h('a', 'other', 100n)]);
    expect(r.every((c) => !c.applies)).toBe(true);
    expect(checkCapitalRatios('SCOP_SA', []).map((c) => [c.rule, c.ok, c.valueBp])).toEqual([
      ['employeeCapital', false, null],
      ['employeeVotes', false, null],
      ['largestHolder', true, null],
    ]);
  });
});
