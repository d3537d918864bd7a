import { describe, expect, it } from 'vitest';
import { isValidIban } from '../../core/identity/bank-details.ts';
import { isValidNir } from '../../core/members/is-valid-nir.ts';
import { demoIban, demoNir, seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const draw = (r: ReturnType<typeof seededRandom>) => [r.next(), r.int(1, 6), r.uuid()];
    expect(draw(a)).toEqual(draw(b));
    expect(draw(seededRandom(42))).not.toEqual(draw(c));
  });

  it('draws UUIDs of version 4 shape, and valid IBANs and NIRs', () => {
    const r = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isValidIban(demoIban(r))).toBe(true);
      expect(isValidNir(demoNir(r, i % 2 ? 1 : 2))).toBe(true);
    }
  });
});
