import { describe, expect, it } from 'vitest';
import { isValidNir, normalizeNir } from './is-valid-nir.ts';

describe('isValidNir', () => {
  it('accepts numbers whose key is 97 minus the number modulo 97', () => {
    expect(isValidNir('1 84 12 76 451 089 46')).toBe(true);
    expect(isValidNir('269054958815780')).toBe(true);
    expect(isValidNir('2 85 07 2A 005 123 08')).toBe(true);
    expect(isValidNir('1 92 03 2b 033 045 80')).toBe(true);
  });
  it('refuses a wrong key, a wrong length or a wrong first digit', () => {
    expect(isValidNir('1 84 12 76 451 089 47')).toBe(false);
    expect(isValidNir('18412764510894')).toBe(false);
    expect(isValidNir('5 84 12 76 451 089 46')).toBe(false);
    expect(isValidNir('2 85 07 2C 005 123 08')).toBe(false);
    expect(isValidNir('')).toBe(false);
  });
  it('normalizes spaces, dots and case', () => {
    expect(normalizeNir('2 85.07 2a 005 123 08')).toBe('285072A00512308');
  });
});
